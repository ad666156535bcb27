import {
  EVENT_SIGNING_PREFIX, EventLineFields, HASH_AT, HASH_BYTES_PER_EVENT, LEAF_AT, NUMBERS_PER_EVENT, PEER_HASH_AT, PEER_SEQ_AT, PREV_AT, ParleyError, SEQ_AT, TS_AT,
  eventLineContext, fromHex, isParleyError, leafHash, scanEventLine, utf8, verifyEvent,
  type CheckedBatch, type CryptoSuite, type EventLineContext,
} from '../../core/index.js';

/** A run of complete lines of one log's events file, cut for one worker. */
export interface EventBatch {
  readonly log: string;
  readonly peer: string;
  readonly publicKey: Uint8Array;
  /** The lines' bytes as they stand in the file, each preceded by one zero byte (see line-ranges). */
  readonly data: Uint8Array;
  /** Per line, its start and its end (before the newline) in `data`. */
  readonly bounds: Uint32Array;
  /** 1-based line number of the first line. */
  readonly firstLine: number;
}

/** Ed25519 verification under one public key, prepared once for a whole batch. */
export type KeyVerifier = (message: Uint8Array, signature: Uint8Array) => boolean;
export type KeyVerifiers = (publicKey: Uint8Array) => KeyVerifier;

/** The two primitives the fast path calls for every event, as the thread running it prepares them. */
export interface LinePrimitives {
  readonly verifierFor: KeyVerifiers;
  /** SHA-256 of `data`, written into `out` at `at`. */
  readonly sha256Into: (data: Uint8Array, out: Uint8Array, at: number) => void;
}

/** The primitives of a crypto suite, for checking on the calling thread. */
export const suitePrimitives = (crypto: CryptoSuite): LinePrimitives => ({
  verifierFor: (publicKey) => (message, signature) => crypto.ed25519.verify(publicKey, message, signature),
  sha256Into: (data, out, at) => out.set(crypto.sha256(data), at),
});

const PREFIX = utf8(EVENT_SIGNING_PREFIX);
// The signed message of the current line is assembled here: one buffer per thread, grown when a
// line needs more, instead of a fresh array per event.
let message = new Uint8Array(64 * 1024);
message.set(PREFIX);
const fields = new EventLineFields();
// Every batch of a log names the same log and peer: their canonical spellings are prepared once.
const contexts = new Map<string, EventLineContext>();
function contextOf(log: string, peer: string): EventLineContext {
  const key = JSON.stringify([log, peer]);
  let context = contexts.get(key);
  if (!context) {
    if (contexts.size > 64) contexts.clear();
    context = eventLineContext(log, peer);
    contexts.set(key, context);
  }
  return context;
}

/** The bytes the signature covers: the prefix, then the line without its `,"sig":"…"` member (canonical order puts sig last but for ts and v). */
function signedMessage(line: Uint8Array): Uint8Array {
  const length = PREFIX.length + line.length - (fields.sigEnd - fields.sigStart);
  if (length > message.length) {
    message = new Uint8Array(2 * length);
    message.set(PREFIX);
  }
  message.set(line.subarray(0, fields.sigStart), PREFIX.length);
  message.set(line.subarray(fields.sigEnd), PREFIX.length + fields.sigStart);
  return message.subarray(0, length);
}

const HEX_VALUE = new Int8Array(256).fill(0);
for (let i = 0; i < 16; i++) HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;

/** 64 lowercase hex digits (already checked by the scan) into 32 bytes. */
function hexInto(line: Uint8Array, from: number, out: Uint8Array, at: number): void {
  for (let i = 0; i < 32; i++) out[at + i] = (HEX_VALUE[line[from + 2 * i]!]! << 4) | HEX_VALUE[line[from + 2 * i + 1]!]!;
}

/**
 * The slow path: the full decoder decides a line the fast scan did not accept. It either accepts
 * a spelling the scan does not follow (packing the event like the fast path) or throws the
 * precise error.
 */
