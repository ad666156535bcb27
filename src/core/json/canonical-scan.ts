import canonicalize from 'canonicalize';
import { fromUtf8 } from '../bytes.js';

/**
 * A single pass over UTF-8 bytes that decides whether they are exactly the RFC 8785 canonical
 * form of the JSON value they spell, without building that value. The verifier runs it on every
 * event line, where parsing and re-serializing cost more than the rest of the checks together.
 *
 * "Canonical" means what `canonicalize(JSON.parse(text)) === text` means for the bytes' strict
 * UTF-8 decoding (a property test holds the two equal on random JSON):
 * - no whitespace outside strings (§3.2.1);
 * - strings as ECMAScript's JSON.stringify writes them (§3.2.2.2): the short escapes \" \\ \b
 *   \f \n \r \t, \u00xx in lowercase hex for the other controls, every other character as
 *   itself, and no lone surrogates (which JCS refuses);
 * - numbers as ECMAScript's Number::toString writes them (§3.2.2.3);
 * - object members sorted by their names' UTF-16 code units, each name once (§3.2.3).
 *
 * The scan functions return the index just after the value, or NOT_CANONICAL, or UNDECIDED when
 * nesting is deeper than the scan follows (the caller then asks the reference implementation).
 */
export const NOT_CANONICAL = -1;
export const UNDECIDED = -2;

const MAX_DEPTH = 256;

// Set by scanCanonicalString: whether the string had no escape and no character beyond the BMP.
// For such strings UTF-8 byte order is UTF-16 code-unit order, so names compare as bytes (the
// two orders differ only between a surrogate pair and a character from U+E000 up).
// (Module state rather than a returned object: the scan runs on every member of every event.)
let plainString = true;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

// Bytes that stand for themselves inside a canonical string: printable ASCII but for " and \.
const LITERAL = new Uint8Array(256);
for (let c = 0x20; c < 0x80; c++) LITERAL[c] = c === QUOTE || c === BACKSLASH ? 0 : 1;

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isLowerHex = (c: number | undefined): boolean => c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66));
const isContinuation = (c: number | undefined): boolean => c !== undefined && c >= 0x80 && c <= 0xbf;

/** `b[pos]` is the opening quote. Returns the index after the closing quote. */
export function scanCanonicalString(b: Uint8Array, pos: number): number {
  const n = b.length;
  let plain = true;
  pos++;
  while (pos < n) {
    while (pos < n && LITERAL[b[pos]!] === 1) pos++; // the common case, kept to one table lookup a byte
    if (pos >= n) break;
    const c = b[pos]!;
    if (c >= 0x20 && c < 0x80) {
      if (c === QUOTE) {
        plainString = plain;
        return pos + 1;
      }
      if (c !== BACKSLASH) {
        pos++;
        continue;
      }
      plain = false;
      const e = b[pos + 1];
      // JSON.stringify's short escapes: " \ b f n r t (ECMA-262 QuoteJSONString).
      if (e === QUOTE || e === BACKSLASH || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        pos += 2;
        continue;
      }
      // Otherwise only \u00xx, lowercase, for a control character without a short escape.
      if (e !== 0x75 || b[pos + 2] !== 0x30 || b[pos + 3] !== 0x30 || !isLowerHex(b[pos + 5])) return NOT_CANONICAL;
      const high = b[pos + 4];
      if (high !== 0x30 && high !== 0x31) return NOT_CANONICAL;
      const low = b[pos + 5]!;
      const code = (high - 0x30) * 16 + (low <= 0x39 ? low - 0x30 : low - 0x57);
      if (code === 0x08 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d) return NOT_CANONICAL;
      pos += 6;
      continue;
    }
    if (c < 0x20) return NOT_CANONICAL; // a raw control character is not even JSON
    // Strict UTF-8 (RFC 3629 §4): no overlong forms, no surrogates, nothing above U+10FFFF.
    if (c < 0xc2) return NOT_CANONICAL;
    if (c < 0xe0) {
      if (!isContinuation(b[pos + 1])) return NOT_CANONICAL;
      pos += 2;
    } else if (c < 0xf0) {
      const c1 = b[pos + 1];
      if (c1 === undefined || c1 < (c === 0xe0 ? 0xa0 : 0x80) || c1 > (c === 0xed ? 0x9f : 0xbf) || !isContinuation(b[pos + 2])) return NOT_CANONICAL;
      pos += 3;
    } else if (c < 0xf5) {
      const c1 = b[pos + 1];
      if (c1 === undefined || c1 < (c === 0xf0 ? 0x90 : 0x80) || c1 > (c === 0xf4 ? 0x8f : 0xbf) || !isContinuation(b[pos + 2]) || !isContinuation(b[pos + 3])) return NOT_CANONICAL;
      plain = false;
      pos += 4;
    } else {
      return NOT_CANONICAL;
    }
  }
  return NOT_CANONICAL;
}

