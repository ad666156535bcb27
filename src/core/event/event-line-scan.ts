import { utf8 } from '../bytes.js';
import { canonicalJson, scanCanonicalString, scanCanonicalValue } from '../json/index.js';
import { EVENT_VERSION } from './event-types.js';
import { isLogOrigin } from './event-schema.js';

/**
 * The fast path of event decoding, for a verifier that reads a million events of one log.
 *
 * A signed event in RFC 8785 form has one spelling only: its ten members in sorted order,
 *   {"actor":…,"body":…,"kind":…,"log":…,"peer":…,"prev":…,"seq":…,"sig":…,"ts":…,"v":1}
 * so one pass over the bytes along that template checks shape and canonical form together and
 * finds the fields the verifier needs, without decoding text or building the event. It only
 * ever says "this line is a well-formed canonical event of this log, here are its fields" or
 * "not decided": everything it does not accept goes to `verifyEvent`, which names the exact
 * problem. So it must never accept a line `verifyEvent` would refuse (a property test holds it
 * to that), and it may decline lines `verifyEvent` accepts.
 */

/** What every event of one log must say, prepared once: the canonical JSON of its log and peer names. */
export interface EventLineContext {
  /** null: the name is not a valid origin, so no event can pass the fast path. */
  readonly log: Uint8Array | null;
  /** null: peer references always take the slow path. */
  readonly peer: Uint8Array | null;
}

function canonicalName(name: string): Uint8Array | null {
  if (!isLogOrigin(name)) return null;
  try {
    return utf8(canonicalJson(name));
  } catch {
    return null; // a lone surrogate: no canonical event can carry it
  }
}

export const eventLineContext = (log: string, peer: string): EventLineContext => ({ log: canonicalName(log), peer: canonicalName(peer) });

/** The fields of a line the fast path accepted. Reused from line to line: it allocates nothing. */
export class EventLineFields {
  seq = 0;
  /** Milliseconds since the epoch (Date.parse of `ts`). */
  ts = 0;
  /** Offset of `prev`'s 64 hex digits in the line, or -1 when prev is null. */
  prevAt = -1;
  /** The peer reference's seq, or -1 when there is none. */
  peerSeq = -1;
  /** Offset of the peer reference's 64 hex digits, or -1. */
  peerHashAt = -1;
  /** The member `,"sig":"…"` spans [sigStart, sigEnd): the signed message is the line without it. */
  sigStart = 0;
  sigEnd = 0;
  /** The decoded 64-byte signature. */
  readonly signature = new Uint8Array(64);
}

const bytesOf = (text: string): Uint8Array => utf8(text);
const ACTOR = bytesOf('{"actor":');
const BODY = bytesOf(',"body":');
const KIND = bytesOf(',"kind":"');
const LOG = bytesOf(',"log":');
const PEER = bytesOf(',"peer":');
const PEER_HASH = bytesOf('{"hash":"');
const PEER_LOG = bytesOf('","log":');
const PREV = bytesOf(',"prev":');
const SEQ = bytesOf(',"seq":');
const SIG = bytesOf(',"sig":"');
const TS = bytesOf(',"ts":"');
const END = bytesOf(`,"v":${EVENT_VERSION}}`);
const NULL = bytesOf('null');

