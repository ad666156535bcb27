import type { CryptoSuite } from '../crypto/index.js';
import { ParleyError } from '../errors/index.js';
import { consistencyRanges, inclusionRanges, type LeafRange } from './proof-plan.js';
import { emptyRoot, nodeHash } from './tree-hash.js';

/**
 * A persisted log stores every complete subtree hash exactly once, in the order they become
 * known: appending leaf n writes its leaf hash, then the hash of each subtree that leaf
 * completes (one per trailing 1-bit of n). So the store only ever appends, and any proof or
 * root needs O(log n) stored hashes, fetched in one query (plan the indexes, then compute).
 */

function popcount(n: number): number {
  let bits = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) bits += x % 2;
  return bits;
}

/** How many hashes a log of `size` leaves has stored: 2·size − popcount(size). */
export const storedHashCount = (size: number): number => 2 * size - popcount(size);

/**
 * Where the hash of the n-th complete subtree of 2^level leaves is stored. It is written just
 * after its last leaf, leaf m = (n+1)·2^level − 1, whose own hash sits at storedHashCount(m),
 * followed by the `level` subtree hashes that leaf completes, lowest first.
 */
export function storedHashIndex(level: number, n: number): number {
  const lastLeaf = (n + 1) * 2 ** level - 1;
  return storedHashCount(lastLeaf) + level;
}

/** The complete aligned subtrees that make up a range, left to right, as [level, n] pairs. */
function perfectSubtrees([start, end]: LeafRange): [number, number][] {
  const out: [number, number][] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    while (at % 2 ** (level + 1) === 0 && at + 2 ** (level + 1) <= end) level++;
    out.push([level, at / 2 ** level]);
    at += 2 ** level;
  }
  return out;
}

/** The stored-hash indexes needed to hash each range, in order. */
export function rangeIndexes(ranges: readonly LeafRange[]): number[] {
  return ranges.flatMap((range) => perfectSubtrees(range).map(([level, n]) => storedHashIndex(level, n)));
}

/**
 * Folds stored hashes back into one hash per range. Every range a proof or root asks for is a
 * subtree of the RFC 9162 tree, whose hash is its complete subtrees folded from the right.
 */
export function hashRanges(crypto: Pick<CryptoSuite, 'sha256'>, ranges: readonly LeafRange[], stored: readonly Uint8Array[]): Uint8Array[] {
  let next = 0;
  return ranges.map((range) => {
    const parts = perfectSubtrees(range).map(() => stored[next++]);
    if (parts.some((p) => !p)) throw new ParleyError('E_PROOF_RANGE', 'A stored hash needed for the proof is missing.');
    let hash = parts[parts.length - 1]!;
    for (let i = parts.length - 2; i >= 0; i--) hash = nodeHash(crypto.sha256, parts[i]!, hash);
    return hash;
  });
}

/** The plan for a proof: which stored hashes to read, and how to fold them. */
export interface ProofPlan {
  readonly ranges: readonly LeafRange[];
  readonly indexes: readonly number[];
}

const plan = (ranges: LeafRange[]): ProofPlan => ({ ranges, indexes: rangeIndexes(ranges) });
export const inclusionPlan = (index: number, size: number): ProofPlan => plan(inclusionRanges(index, size));
export const consistencyPlan = (oldSize: number, newSize: number): ProofPlan => plan(consistencyRanges(oldSize, newSize));
export const rootPlan = (size: number): ProofPlan => plan(size === 0 ? [] : [[0, size]]);

export function rootFromPlan(crypto: Pick<CryptoSuite, 'sha256'>, p: ProofPlan, stored: readonly Uint8Array[]): Uint8Array {
  return p.ranges.length === 0 ? emptyRoot(crypto) : hashRanges(crypto, p.ranges, stored)[0]!;
}

/** Stored-hash indexes of the left siblings that appending leaf `size` will merge with. */
export function appendPlan(size: number): number[] {
  const indexes: number[] = [];
  for (let level = 0; (size + 1) % 2 ** (level + 1) === 0; level++) {
    indexes.push(storedHashIndex(level, (size + 1) / 2 ** level - 2));
  }
  return indexes;
}

/** The hashes to store when appending leaf `size`: its leaf hash, then each subtree it completes. */
export function hashesToAppend(crypto: Pick<CryptoSuite, 'sha256'>, size: number, leaf: Uint8Array, leftSiblings: readonly Uint8Array[]): Uint8Array[] {
  const out = [leaf];
  let hash = leaf;
  for (const left of leftSiblings) {
    hash = nodeHash(crypto.sha256, left, hash);
    out.push(hash);
  }
  return out;
}
