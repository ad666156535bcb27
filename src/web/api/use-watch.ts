import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type NodeApi } from './node-api.js';
import type { Incident, LinkStatus, NodeInfo, PeerIdentity } from './types.js';
import { useLive, type LiveState } from './use-live.js';

/** Link state changes without an event (a peer going quiet), so the floor is also re-read on a timer. */
const POLL_MS = 5_000;

export interface Watch {
  readonly node: NodeInfo | null;
  readonly links: readonly LinkStatus[] | null;
  readonly incidents: readonly Incident[] | null;
  /** Each peer's identity and clock, from the `link.opened` event its log begins with. */
  readonly peers: Readonly<Record<string, PeerIdentity>>;
  readonly error: ApiError | null;
  readonly live: LiveState;
  /** Bumped on every live hint, so screens showing a log re-read it. */
  readonly version: number;
  readonly refreshedAt: Date | null;
}

const isPeerIdentity = (body: Record<string, unknown>): boolean =>
  typeof body.node === 'string' && typeof body.side === 'string' && typeof body.timeZone === 'string';

export function useWatch(api: NodeApi, onUnauthorized: () => void): Watch {
  const [node, setNode] = useState<NodeInfo | null>(null);
  const [links, setLinks] = useState<readonly LinkStatus[] | null>(null);
  const [incidents, setIncidents] = useState<readonly Incident[] | null>(null);
  const [peers, setPeers] = useState<Readonly<Record<string, PeerIdentity>>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [version, setVersion] = useState(0);
  const [refreshedAt, setRefreshedAt] = useState<Date | null>(null);
  const peersRef = useRef(peers);
  const busy = useRef(false);
  const again = useRef(false);

  const refresh = useCallback(async () => {
    // One read at a time; hints arriving meanwhile are folded into one more read after it.
    if (busy.current) {
      again.current = true;
      return;
    }
    busy.current = true;
    try {
      do {
        again.current = false;
        try {
          const [info, linkList, open] = await Promise.all([api.node(), api.links(), api.openIncidents()]);
          setNode(info);
          setLinks(linkList);
          setIncidents(open);
          setError(null);
          setRefreshedAt(new Date());
          for (const link of linkList) {
            if (peersRef.current[link.peer] || link.peerLog.size === 0) continue;
            const [first] = await api.events(link.peer, 'peer', 0, 1);
            if (first?.kind === 'link.opened' && isPeerIdentity(first.body)) {
              const identity = first.body as unknown as PeerIdentity;
              peersRef.current = { ...peersRef.current, [link.peer]: { node: identity.node, side: identity.side, timeZone: identity.timeZone } };
              setPeers(peersRef.current);
            }
          }
        } catch (caught) {
          if (caught instanceof ApiError && caught.code === 'E_UNAUTHORIZED') return onUnauthorized();
          setError(caught instanceof ApiError ? caught : new ApiError('E_INTERNAL', String(caught), null, 0));
        }
      } while (again.current);
    } finally {
      busy.current = false;
    }
  }, [api, onUnauthorized]);

  const onHint = useCallback(() => {
    setVersion((v) => v + 1);
    void refresh();
  }, [refresh]);
  const live = useLive(api, onHint, onUnauthorized);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return { node, links, incidents, peers, error, live, version, refreshedAt };
}
