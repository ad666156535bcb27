import { useEffect, useState } from 'react';
import { ApiError, type NodeApi } from './node-api.js';
import type { LinkChannel } from './types.js';

/** The link's channels as the mechanism holds them, re-read on every live hint. */
export function useChannels(api: NodeApi, peer: string, version: number): { channels: readonly LinkChannel[] | null; error: ApiError | null } {
  const [channels, setChannels] = useState<readonly LinkChannel[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    let current = true;
    api.channels(peer).then(
      (list) => {
        if (!current) return;
        setChannels(list);
        setError(null);
      },
      (caught: unknown) => current && setError(caught instanceof ApiError ? caught : new ApiError('E_INTERNAL', String(caught), null, 0)),
    );
    return () => {
      current = false;
    };
  }, [api, peer, version]);
  return { channels, error };
}
