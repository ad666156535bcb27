import { base64 } from '@scure/base';
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

/** Standard base64 with padding (RFC 4648 §4), as signed notes and checkpoints use. */
export const toBase64 = (bytes: Uint8Array): string => base64.encode(bytes);

/**
 * Strict decoding: padding required, no whitespace, and unused trailing bits must be zero,
 * so that every byte string has exactly one accepted spelling.
 */
export function fromBase64(text: string, expectedLength?: number): Uint8Array {
  let out: Uint8Array;
  try {
    out = base64.decode(text);
  } catch {
    throw new ParleyError('E_ENCODING_INVALID', `"${text.slice(0, 20)}${text.length > 20 ? '…' : ''}" is not canonical padded base64.`);
  }
  if (expectedLength !== undefined && out.length !== expectedLength) {
    throw new ParleyError('E_ENCODING_INVALID', `Expected ${expectedLength} bytes of base64, got ${out.length}.`);
  }
  return out;
}
