import { ParleyError, isParleyError, leafHash, toHex, verifyEvent, type CryptoSuite } from '../../core/index.js';

/** A run of complete lines of one log's events file, cut for one worker. */
export interface EventBatch {
  readonly log: string;
  readonly peer: string;
  readonly publicKey: Uint8Array;
  /** The lines' bytes as they stand in the file. */
  readonly data: Uint8Array;
  /** Per line, its start and its end (before the newline) in `data`. */
  readonly bounds: Uint32Array;
  /** 1-based line number of the first line. */
  readonly firstLine: number;
}

export interface CheckedLine {
  readonly seq: number;
  readonly prev: string | null;
  readonly hash: string;
  readonly ts: number;
  readonly peer: { readonly seq: number; readonly hash: string } | null;
  readonly line: number;
}

export interface BatchFailure {
  readonly code: ParleyError['code'];
  readonly message: string;
  readonly line: number;
  readonly seq: number | null;
}

export interface BatchResult {
  /** The events before the first failure, in order. */
  readonly events: CheckedLine[];
  /** Per event: its 32-byte hash, then its 32-byte Merkle leaf hash. */
  readonly hashes: Uint8Array;
  readonly failure: BatchFailure | null;
}

/**
 * Everything about a single event that needs no other event: shape, canonical form, log name,
 * signature, peer-reference log name, and its two hashes. It is the costly part (one Ed25519
 * verification per event), so it runs in worker threads; the same function runs inline for tests.
 */
export function checkBatch(crypto: CryptoSuite, batch: EventBatch): BatchResult {
  const count = batch.bounds.length / 2;
  const events: CheckedLine[] = [];
  const hashes = new Uint8Array(count * 64);
  for (let i = 0; i < count; i++) {
    const line = batch.firstLine + i;
    const bytes = batch.data.subarray(batch.bounds[2 * i]!, batch.bounds[2 * i + 1]!);
    try {
      if (bytes.length === 0) throw new ParleyError('E_EVENT_MALFORMED', 'Empty line: each line of an events file is one event.');
      const { event, hash } = verifyEvent(crypto, bytes, batch.publicKey, batch.log);
      if (event.peer && event.peer.log !== batch.peer) {
        throw new ParleyError('E_PEER_REF_WRONG_LOG', `Event ${event.seq} of ${batch.log} refers to log "${event.peer.log}", not to its peer ${batch.peer}.`, { seq: event.seq });
      }
      hashes.set(hash, i * 64);
      hashes.set(leafHash(crypto, bytes), i * 64 + 32);
      events.push({ seq: event.seq, prev: event.prev, hash: toHex(hash), ts: Date.parse(event.ts), peer: event.peer && { seq: event.peer.seq, hash: event.peer.hash }, line });
    } catch (err) {
      if (!isParleyError(err)) throw err;
      const seq = typeof err.details.seq === 'number' ? err.details.seq : null;
      return { events, hashes: hashes.slice(0, i * 64), failure: { code: err.code, message: err.message, line, seq } };
    }
  }
  return { events, hashes, failure: null };
}
