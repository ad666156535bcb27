import {
  decodeEventOfLog, equalBytes, isHexOf, leafHash, ParleyError, signatureOf, signatureRefusal, signedMessageLength, writeSignedMessage,
  type CryptoSuite, type DecodedEvent, type PeerRef,
} from '../../core/index.js';
import { toEventRecord, type CheckpointStore, type EventRecord, type LogStore, type PeerAppendResult } from '../../store/index.js';
import { inlineSignatureChecks, type SignatureChecks } from '../crypto/index.js';
import type { Clock } from '../server/clock.js';
import { rememberEventJson } from './event-json.js';
import { SerialQueue } from './serial-queue.js';
import { StoredTree } from './stored-tree.js';
import type { PeerBatchWrite } from './own-log.js';

export const RECEIPT_KIND = 'link.receipt';

/** How long a batch that would leave a gap waits for the batch before it to arrive (elapsed time, not the record's clock). */
const GAP_GRACE_MS = 500;

export interface IntakeResult {
  /** Events newly stored (0 when all were stored before: deliveries are idempotent). */
  readonly added: number;
  /** Our copy's size afterwards: the next seq we expect. */
  readonly size: number;
  /** The verified events of the batch, stored before or now. */
  readonly events: readonly DecodedEvent[];
  /** Where this intake moved the outbox cursor in its commit (-1: it did not). */
  readonly ackedUpTo: number;
}

/**
 * How a checked batch is written: `write.store()` stores it alone; a caller that receipts it
 * stores it together with the receipt (`OwnLog.appendWith`). Called with the batch's new events only.
 */
export type BatchCommit = (events: readonly DecodedEvent[], write: PeerBatchWrite) => Promise<PeerAppendResult>;

export interface PeerLogIdentity {
  readonly peer: string;
  /** The peer's log towards us, of which we keep a copy. */
  readonly peerOrigin: string;
  /** Our own log towards the peer: the log the peer's events reference. */
  readonly ownOrigin: string;
  readonly peerLogKey: Uint8Array;
}

/**
 * Takes in events of the peer's log. Each is checked before anything is stored: signature by
 * the pinned key, canonical form, its log, consecutive seqs, the `prev` chain onto what we hold,
 * and its peer reference against our own log (it must name an event we wrote, by its hash, and
 * never an older one than before). A batch is stored whole or not at all. Two different events
 * at one seq, both signed by the peer, are kept as evidence of equivocation.
 */
export class PeerLogIntake {
  private readonly serial = new SerialQueue();
  private readonly tree: StoredTree;
  /** Settles when this intake next stores a batch. */
  private nextStore = signal();

  constructor(
    private readonly store: LogStore & Pick<CheckpointStore, 'recordEquivocation'>,
    private readonly crypto: CryptoSuite,
    private readonly clock: Clock,
    readonly identity: PeerLogIdentity,
    private readonly signatures: SignatureChecks = inlineSignatureChecks(crypto),
  ) {
    this.tree = new StoredTree(store, crypto, identity.peerOrigin);
  }

  /**
   * `deliveredUpTo`: the highest seq of our own log the peer is known to hold by other means (it
   * said so in answer to a request we signed); the outbox cursor moves there in the same commit.
   * `commit`: how a batch with new events is written (by default, alone).
   */
  async accept(batch: readonly Uint8Array[], deliveredUpTo = -1, commit?: BatchCommit): Promise<IntakeResult> {
    // Signatures are checked before the batch queues to be stored: the next batch's are checked
    // (in the signature worker) while the one before it is stored.
    const events = this.consecutive(await this.verified(batch));
    const first = events[0]?.event.seq ?? 0;
    for (let grace = performance.now() + GAP_GRACE_MS; ; ) {
      const nextStore = this.nextStore.promise;
      const result = await this.serial.run(async () => {
        const size = await this.store.logSize(this.identity.peerOrigin);
        // A batch that starts beyond our copy may only have overtaken the one before it (a
        // sender keeps more than one exchange in flight): it waits for that one, a little.
        if (first > size && performance.now() < grace) return null;
        return this.storeChecked(events, size, deliveredUpTo, commit);
      });
      if (result) {
        if (result.added > 0) this.announceStored();
        return result;
      }
      // Each batch that does arrive meanwhile earns the waiting one more time.
      if (await settlesWithin(nextStore, grace - performance.now())) grace = performance.now() + GAP_GRACE_MS;
    }
  }

  /** Resolves the waits for the next stored batch, and starts the next such wait. */
  private announceStored(): void {
    const stored = this.nextStore;
    this.nextStore = signal();
    stored.resolve();
  }

