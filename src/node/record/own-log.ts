import { isParleyError, leafHash, signEvent, toHex, type CryptoSuite, type EncodedEvent, type JsonObject, type PeerRef, type Signer } from '../../core/index.js';
import { toEventRecord, type EventRecord, type LogStore, type OwnAlongside, type PeerAppendResult } from '../../store/index.js';
import type { Clock } from '../server/clock.js';
import { nextTurn } from './next-turn.js';
import { StoredTree } from './stored-tree.js';

/** What a caller asks to be recorded; the writer adds log, seq, prev, peer, ts and the signature. */
export interface NewEntry {
  readonly kind: string;
  readonly actor: string;
  readonly body: JsonObject;
  /**
   * Written while answering the peer, so it already travels in that answer: listeners need not
   * wake the sender for it. Not part of the event.
   */
  readonly quiet?: boolean;
}

/** A batch of the peer's log about to be stored, with an own event (its receipt) in the same commit. */
export interface PeerBatchWrite {
  /** The peer's newest event once the batch is stored: what the own event refers to. */
  readonly head: EventRecord;
  /** The peer log's size after the batch, and how many of its events are new. */
  readonly expects: OwnAlongside['expects'];
  /** Stores the batch, and `own` (if given) with it in the same transaction. */
  readonly store: (own?: OwnAlongside) => Promise<PeerAppendResult>;
}

/** What storing a batch with an own event came to; `event` is the own event, if it was written. */
export interface AlongsideOutcome {
  readonly result: PeerAppendResult;
  readonly event?: EventRecord;
}

type Pending =
  | { readonly entry: NewEntry; readonly batch?: undefined; readonly resolve: (event: EventRecord) => void; readonly reject: (error: unknown) => void }
  | { readonly entry: NewEntry; readonly batch: PeerBatchWrite; readonly resolve: (outcome: AlongsideOutcome) => void; readonly reject: (error: unknown) => void };

/** Entries signed and committed in one transaction at most (SQLite and PostgreSQL both take this comfortably). */
const MAX_GROUP = 500;
/** Entries signed between two turns of the event loop. */
const SIGN_SLICE = 100;
/** Another process of this side appended first: re-read the head and sign again. */
const MAX_SEQ_RACES = 20;

/**
 * The writer of one of this node's own logs. Concurrent appends are grouped into one signed,
 * committed batch (group commit), so many callers cost one fsync. Every event names the newest
 * event of the peer's log stored when it was signed (DESIGN §3, `peer`), so the chain commits to
 * what this side had received. Several processes may write one log (HA): a lost race for a seq
 * is retried with the new head, never written twice.
 */
export class OwnLog {
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;
  private readonly tree: StoredTree;
  private readonly listeners = new Set<(events: readonly EventRecord[], quiet: boolean) => void>();

  constructor(
    private readonly store: LogStore,
    private readonly crypto: CryptoSuite,
    private readonly signer: Signer,
    private readonly clock: Clock,
    readonly origin: string,
    /** Our copy of the peer's log, whose head every event references; null for the node-internal log, which has no peer. */
    readonly peerOrigin: string | null,
  ) {
    this.tree = new StoredTree(store, crypto, origin);
  }

  append(entry: NewEntry): Promise<EventRecord> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /**
   * Signs `entry` for a batch of the peer's log and commits the two in one transaction, after
   * every append queued before it. Its peer reference names the batch's newest event (or a newer
   * one already stored), which the same commit makes durable.
   */
  appendWith(entry: NewEntry, batch: PeerBatchWrite): Promise<AlongsideOutcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, batch, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  appendAll(entries: readonly NewEntry[]): Promise<EventRecord[]> {
    return Promise.all(entries.map((entry) => this.append(entry)));
  }

  /**
   * Writes the log's first event, unless the log already has one (another process of this side
   * may be opening it at the same moment: exactly one first event is ever written).
   */
  async appendFirst(entry: NewEntry): Promise<boolean> {
    if ((await this.store.logSize(this.origin)) > 0) return false;
    const peerHead = await this.peerHead();
    const [record] = await this.sign([entry], undefined, peerHead);
    try {
      await this.store.appendOwnEvents(this.origin, [record!], { merkleHashes: await this.tree.hashesToAppend(0, [record!.leafHash]) });
    } catch (error) {
      if (isParleyError(error, 'E_EVENT_SEQ_TAKEN')) return false;
      throw error;
    }
    for (const listener of this.listeners) listener([record!], false);
    return true;
  }