function checkSlowly(crypto: CryptoSuite, batch: EventBatch, line: Uint8Array, numbers: Float64Array, hashes: Uint8Array, i: number): void {
  if (line.length === 0) throw new ParleyError('E_EVENT_MALFORMED', 'Empty line: each line of an events file is one event.');
  const { event } = verifyEvent(crypto, line, batch.publicKey, batch.log);
  if (event.peer && event.peer.log !== batch.peer) {
    throw new ParleyError('E_PEER_REF_WRONG_LOG', `Event ${event.seq} of ${batch.log} refers to log "${event.peer.log}", not to its peer ${batch.peer}.`, { seq: event.seq });
  }
  const n = i * NUMBERS_PER_EVENT;
  const h = i * HASH_BYTES_PER_EVENT;
  numbers[n + SEQ_AT] = event.seq;
  numbers[n + TS_AT] = Date.parse(event.ts);
  numbers[n + PEER_SEQ_AT] = event.peer ? event.peer.seq : -1;
  if (event.prev !== null) hashes.set(fromHex(event.prev, 32), h + PREV_AT);
  if (event.peer) hashes.set(fromHex(event.peer.hash, 32), h + PEER_HASH_AT);
}

/**
 * Everything about a single event that needs no other event: shape, canonical form, log name,
 * signature, peer-reference log name, and its two hashes. It is the costly part (one Ed25519
 * verification per event), so it runs in worker threads; the same function runs inline for tests.
 *
 * Each line goes first through the single-pass scan; what it does not accept, and any line whose
 * signature fails, is decided by the full decoder, so every failure carries the decoder's code.
 */
export function checkBatch(crypto: CryptoSuite, batch: EventBatch, primitives: LinePrimitives = suitePrimitives(crypto)): CheckedBatch {
  const count = batch.bounds.length / 2;
  const numbers = new Float64Array(count * NUMBERS_PER_EVENT);
  const hashes = new Uint8Array(count * HASH_BYTES_PER_EVENT);
  const context = contextOf(batch.log, batch.peer);
  const verify = primitives.verifierFor(batch.publicKey);
  const { sha256Into } = primitives;
  const { data, bounds } = batch;
  for (let i = 0; i < count; i++) {
    const start = bounds[2 * i]!;
    const end = bounds[2 * i + 1]!;
    const line = data.subarray(start, end);
    const h = i * HASH_BYTES_PER_EVENT;
    if (scanEventLine(line, context, fields) && verify(signedMessage(line), fields.signature)) {
      const n = i * NUMBERS_PER_EVENT;
      numbers[n + SEQ_AT] = fields.seq;
      numbers[n + TS_AT] = fields.ts;
      numbers[n + PEER_SEQ_AT] = fields.peerSeq;
      if (fields.prevAt >= 0) hexInto(line, fields.prevAt, hashes, h + PREV_AT);
      if (fields.peerHashAt >= 0) hexInto(line, fields.peerHashAt, hashes, h + PEER_HASH_AT);
    } else {
      try {
        checkSlowly(crypto, batch, line, numbers, hashes, i);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        const seq = typeof err.details.seq === 'number' ? err.details.seq : null;
        return {
          count: i, firstLine: batch.firstLine, numbers: numbers.slice(0, i * NUMBERS_PER_EVENT), hashes: hashes.slice(0, h),
          failure: { code: err.code, message: err.message, line: batch.firstLine + i, seq },
        };
      }
    }
    sha256Into(line, hashes, h + HASH_AT);
    // RFC 9162 §2.1.1: SHA-256(0x00 ‖ line), hashed in place over the zero byte before the line.
    if (start > 0 && data[start - 1] === 0) sha256Into(data.subarray(start - 1, end), hashes, h + LEAF_AT);
    else hashes.set(leafHash(crypto, line), h + LEAF_AT);
  }
  return { count, firstLine: batch.firstLine, numbers, hashes, failure: null };
}