  /**
   * Decodes and verifies a batch, failing on its first bad event. An event we already hold byte
   * for byte (same seq, same hash) was verified when it was stored, so it costs a hash instead of
   * a signature check: the two directions of one link (our pull, the peer's push) often carry the
   * same events at once. What we hold is read outside the queue that stores batches, so it may be
   * less than what is stored by then: such an event is only checked in full.
   */
  private async verified(batch: readonly Uint8Array[]): Promise<DecodedEvent[]> {
    const { peerOrigin } = this.identity;
    const events: DecodedEvent[] = [];
    let refusal: unknown = null;
    for (const bytes of batch) {
      try {
        events.push(decodeEventOfLog(this.crypto, bytes, peerOrigin));
      } catch (error) {
        refusal = error;
        break;
      }
    }
    // An event that fails to decode fails the batch, but a bad signature before it is named first.
    const signed = await this.unheld(events);
    await this.checkSignatures(signed);
    if (refusal !== null) throw refusal;
    return events;
  }

  /** The events of a decoded batch that this copy does not already hold byte for byte. */
  private async unheld(events: readonly DecodedEvent[]): Promise<readonly DecodedEvent[]> {
    const first = events[0]?.event.seq;
    if (first === undefined) return events;
    const size = await this.store.logSize(this.identity.peerOrigin);
    const known = Math.max(0, Math.min(events.length, size - first));
    if (known === 0) return events;
    const stored = await this.store.readEvents(this.identity.peerOrigin, first, known);
    return events.filter((e, i) => {
      const held = i < known ? stored[i] : undefined;
      return !(held && held.seq === e.event.seq && equalBytes(held.hash, e.hash));
    });
  }

  /** Throws the refusal of the first event whose signature by the peer's pinned key does not verify. */
  private async checkSignatures(events: readonly DecodedEvent[]): Promise<void> {
    if (events.length === 0) return;
    let length = 0;
    for (const e of events) length += signedMessageLength(e);
    // One buffer for all the signed messages; each check reads its part of it.
    const messages = new Uint8Array(length);
    let at = 0;
    const checks = events.map((e) => {
      const end = at + writeSignedMessage(e, messages, at);
      const check = { message: messages.subarray(at, end), signature: signatureOf(e) };
      at = end;
      return check;
    });
    const ok = await this.signatures.verifyAll(this.identity.peerLogKey, checks);
    const bad = ok.indexOf(false);
    if (bad >= 0) throw signatureRefusal(events[bad]!);
  }

  /** The batch, once it is known to hold consecutive seqs. */
  private consecutive(events: readonly DecodedEvent[]): readonly DecodedEvent[] {
    const { peerOrigin } = this.identity;
    const first = events[0]?.event.seq ?? 0;
    events.forEach((e, i) => {
      const expected = first + i;
      if (e.event.seq !== expected) {
        throw new ParleyError('E_EVENT_OUT_OF_ORDER', `A batch holds consecutive seqs of ${peerOrigin}: found ${e.event.seq} where ${expected} belongs.`, { seq: e.event.seq });
      }
    });
    return events;
  }

  private async storeChecked(events: readonly DecodedEvent[], size: number, deliveredUpTo: number, commit?: BatchCommit): Promise<IntakeResult> {
    const { peerOrigin, peer } = this.identity;
    if (events.length === 0) return { added: 0, size, events, ackedUpTo: -1 };
    const first = events[0]!.event.seq;
    if (first > size) {
      throw new ParleyError('E_EVENT_SEQ_GAP', `This node holds ${size} events of ${peerOrigin}; a batch from seq ${first} would leave a gap. Send from seq ${size}.`, { seq: first, size });
    }
    const before = first > 0 ? (await this.store.readEventsAt(peerOrigin, [first - 1]))[0] : undefined;
    if (first > 0 && !before) throw new Error(`The stored copy of ${peerOrigin} lacks event ${first - 1} below its size ${size}.`);
    this.checkChain(events, before);
    await this.checkPeerRefs(events, before);

    const records = events.map((e) => {
      rememberEventJson(e.bytes, e.event);
      return toEventRecord(e, leafHash(this.crypto, e.bytes));
    });
    const freshEvents = events.filter((e) => e.event.seq >= size);
    const fresh = records.filter((r) => r.seq >= size);
    const merkleHashes = fresh.length > 0 ? await this.tree.hashesToAppend(size, fresh.map((r) => r.leafHash)) : [];
    const acked = Math.max(ackedSeq(freshEvents) ?? -1, fresh.length > 0 ? deliveredUpTo : -1);
    const effects = { merkleHashes, ...(acked < 0 ? {} : { outboxAck: { peer, seq: acked } }) };
    const head = fresh[fresh.length - 1];
    const result = commit && head
      ? await commit(freshEvents, {
        head, expects: { size: size + fresh.length, added: fresh.length },
        store: (own) => this.store.appendPeerEvents(peerOrigin, records, { ...effects, own }),
      })
      : await this.store.appendPeerEvents(peerOrigin, records, effects);
    if (result.kind === 'equivocation') throw await this.equivocation(result.stored, result.received);
    return { added: result.added, size: result.size, events, ackedUpTo: result.added > 0 ? acked : -1 };
  }

