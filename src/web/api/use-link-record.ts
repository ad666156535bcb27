import { useCallback, useEffect, useState } from 'react';
import { ApiError, type NodeApi } from './node-api.js';
import type { LinkStatus, RecordEvent } from './types.js';

const PAGE = 100;
const API_LIMIT = 1000;

export interface LinkRecord {
  /** Oldest first, as the logs hold them; the screen turns them round. */
  readonly own: readonly RecordEvent[];
  readonly peer: readonly RecordEvent[];
  readonly error: ApiError | null;
  readonly loaded: boolean;
  readonly more: boolean;
  showEarlier(): void;
}

async function tail(api: NodeApi, peer: string, log: 'own' | 'peer', size: number, count: number): Promise<RecordEvent[]> {
  const from = Math.max(0, size - count);
  const events: RecordEvent[] = [];
  for (let at = from; at < size; at += API_LIMIT) events.push(...(await api.events(peer, log, at, Math.min(API_LIMIT, size - at))));
  return events;
}

/** The newest events of both logs of a link, re-read whenever either log grows. */
export function useLinkRecord(api: NodeApi, link: LinkStatus | undefined, version: number, initial = PAGE): LinkRecord {
  const [own, setOwn] = useState<readonly RecordEvent[]>([]);
  const [peer, setPeer] = useState<readonly RecordEvent[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [count, setCount] = useState(initial);
  const name = link?.peer;
  const ownSize = link?.own.size ?? 0;
  const peerSize = link?.peerLog.size ?? 0;

  useEffect(() => {
    if (!name) return;
    let current = true;
    Promise.all([tail(api, name, 'own', ownSize, count), tail(api, name, 'peer', peerSize, count)])
      .then(([o, p]) => {
        if (!current) return;
        setOwn(o);
        setPeer(p);
        setError(null);
        setLoaded(true);
      })
      .catch((caught: unknown) => {
        if (current) setError(caught instanceof ApiError ? caught : new ApiError('E_INTERNAL', String(caught), null, 0));
      });
    return () => {
      current = false;
    };
  }, [api, name, ownSize, peerSize, count, version]);

  const showEarlier = useCallback(() => setCount((c) => c + PAGE), []);
  return { own, peer, error, loaded, more: ownSize > count || peerSize > count, showEarlier };
}