  /** Called after every committed batch, in this process. */
  onAppended(listener: (events: readonly EventRecord[], quiet: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  size(): Promise<number> {
    return this.store.logSize(this.origin);
  }

  /** Resolves when everything queued so far is committed (or refused). */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  private async flush(): Promise<void> {
    // Appends made in the same synchronous run as the first one join its group.
    await Promise.resolve();
    try {
      while (this.queue.length > 0) {
        const alone = this.queue[0]!;
        if (alone.batch) {
          this.queue.shift();
          await this.commitWithBatch(alone.entry, alone.batch).then(alone.resolve, alone.reject);
        } else {
          // A group ends before the next entry that commits with a peer batch.
          const end = this.queue.findIndex((p) => p.batch !== undefined);
          const group = this.queue.splice(0, Math.min(MAX_GROUP, end < 0 ? this.queue.length : end));
          try {
            const events = await this.commit(group.map((p) => p.entry));
            group.forEach((p, i) => (p.resolve as (event: EventRecord) => void)(events[i]!));
            this.announce(events, group.every((p) => p.entry.quiet === true));
          } catch (error) {
            for (const p of group) p.reject(error);
          }
        }
        // A burst of appends must not starve the rest of the process: without this turn of the
        // event loop the next group takes the store's connection before the sender's read, an
        // API request or an answer to the peer can, and the link waits for the whole burst.
        if (this.queue.length > 0) await nextTurn();
      }
    } finally {
      this.flushing = null;
    }
  }

  private announce(events: readonly EventRecord[], quiet: boolean): void {
    for (const listener of this.listeners) listener(events, quiet);
  }

  private async commit(entries: readonly NewEntry[]): Promise<EventRecord[]> {
    for (let attempt = 1; ; attempt++) {
      const { records, merkleHashes } = await this.signed(entries);
      try {
        await this.store.appendOwnEvents(this.origin, records, { merkleHashes });
        return records;
      } catch (error) {
        if (attempt < MAX_SEQ_RACES && isParleyError(error, 'E_EVENT_SEQ_TAKEN')) continue;
        throw error;
      }
    }
  }

  private async commitWithBatch(entry: NewEntry, batch: PeerBatchWrite): Promise<AlongsideOutcome> {
    for (let attempt = 1; ; attempt++) {
      const { records, merkleHashes } = await this.signed([entry], batch.head);
      try {
        const result = await batch.store({ origin: this.origin, events: records, merkleHashes, expects: batch.expects });
        if (result.kind !== 'appended' || !result.own) return { result };
        this.announce(records, entry.quiet === true);
        return { result, event: records[0]! };
      } catch (error) {
        if (attempt < MAX_SEQ_RACES && isParleyError(error, 'E_EVENT_SEQ_TAKEN') && error.details.origin === this.origin) continue;
        throw error;
      }
    }
  }

  /**
   * `entries` signed onto the log's head, referring to the newest stored event of the peer's log
   * (or to `peerAtLeast`, about to be stored with them, if it is newer), with the Merkle hashes
   * they add. The head is read first: any event of ours that another process of this side wrote
   * before it refers to a peer event stored before it, so the reference read next never regresses.
   */
  private async signed(entries: readonly NewEntry[], peerAtLeast?: EventRecord) {
    const head = await this.store.latestEvent(this.origin);
    const stored = await this.peerHead();
    const peerHead = peerAtLeast && (!stored || stored.seq < peerAtLeast.seq) ? peerAtLeast : stored;
    const records = await this.sign(entries, head, peerHead);
    const merkleHashes = await this.tree.hashesToAppend(records[0]!.seq, records.map((r) => r.leafHash));
    return { records, merkleHashes };
  }

  private peerHead(): Promise<EventRecord | undefined> {
    return this.peerOrigin === null ? Promise.resolve(undefined) : this.store.latestEvent(this.peerOrigin);
  }

  /**
   * Signs a group in slices, with a turn of the event loop between them: signing 500 events takes
   * 15–25 ms, in which this process would answer no request and read no answer of the peer.
   */
  private async sign(entries: readonly NewEntry[], head: EventRecord | undefined, peerHead: EventRecord | undefined): Promise<EventRecord[]> {
    const peer: PeerRef | null = peerHead && this.peerOrigin ? { log: this.peerOrigin, seq: peerHead.seq, hash: toHex(peerHead.hash) } : null;
    // One timestamp per batch, never earlier than the head's: the log's times never run backwards.
    const now = this.clock.now().toISOString();
    const ts = head && head.ts > now ? head.ts : now;
    let seq = head ? head.seq + 1 : 0;
    let prev = head ? toHex(head.hash) : null;
    const records: EventRecord[] = [];
    for (const entry of entries) {
      if (records.length > 0 && records.length % SIGN_SLICE === 0) await nextTurn();
      const encoded: EncodedEvent = signEvent(this.crypto, this.signer, { v: 1, log: this.origin, seq, prev, peer, ts, kind: entry.kind, actor: entry.actor, body: entry.body });
      seq++;
      prev = toHex(encoded.hash);
      records.push(toEventRecord(encoded, leafHash(this.crypto, encoded.bytes)));
    }
    return records;
  }
}