function at(b: Uint8Array, pos: number, word: Uint8Array): boolean {
  if (pos + word.length > b.length) return false;
  for (let i = 0; i < word.length; i++) if (b[pos + i] !== word[i]) return false;
  return true;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isLower = (c: number | undefined): boolean => c !== undefined && c >= 0x61 && c <= 0x7a;

// One table lookup a digit: the scan checks two hashes of 64 digits in most events.
const LOWER_HEX = new Uint8Array(256);
for (const c of '0123456789abcdef') LOWER_HEX[c.charCodeAt(0)] = 1;

/** 64 lowercase hex digits then a quote (a SHA-256 in the record's one spelling). */
function isHashAt(b: Uint8Array, pos: number): boolean {
  if (pos + 64 >= b.length) return false;
  for (let i = 0; i < 64; i++) if (LOWER_HEX[b[pos + i]!] !== 1) return false;
  return b[pos + 64] === 0x22;
}

// A seq is a safe integer; up to 15 digits it is one without checking, which covers any real log.
let scannedNumber = 0;
function scanSeq(b: Uint8Array, pos: number): number {
  const first = b[pos];
  if (first === 0x30) {
    scannedNumber = 0;
    return isDigit(b[pos + 1]) ? -1 : pos + 1;
  }
  let value = 0;
  let i = pos;
  while (isDigit(b[i])) value = value * 10 + (b[i++]! - 0x30);
  if (i === pos || i - pos > 15) return -1;
  scannedNumber = value;
  return i;
}

/** kind: dotted lowercase words (event-schema's KIND), at most 64 characters, then a quote. */
function scanKind(b: Uint8Array, pos: number): number {
  const start = pos;
  for (;;) {
    if (!isLower(b[pos])) return -1;
    pos++;
    for (let c = b[pos]; isLower(c) || isDigit(c) || c === 0x5f; c = b[++pos]);
    if (b[pos] === 0x2e) {
      pos++;
      continue;
    }
    return b[pos] === 0x22 && pos - start <= 64 ? pos + 1 : -1;
  }
}

const twoDigits = (b: Uint8Array, pos: number): number => (b[pos]! - 0x30) * 10 + (b[pos + 1]! - 0x30);
const TS_SHAPE = 'dddd-dd-ddTdd:dd:dd.dddZ';

/** ts: `YYYY-MM-DDTHH:MM:SS.mmmZ` then a quote; sets `scannedNumber` to its Date.parse value. */
function scanTimestamp(b: Uint8Array, pos: number): number {
  for (let i = 0; i < TS_SHAPE.length; i++) {
    const want = TS_SHAPE.charCodeAt(i);
    if (want === 0x64 ? !isDigit(b[pos + i]) : b[pos + i] !== want) return -1;
  }
  if (b[pos + 24] !== 0x22) return -1;
  const year = twoDigits(b, pos) * 100 + twoDigits(b, pos + 2);
  const month = twoDigits(b, pos + 5);
  const day = twoDigits(b, pos + 8);
  const hour = twoDigits(b, pos + 11);
  const minute = twoDigits(b, pos + 14);
  const second = twoDigits(b, pos + 17);
  const ms = twoDigits(b, pos + 20) * 10 + (b[pos + 22]! - 0x30);
  // Inside these bounds Date.parse and Date.UTC agree; anything unusual (a 29th, a leap second,
  // a two-digit year that Date.UTC would move to the 1900s) is left to Date.parse itself.
  if (year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour <= 23 && minute <= 59 && second <= 59) {
    scannedNumber = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  } else {
    scannedNumber = Date.parse(String.fromCharCode(...b.subarray(pos, pos + 24)));
    if (Number.isNaN(scannedNumber)) return -1;
  }
  return pos + 25;
}

const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_VALUE['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** sig: 86 base64 digits and "==" (RFC 4648 §4), the unused low 4 bits zero, then a quote. */
function scanSignature(b: Uint8Array, pos: number, out: Uint8Array): number {
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < 86; i++) {
    const c = b[pos + i]!;
    const v = c < 128 ? BASE64_VALUE[c]! : -1;
    if (v < 0) return -1;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) return -1;
  return b[pos + 86] === 0x3d && b[pos + 87] === 0x3d && b[pos + 88] === 0x22 ? pos + 89 : -1;
}

/**
 * Reads one event line along the canonical template. True: the line is a well-formed, canonical
 * event of the context's log (and any peer reference names the context's peer), its fields are in
 * `out`. False: not decided here; `verifyEvent` must decide.
 */
export function scanEventLine(b: Uint8Array, context: EventLineContext, out: EventLineFields): boolean {
  if (context.log === null || !at(b, 0, ACTOR) || b[ACTOR.length] !== 0x22) return false;
  let pos = scanCanonicalString(b, ACTOR.length);
  // actor: 1–200 UTF-16 code units. Each takes at least one byte, so 1–200 bytes always qualify;
  // a longer actor is left to the slow path to count.
  const actorBytes = pos - ACTOR.length - 2;
  if (pos < 0 || actorBytes < 1 || actorBytes > 200 || !at(b, pos, BODY) || b[pos + BODY.length] !== 0x7b) return false;
  pos = scanCanonicalValue(b, pos + BODY.length);
  if (pos < 0 || !at(b, pos, KIND)) return false;
  pos = scanKind(b, pos + KIND.length);
  if (pos < 0 || !at(b, pos, LOG) || !at(b, pos + LOG.length, context.log)) return false;
  pos += LOG.length + context.log.length;
  if (!at(b, pos, PEER)) return false;
  pos += PEER.length;
  if (at(b, pos, NULL)) {
    out.peerSeq = -1;
    out.peerHashAt = -1;
    pos += NULL.length;
  } else {
    if (context.peer === null || !at(b, pos, PEER_HASH) || !isHashAt(b, pos + PEER_HASH.length)) return false;
    out.peerHashAt = pos + PEER_HASH.length;
    pos = out.peerHashAt + 64;
    if (!at(b, pos, PEER_LOG) || !at(b, pos + PEER_LOG.length, context.peer)) return false;
    pos += PEER_LOG.length + context.peer.length;
    if (!at(b, pos, SEQ)) return false;
    pos = scanSeq(b, pos + SEQ.length);
    if (pos < 0 || b[pos] !== 0x7d) return false;
    out.peerSeq = scannedNumber;
    pos++;
  }
  if (!at(b, pos, PREV)) return false;
  pos += PREV.length;
  let prevAt = -1;
  if (at(b, pos, NULL)) {
    pos += NULL.length;
  } else {
    if (b[pos] !== 0x22 || !isHashAt(b, pos + 1)) return false;
    prevAt = pos + 1;
    pos += 66;
  }
  if (!at(b, pos, SEQ)) return false;
  pos = scanSeq(b, pos + SEQ.length);
  // prev is null exactly at seq 0.
  if (pos < 0 || (scannedNumber === 0) !== (prevAt < 0)) return false;
  out.seq = scannedNumber;
  out.prevAt = prevAt;
  if (!at(b, pos, SIG)) return false;
  out.sigStart = pos;
  pos = scanSignature(b, pos + SIG.length, out.signature);
  if (pos < 0) return false;
  out.sigEnd = pos;
  if (!at(b, pos, TS)) return false;
  pos = scanTimestamp(b, pos + TS.length);
  if (pos < 0) return false;
  out.ts = scannedNumber;
  return pos + END.length === b.length && at(b, pos, END);
}
