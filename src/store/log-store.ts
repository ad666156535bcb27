import type { PeerRef } from '../core/index.js';

/**
 * Which log a row belongs to. `own`: this node's log towards one peer (shared with that peer).
 * `peer`: our copy of a peer's log. `internal`: the node-internal audit log, built like the
 * others but never sent (DESIGN §3, side-internal data).
 */
export type LogRole = 'own' | 'peer' | 'internal';

export interface NewLog {
  /** The log's origin line, e.g. `washington.parley.example/beijing`; events name it in `log`. */
  readonly origin: string;
  readonly role: LogRole;
  /** The pinned peer's name for `own` and `peer` logs; null for the internal log. */
  readonly peer: string | null;
  readonly createdAt: Date;
}

export interface LogRecord extends NewLog {
  /** Number of stored events; the next event's seq. */
  readonly size: number;
}

/** One signed event as stored: its bytes verbatim, plus columns the caller extracted from them. */
export interface EventRecord {
  readonly seq: number;
  /** RFC 8785 canonical JSON of the signed event, exactly as signed and hashed; never re-serialized. */
  readonly bytes: Uint8Array;
  /** SHA-256(bytes): what the next event's `prev` names. */
  readonly hash: Uint8Array;
  /** SHA-256(0x00 ‖ bytes), the RFC 6962 §2.1 leaf hash. */
  readonly leafHash: Uint8Array;
  readonly ts: string;
  readonly kind: string;
  readonly actor: string;
  readonly peer: PeerRef | null;
}

/**
 * A Merkle "stored hash" (a leaf or a completed subtree) at the index the caller's tree layout
 * gives it. The store keeps the index opaque: it only stores, compares and returns hashes.
 */
export interface MerkleHash {
  readonly idx: number;
  readonly hash: Uint8Array;
}

/** The peer has receipted our own events up to `seq`: the durable outbox cursor moves there. */
export interface OutboxAck {
  readonly peer: string;
  readonly seq: number;
}

/** Everything written in the same transaction as a batch of events. */
export interface AppendEffects {
  readonly merkleHashes: readonly MerkleHash[];
  /** Set when the batch holds the peer's receipt, so cursor and receipt cannot part. */
  readonly outboxAck?: OutboxAck;
}

/**
 * Events this node signed about a batch of the peer's (its receipt), written in the batch's
 * transaction: the receipt is durable exactly when what it receipts is. They were signed for the
 * batch as the caller expected it to be stored; if it is not (another process of this side
 * stored some of it first), they are not written and the caller signs anew.
 */
export interface OwnAlongside {
  readonly origin: string;
  readonly events: readonly EventRecord[];
  readonly merkleHashes: readonly MerkleHash[];
  /** The peer log's size after the batch, and how many of its events are new, as signed for. */
  readonly expects: { readonly size: number; readonly added: number };
}

export interface PeerAppendEffects extends AppendEffects {
  readonly own?: OwnAlongside;
}

export interface Appended {
  readonly kind: 'appended';
  /** Events newly stored (a repeated delivery adds 0). */
  readonly added: number;
  readonly size: number;
}

/** A peer batch stored; `own`: the own events written with it, if they were. */
export interface PeerAppended extends Appended {
  readonly own?: Appended;
}

/** The peer's log holds another event at a seq we already stored: both are signed, so this is evidence. */
export interface EventEquivocation {
  readonly kind: 'equivocation';
  readonly seq: number;
  readonly stored: EventRecord;
  readonly received: EventRecord;
}

export type PeerAppendResult = PeerAppended | EventEquivocation;

/** Logs, their events and their Merkle hashes. */
export interface LogStore {
  /** Idempotent: creating a log that exists with the same role and peer returns it; otherwise E_LOG_CONFLICT. */
  createLog(log: NewLog): Promise<LogRecord>;
  getLog(origin: string): Promise<LogRecord | undefined>;
  listLogs(filter?: { readonly role?: LogRole; readonly peer?: string }): Promise<LogRecord[]>;

  /**
   * Appends events this node signed. The first seq must equal the log's size (else
   * E_EVENT_SEQ_GAP or E_EVENT_SEQ_TAKEN) and seqs must be consecutive (else E_EVENT_OUT_OF_ORDER).
   * Events, Merkle hashes and the cursor are written in one transaction, or nothing is.
   */
  appendOwnEvents(origin: string, events: readonly EventRecord[], effects: AppendEffects): Promise<Appended>;

  /**
   * Appends events received from a peer. Idempotent: an event already stored with the same hash
   * is skipped. A different hash at a stored seq is returned as an equivocation and nothing is written.
   * Own events given in `effects.own` are appended in the same transaction, as `appendOwnEvents`
   * would (E_EVENT_SEQ_TAKEN if their seq is taken, and then nothing is written), or not at all
   * when the batch is not stored as they expect (then the result has no `own`).
   */
  appendPeerEvents(origin: string, events: readonly EventRecord[], effects: PeerAppendEffects): Promise<PeerAppendResult>;

  /** Up to `limit` events from `fromSeq` on, in seq order. */
  readEvents(origin: string, fromSeq: number, limit: number): Promise<EventRecord[]>;
  logSize(origin: string): Promise<number>;
  latestEvent(origin: string): Promise<EventRecord | undefined>;

  /** The newest event of this kind (e.g. the latest receipt), using the (log, kind, seq) index. */
  latestEventOfKind(origin: string, kind: string): Promise<EventRecord | undefined>;
  /** The events at these seqs, in the same order; undefined where the log has none. One query. */
  readEventsAt(origin: string, seqs: readonly number[]): Promise<(EventRecord | undefined)[]>;

  /** The hashes at `indexes`, in the same order, in one query; E_MERKLE_HASH_MISSING if one is absent. */
  readMerkleHashes(origin: string, indexes: readonly number[]): Promise<Uint8Array[]>;
}
