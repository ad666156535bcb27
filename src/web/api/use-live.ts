import { useEffect, useRef, useState } from 'react';
import type { NodeApi } from './node-api.js';

export type LiveState = 'connecting' | 'live' | 'offline';

/**
 * Live updates from this node (/v1/live). A message is only a hint that something was stored:
 * the caller re-reads the API, so a message missed while reconnecting loses nothing.
 */
export function useLive(api: NodeApi, onHint: () => void, onUnauthorized: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const hint = useRef(onHint);
  const unauthorized = useRef(onUnauthorized);
  useEffect(() => {
    hint.current = onHint;
    unauthorized.current = onUnauthorized;
  });

  useEffect(() => {
    let socket: WebSocket | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 500;
    let closed = false;
    const connect = () => {
      setState((s) => (s === 'live' ? 'connecting' : s));
      socket = new WebSocket(api.liveUrl());
      socket.onopen = () => {
        delay = 500;
        setState('live');
        hint.current();
      };
      socket.onmessage = () => hint.current();
      socket.onclose = (event) => {
        if (closed) return;
        if (event.code === 4401) return unauthorized.current();
        setState('offline');
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, 10_000);
      };
    };
    connect();
    return () => {
      closed = true;
      clearTimeout(retry);
      socket?.close();
    };
  }, [api]);
  return state;
}