/** `b[pos]` is '-' or a digit. Canonical iff it is what Number::toString gives for its value. */
function scanNumber(b: Uint8Array, pos: number): number {
  const start = pos;
  if (b[pos] === 0x2d) pos++;
  const first = b[pos];
  if (first === 0x30) pos++;
  else if (isDigit(first)) while (isDigit(b[pos])) pos++;
  else return NOT_CANONICAL;
  const digits = pos - start - (b[start] === 0x2d ? 1 : 0);
  const next = b[pos];
  if (next !== 0x2e && next !== 0x65 && next !== 0x45) {
    // An integer of up to 15 digits is exact and printed digit for digit; only "-0" prints otherwise.
    if (digits <= 15) return first === 0x30 && pos - start === 2 ? NOT_CANONICAL : pos;
  } else {
    if (next === 0x2e) {
      pos++;
      if (!isDigit(b[pos])) return NOT_CANONICAL;
      while (isDigit(b[pos])) pos++;
    }
    if (b[pos] === 0x65 || b[pos] === 0x45) {
      pos++;
      if (b[pos] === 0x2b || b[pos] === 0x2d) pos++;
      if (!isDigit(b[pos])) return NOT_CANONICAL;
      while (isDigit(b[pos])) pos++;
    }
  }
  // No canonical number is longer than "-1.2345678901234567e-123"; refuse before building a string.
  if (pos - start > 32) return NOT_CANONICAL;
  // The token is valid JSON number syntax, so JSON.parse would read it as Number() does.
  const token = String.fromCharCode(...b.subarray(start, pos));
  return String(Number(token)) === token ? pos : NOT_CANONICAL;
}

function matches(b: Uint8Array, pos: number, word: readonly number[]): boolean {
  for (let i = 0; i < word.length; i++) if (b[pos + i] !== word[i]) return false;
  return true;
}
const TRUE = [0x74, 0x72, 0x75, 0x65];
const FALSE = [0x66, 0x61, 0x6c, 0x73, 0x65];
const NULL = [0x6e, 0x75, 0x6c, 0x6c];

/** Whether member name a (bytes between its quotes) sorts strictly before name b, in UTF-16 code units. */
function nameBefore(b: Uint8Array, aStart: number, aEnd: number, aPlain: boolean, bStart: number, bEnd: number, bPlain: boolean): boolean {
  if (aPlain && bPlain) {
    const len = Math.min(aEnd - aStart, bEnd - bStart);
    for (let i = 0; i < len; i++) {
      const x = b[aStart + i]!;
      const y = b[bStart + i]!;
      if (x !== y) return x < y;
    }
    return aEnd - aStart < bEnd - bStart;
  }
  const a = JSON.parse(fromUtf8(b.subarray(aStart - 1, aEnd + 1))) as string;
  const c = JSON.parse(fromUtf8(b.subarray(bStart - 1, bEnd + 1))) as string;
  return a < c;
}

function scanObject(b: Uint8Array, pos: number, depth: number): number {
  pos++;
  if (b[pos] === 0x7d) return pos + 1;
  let prevStart = -1;
  let prevEnd = -1;
  let prevPlain = true;
  for (;;) {
    if (b[pos] !== QUOTE) return NOT_CANONICAL;
    const end = scanCanonicalString(b, pos);
    if (end < 0) return end;
    const plain = plainString;
    if (prevStart >= 0 && !nameBefore(b, prevStart, prevEnd, prevPlain, pos + 1, end - 1, plain)) return NOT_CANONICAL;
    prevStart = pos + 1;
    prevEnd = end - 1;
    prevPlain = plain;
    if (b[end] !== 0x3a) return NOT_CANONICAL;
    pos = scanCanonicalValue(b, end + 1, depth + 1);
    if (pos < 0) return pos;
    const c = b[pos];
    if (c === 0x7d) return pos + 1;
    if (c !== 0x2c) return NOT_CANONICAL;
    pos++;
  }
}

function scanArray(b: Uint8Array, pos: number, depth: number): number {
  pos++;
  if (b[pos] === 0x5d) return pos + 1;
  for (;;) {
    pos = scanCanonicalValue(b, pos, depth + 1);
    if (pos < 0) return pos;
    const c = b[pos];
    if (c === 0x5d) return pos + 1;
    if (c !== 0x2c) return NOT_CANONICAL;
    pos++;
  }
}

/** Scans one canonical JSON value starting at `pos`; returns the index after it. */
export function scanCanonicalValue(b: Uint8Array, pos: number, depth = 0): number {
  if (depth > MAX_DEPTH) return UNDECIDED;
  const c = b[pos];
  if (c === QUOTE) return scanCanonicalString(b, pos);
  if (c === 0x7b) return scanObject(b, pos, depth);
  if (c === 0x5b) return scanArray(b, pos, depth);
  if (c === 0x2d || isDigit(c)) return scanNumber(b, pos);
  if (c === 0x74) return matches(b, pos, TRUE) ? pos + 4 : NOT_CANONICAL;
  if (c === 0x66) return matches(b, pos, FALSE) ? pos + 5 : NOT_CANONICAL;
  if (c === 0x6e) return matches(b, pos, NULL) ? pos + 4 : NOT_CANONICAL;
  return NOT_CANONICAL;
}

/** Whether `bytes` are exactly the RFC 8785 canonical JSON of one value. */
export function isCanonicalJsonBytes(bytes: Uint8Array): boolean {
  const end = scanCanonicalValue(bytes, 0);
  if (end !== UNDECIDED) return end === bytes.length;
  try {
    const text = fromUtf8(bytes);
    // A byte-order mark is not JSON; the decoder would drop it silently, so it is refused here.
    return bytes[0] !== 0xef && canonicalize(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}
