import type { CryptoSuite, JsonObject, Signer } from '../../core/index.js';
import type { LogStore } from '../../store/index.js';
import { OwnLog } from '../record/own-log.js';
import type { Clock } from '../server/clock.js';

/**
 * This node's internal log: drafts, internal notes and escalations of every link, signed and
 * chained like the shared logs (so an administrator cannot quietly rewrite them either) but of
 * role `internal`, so nothing in it is ever sent (DESIGN §1, §3). One log serves all links;
 * each entry names its link.
 */
export async function openInternalLog(store: LogStore, crypto: CryptoSuite, signer: Signer, clock: Clock, host: string): Promise<OwnLog> {
  const origin = `${host}/internal`;
  await store.createLog({ origin, role: 'internal', peer: null, createdAt: clock.now() });
  return new OwnLog(store, crypto, signer, clock, origin, null);
}

/**
 * The body of an internal entry: its link, the step's catalogue body, and how many events of the
 * two shared logs the step was checked against, so the fold applies it after exactly those.
 */
export const internalEntry = (link: string, step: JsonObject, seen: { readonly own: number; readonly peer: number }): JsonObject => ({ link, step, seen: { ...seen } });
