import type { CryptoSuite } from '../crypto/index.js';

type Sha256 = CryptoSuite['sha256'];
const LEAF_PREFIX = Uint8Array.of(0x00);

/** RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 ‖ data). */
export function leafHash(crypto: Pick<CryptoSuite, 'sha256'>, data: Uint8Array): Uint8Array {
  const input = new Uint8Array(data.length + 1);
  input.set(LEAF_PREFIX, 0);
  input.set(data, 1);
  return crypto.sha256(input);
}

/** RFC 9162 §2.1.1: interior node = SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(sha256: Sha256, left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(65);
  input[0] = 0x01;
  input.set(left, 1);
  input.set(right, 33);
  return sha256(input);
}

/** RFC 9162 §2.1.1: the hash of an empty tree is SHA-256 of the empty string. */
export const emptyRoot = (crypto: Pick<CryptoSuite, 'sha256'>): Uint8Array => crypto.sha256(new Uint8Array(0));

/** Largest power of two strictly below n (n ≥ 2): where RFC 9162 §2.1.1 splits a tree of n leaves. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** Sizes and indexes are unsigned 64-bit in the RFC; beyond 2^53 they cannot be exact here, and no Parley log is that long. */
export const isSafeCount = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

/** Naive MTH(D[n]) by the RFC's recursive definition: the reference the fast paths are tested against. */
export function referenceRoot(crypto: Pick<CryptoSuite, 'sha256'>, leafHashes: readonly Uint8Array[]): Uint8Array {
  if (leafHashes.length === 0) return emptyRoot(crypto);
  if (leafHashes.length === 1) return leafHashes[0]!;
  const k = splitPoint(leafHashes.length);
  return nodeHash(crypto.sha256, referenceRoot(crypto, leafHashes.slice(0, k)), referenceRoot(crypto, leafHashes.slice(k)));
}
