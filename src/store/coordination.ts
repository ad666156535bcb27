import { utf8 } from '../core/index.js';

/**
 * Coordination between node processes that share one database (DESIGN §4, HA on PostgreSQL):
 * exactly one process sends to a peer at a time (leadership), and every process hears about
 * new data (notifications). Each dialect declares what it can do across processes in
 * `StoreCapabilities`; the methods exist on every dialect so node code has one path.
 */
export interface StoreCapabilities {
  /** Leadership holds across processes (PostgreSQL advisory locks). False: within this process only. */
  readonly advisoryLocks: boolean;
  /** Notifications reach other processes (PostgreSQL LISTEN/NOTIFY). False: within this process only. */
  readonly notify: boolean;
}

export interface Leadership {
  readonly name: string;
  /**
   * Aborted when this process stops being the leader: on `release()`, on closing the store,
   * or when the connection holding the lock dies. Work done as leader should stop on it.
   */
  readonly signal: AbortSignal;
  release(): Promise<void>;
}

export type LeaderLockOutcome<T> = { readonly acquired: true; readonly value: T } | { readonly acquired: false };

export type Unlisten = () => Promise<void>;

export interface Coordination {
  /** Leadership of `name` if no one holds it now, else null. Never waits. */
  tryAcquireLeadership(name: string): Promise<Leadership | null>;
  /** Runs `fn` as leader of `name` and releases afterwards; `{ acquired: false }` if someone else leads. */
  withLeaderLock<T>(name: string, fn: (signal: AbortSignal) => Promise<T>): Promise<LeaderLockOutcome<T>>;
  /**
   * Calls `onPayload` for each notification on `channel`. Notifications are hints, delivered at
   * most once: a listener reads the store for the truth, and re-reads after reconnecting.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<Unlisten>;
  /** Payloads are limited to 7,000 bytes (PostgreSQL's limit is 8,000 including the channel). */
  notify(channel: string, payload: string): Promise<void>;
}

/** What a dialect folder implements; `withLeaderLock` is derived here once for all of them. */
export type DialectCoordination = Omit<Coordination, 'withLeaderLock'> & { close(): Promise<void> };

export function withLeaderLockOf(coordination: Pick<Coordination, 'tryAcquireLeadership'>): Coordination['withLeaderLock'] {
  return async (name, fn) => {
    const leadership = await coordination.tryAcquireLeadership(name);
    if (!leadership) return { acquired: false };
    try {
      return { acquired: true, value: await fn(leadership.signal) };
    } finally {
      await leadership.release();
    }
  };
}

// PostgreSQL channels are identifiers of at most 63 bytes; the schema name (at most 32) and a
// separator are prefixed, which leaves 30 for the channel.
const CHANNEL = /^[a-z][a-z0-9_.-]{0,29}$/;
const LEADERSHIP = /^[a-z][a-z0-9_.:/-]{0,99}$/;
const MAX_PAYLOAD_BYTES = 7000;

/** Both dialects refuse the same names, so code that works on SQLite works on PostgreSQL. */
export function checkChannel(channel: string): void {
  if (!CHANNEL.test(channel)) throw new TypeError(`Channel "${channel}" must match ${CHANNEL}.`);
}

export function checkPayload(payload: string): void {
  if (utf8(payload).length > MAX_PAYLOAD_BYTES) {
    throw new TypeError(`Notification payloads are hints of at most ${MAX_PAYLOAD_BYTES} bytes; send an id and let listeners read the store.`);
  }
}

export function checkLeadershipName(name: string): void {
  if (!LEADERSHIP.test(name)) throw new TypeError(`Leadership name "${name}" must match ${LEADERSHIP}.`);
}

/**
 * Runs a listener without letting its exception escape into the event loop, where it would end
 * the process (notifications arrive from a socket or a timer, not from the listener's caller).
 */
export function deliverSafely(channel: string, onPayload: (payload: string) => void, payload: string): void {
  try {
    onPayload(payload);
  } catch (error) {
    process.emitWarning(`A listener on channel "${channel}" threw: ${String(error)}`, 'ParleyStoreWarning');
  }
}
