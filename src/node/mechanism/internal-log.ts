import type { CryptoSuite, JsonObject, Signer } from '../../core/index.js';
import type { EventRecord, LogStore } from '../../store/index.js';
import { OwnLog, type NewEntry } from '../record/own-log.js';
import type { Clock } from '../server/clock.js';

/**
 * This node's internal log: drafts, internal notes and escalations of every link, signed and
 * chained like the shared logs (so an administrator cannot quietly rewrite them either) but of
 * role `internal`, so nothing in it is ever sent (DESIGN §1, §3). One log serves all links;
 * each entry names its link. It is created with its first entry: a node whose users never
 * drafted anything holds no empty log.
 */
export class InternalLog {
  readonly origin: string;
  private readonly writer: OwnLog;
  private created: Promise<unknown> | null = null;

  constructor(private readonly store: LogStore, crypto: CryptoSuite, signer: Signer, private readonly clock: Clock, host: string) {
    this.origin = `${host}/internal`;
    this.writer = new OwnLog(store, crypto, signer, clock, this.origin, null);
  }

  async append(entry: NewEntry): Promise<EventRecord> {
    this.created ??= this.store.createLog({ origin: this.origin, role: 'internal', peer: null, createdAt: this.clock.now() }).catch((error: unknown) => {
      this.created = null;
      throw error;
    });
    await this.created;
    return this.writer.append(entry);
  }

  onAppended(listener: (events: readonly EventRecord[]) => void): () => void {
    return this.writer.onAppended(listener);
  }

  settled(): Promise<void> {
    return this.writer.settled();
  }
}

/**
 * The body of an internal entry: its link, the step's catalogue body, and how many events of the
 * two shared logs the step was checked against, so the fold applies it after exactly those.
 */
export const internalEntry = (link: string, step: JsonObject, seen: { readonly own: number; readonly peer: number }): JsonObject => ({ link, step, seen: { ...seen } });
