import type { CryptoSuite } from '../crypto/index.js';
import { ScratchBytes } from '../bytes.js';
import { ParleyError } from '../errors/index.js';

/**
 * The hash a Merkle function uses. It is always injected, never imported: the pure suite runs
 * everywhere, and the command-line verifier passes node:crypto's faster SHA-256 instead.
 * `sha256` must return a fresh array and keep no reference to its input (both suites do).
 */
export type MerkleHasher = Pick<CryptoSuite, 'sha256'>;

/** Every tree hash is one SHA-256 output. */
export const HASH_SIZE = 32;

/** RFC 9162 §2.1.1: the hash of an empty tree is SHA-256 of the empty string. */
export const emptyRoot = (crypto: MerkleHasher): Uint8Array => crypto.sha256(new Uint8Array(0));

/** RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 ‖ data). The prefix keeps a leaf from posing as a node. */
export function leafHash(crypto: MerkleHasher, data: Uint8Array): Uint8Array {
  // Copied into a kept buffer, as node hashes are below: a node hashes each event it stores or
  // sends, and a fresh buffer per event is an allocation outside the heap for the collector.
  const input = leafInput.take(data.length + 1);
  input[0] = 0x00;
  input.set(data, 1);
  return crypto.sha256(input.subarray(0, data.length + 1));
}

const leafInput = new ScratchBytes(16 * 1024);

// One buffer serves every node hash: streaming a million-event log makes about a million of
// them, and the hash is synchronous, so nothing can observe the buffer between fill and hash.
const nodeInput = new Uint8Array(1 + 2 * HASH_SIZE);

/** RFC 9162 §2.1.1: interior node = SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(crypto: MerkleHasher, left: Uint8Array, right: Uint8Array): Uint8Array {
  // A short input would leave the previous node's bytes in the buffer: refuse rather than hash them.
  if (left.length !== HASH_SIZE || right.length !== HASH_SIZE) {
    throw new ParleyError('E_ENCODING_INVALID', `A Merkle tree hash is ${HASH_SIZE} bytes; got ${left.length} and ${right.length}.`);
  }
  nodeInput[0] = 0x01;
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + HASH_SIZE);
  return crypto.sha256(nodeInput);
}

/**
 * Sizes and indexes are unsigned 64-bit in RFC 9162. JavaScript numbers are exact only up to
 * 2^53 − 1, and no Parley log comes near that, so larger values are refused as out of range
 * rather than silently rounded (a rounded 2^64 − 1 could otherwise pass a `<` check).
 */
export const isSafeCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/**
 * RFC 9162 §2.1.1 splits a tree of n > 1 leaves after k leaves, k the largest power of two
 * strictly below n. Multiplication, not `<<`, because bit operators truncate to 32 bits.
 */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Whether n is 2^j for some j ≥ 0 (exact for every safe integer, unlike `n & (n − 1)`). */
export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  let x = n;
  while (x % 2 === 0) x /= 2;
  return x === 1;
}

/** 1-bits of a safe integer: `>>` would see only the low 32 bits. */
export function popcount(n: number): number {
  let bits = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) bits += x % 2;
  return bits;
}