  private checkChain(events: readonly DecodedEvent[], before: EventRecord | undefined): void {
    let prev = before?.hash ?? null;
    for (const { event, hash } of events) {
      if (prev === null ? event.prev !== null : event.prev === null || !isHexOf(event.prev, prev)) {
        throw new ParleyError('E_EVENT_PREV_MISMATCH', `Event ${event.seq} of ${event.log} names a prev hash that is not the hash of event ${event.seq - 1}.`, { seq: event.seq });
      }
      prev = hash;
    }
  }

  /** References only move forward, and each must name one of our events by its exact hash. */
  private async checkPeerRefs(events: readonly DecodedEvent[], before: EventRecord | undefined): Promise<void> {
    const { ownOrigin } = this.identity;
    let last: PeerRef | null = before?.peer ?? null;
    const wanted = new Set<number>();
    for (const { event } of events) {
      const ref = event.peer;
      if (ref === null) {
        if (last !== null) throw new ParleyError('E_PEER_REF_REGRESSED', `Event ${event.seq} of ${event.log} drops its reference into ${ownOrigin}.`, { seq: event.seq });
        continue;
      }
      if (ref.log !== ownOrigin) throw new ParleyError('E_PEER_REF_WRONG_LOG', `Event ${event.seq} of ${event.log} refers to ${ref.log}, not to ${ownOrigin}.`, { seq: event.seq });
      if (last !== null && ref.seq < last.seq) {
        throw new ParleyError('E_PEER_REF_REGRESSED', `Event ${event.seq} of ${event.log} refers to event ${ref.seq} of ${ownOrigin} after an event that referred to ${last.seq}.`, { seq: event.seq });
      }
      last = ref;
      wanted.add(ref.seq);
    }
    const seqs = [...wanted];
    const found = await this.store.readEventsAt(ownOrigin, seqs);
    const hashOf = new Map(seqs.map((seq, i) => [seq, found[i]]));
    for (const { event } of events) {
      const ref = event.peer;
      if (!ref) continue;
      const ours = hashOf.get(ref.seq);
      if (!ours) throw new ParleyError('E_PEER_REF_UNKNOWN', `Event ${event.seq} of ${event.log} refers to event ${ref.seq} of ${ownOrigin}, which this node never wrote.`, { seq: event.seq });
      if (!isHexOf(ref.hash, ours.hash)) {
        throw new ParleyError('E_PEER_REF_MISMATCH', `Event ${event.seq} of ${event.log} refers to event ${ref.seq} of ${ownOrigin} by another hash than the one this node signed.`, { seq: event.seq });
      }
    }
  }

  private async equivocation(stored: EventRecord, received: EventRecord): Promise<ParleyError> {
    const { peerOrigin } = this.identity;
    await this.store.recordEquivocation({ origin: peerOrigin, kind: 'event', position: stored.seq, first: stored.bytes, second: received.bytes, recordedAt: this.clock.now() });
    return new ParleyError('E_EVENT_SEQ_REUSED', `${peerOrigin} signed two different events at seq ${stored.seq}; both are kept as evidence and the link is no longer trusted.`, {
      seq: stored.seq,
      equivocation: true,
    });
  }
}

/** A promise and what resolves it. */
function signal(): { readonly promise: Promise<void>; readonly resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

/** Whether `promise` settles within `ms` (false once the time is up). */
async function settlesWithin(promise: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, ms))));
  try {
    return await Promise.race([promise.then(() => true), timeUp]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The highest seq of our own log that the batch proves the peer holds. Every event's peer
 * reference names, by hash, the newest of our events the peer had stored when it signed; a
 * receipt is an event whose reference is exactly what it receipts, so one rule covers both.
 */
function ackedSeq(events: readonly DecodedEvent[]): number | null {
  let acked: number | null = null;
  for (const { event } of events) if (event.peer) acked = Math.max(acked ?? -1, event.peer.seq);
  return acked;
}
