import { ParleyError } from './errors/index.js';

const encoder = new TextEncoder();
// Fatal: bytes that are not UTF-8 are refused, not repaired. ignoreBOM keeps a leading byte order
// mark in the text (by default it is dropped), so that the text always spells exactly the bytes.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export const utf8 = (text: string): Uint8Array => encoder.encode(text);
export const fromUtf8 = (bytes: Uint8Array): string => decoder.decode(bytes);

export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/**
 * A buffer kept for work that fills it and is done with it in one synchronous step (a message to
 * sign, verify or hash), so that the work allocates nothing per call. It grows to the largest
 * length asked for; what `take` returns is valid until the next call.
 */
export class ScratchBytes {
  private buffer: Uint8Array;

  constructor(initialLength: number) {
    this.buffer = new Uint8Array(initialLength);
  }

  /** The buffer, at least `length` bytes long. */
  take(length: number): Uint8Array {
    if (this.buffer.length < length) this.buffer = new Uint8Array(Math.max(length, this.buffer.length * 2));
    return this.buffer;
  }
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += HEX[bytes[i]!];
  return out;
}

const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;

/** Whether `hex` is the lowercase hex spelling of `bytes`, without spelling the bytes out. */
export function isHexOf(hex: string, bytes: Uint8Array): boolean {
  if (hex.length !== 2 * bytes.length) return false;
  for (let i = 0; i < bytes.length; i++) {
    const code = hex.charCodeAt(2 * i);
    const next = hex.charCodeAt(2 * i + 1);
    // A character that is not a lowercase hex digit has the value -1, which makes the pair negative: never a byte.
    if (code >= 128 || next >= 128 || ((HEX_VALUE[code]! << 4) | HEX_VALUE[next]!) !== bytes[i]) return false;
  }
  return true;
}

/** Lowercase hex only: the record uses one spelling of each hash so that equal values compare equal as text. */
export function fromHex(text: string, expectedLength?: number): Uint8Array {
  const invalid = (): ParleyError => new ParleyError('E_ENCODING_INVALID', `"${text.slice(0, 20)}…" is not lowercase hex.`);
  if (text.length % 2 !== 0) throw invalid();
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = HEX_VALUE[text.charCodeAt(2 * i)] ?? -1;
    const lo = HEX_VALUE[text.charCodeAt(2 * i + 1)] ?? -1;
    if (hi < 0 || lo < 0) throw invalid();
    out[i] = (hi << 4) | lo;
  }
  if (expectedLength !== undefined && out.length !== expectedLength) {
    throw new ParleyError('E_ENCODING_INVALID', `Expected ${expectedLength} bytes of hex, got ${out.length}.`);
  }
  return out;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 64; i++) BASE64_VALUE[BASE64_ALPHABET.charCodeAt(i)] = i;

/**
 * Standard base64 with padding (RFC 4648 §4), as signed notes and checkpoints use. By table, a
 * group of three bytes at a time: every event carries a signature in it, and a general radix
 * conversion cost more than the rest of building the event's bytes.
 */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  const whole = bytes.length - (bytes.length % 3);
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += BASE64_ALPHABET[n >>> 18]! + BASE64_ALPHABET[(n >>> 12) & 63]! + BASE64_ALPHABET[(n >>> 6) & 63]! + BASE64_ALPHABET[n & 63]!;
  }
  if (bytes.length - whole === 1) {
    const n = bytes[whole]! << 16;
    out += `${BASE64_ALPHABET[n >>> 18]!}${BASE64_ALPHABET[(n >>> 12) & 63]!}==`;
  } else if (bytes.length - whole === 2) {
    const n = (bytes[whole]! << 16) | (bytes[whole + 1]! << 8);
    out += `${BASE64_ALPHABET[n >>> 18]!}${BASE64_ALPHABET[(n >>> 12) & 63]!}${BASE64_ALPHABET[(n >>> 6) & 63]!}=`;
  }
  return out;
}

const base64Value = (text: string, i: number): number => {
  const code = text.charCodeAt(i);
  return code < 128 ? BASE64_VALUE[code]! : -1;
};

/** The bytes of strict base64, or null: padded to a multiple of four, only the alphabet, the unused bits of the last group zero. */
function decodeBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  const whole = padding === 0 ? text.length : text.length - 4;
  let o = 0;
  for (let i = 0; i < whole; i += 4) {
    const a = base64Value(text, i), b = base64Value(text, i + 1), c = base64Value(text, i + 2), d = base64Value(text, i + 3);
    if ((a | b | c | d) < 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  if (padding > 0) {
    const a = base64Value(text, whole), b = base64Value(text, whole + 1), c = padding === 1 ? base64Value(text, whole + 2) : 0;
    if ((a | b | c) < 0) return null;
    // RFC 4648 §3.5: the bits after the last byte must be zero, or one byte string would have several spellings.
    if (padding === 2 ? (b & 15) !== 0 : (c & 3) !== 0) return null;
    const n = (a << 18) | (b << 12) | (c << 6);
    out[o++] = n >>> 16;
    if (padding === 1) out[o++] = (n >>> 8) & 255;
  }
  return out;
}

/**
 * Strict decoding: padding required, no whitespace, and unused trailing bits must be zero,
 * so that every byte string has exactly one accepted spelling.
 */
export function fromBase64(text: string, expectedLength?: number): Uint8Array {
  const out = decodeBase64(text);
  if (out === null) {
    throw new ParleyError('E_ENCODING_INVALID', `"${text.slice(0, 20)}${text.length > 20 ? '…' : ''}" is not canonical padded base64.`);
  }
  if (expectedLength !== undefined && out.length !== expectedLength) {
    throw new ParleyError('E_ENCODING_INVALID', `Expected ${expectedLength} bytes of base64, got ${out.length}.`);
  }
  return out;
}
