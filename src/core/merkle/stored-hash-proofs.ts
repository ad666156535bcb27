import { ParleyError } from '../errors/index.js';
import { consistencyRanges, inclusionRanges, type LeafRange } from './proof-ranges.js';
import { completeSubtrees, storedHashIndex } from './stored-hash-layout.js';
import { HASH_SIZE, emptyRoot, isSafeCount, nodeHash, type MerkleHasher } from './tree-hash.js';

/*
 * Roots, proofs and appends computed from stored hashes, in two steps so that an asynchronous
 * store fetches all it needs in one query: `…Indexes(…)` names the stored hashes needed; the
 * caller reads them; then the function of the same name without `Indexes` (for appends,
 * `hashesToAppend`) computes the result from those hashes, given in the order of the indexes.
 * Both steps derive the same plan from the same arguments, so only the hashes pass between
 * them, and a proof for an earlier tree size reads only hashes that existed at that size.
 */

const indexesOf = (ranges: readonly LeafRange[]): number[] =>
  ranges.flatMap((range) => completeSubtrees(range).map(({ level, n }) => storedHashIndex(level, n)));

function checkHashes(hashes: readonly Uint8Array[], expected: number): void {
  if (hashes.length !== expected) {
    throw new ParleyError('E_MERKLE_HASH_MISSING', `The computation needs the ${expected} stored hashes at its planned indexes; ${hashes.length} were given.`);
  }
  for (const hash of hashes) {
    if (hash?.length !== HASH_SIZE) throw new ParleyError('E_MERKLE_HASH_MISSING', `A stored hash is missing or is not ${HASH_SIZE} bytes.`);
  }
}

/**
 * One hash per range from the stored hashes of its complete subtrees. Every range a root or
 * proof names is a node of the RFC 9162 tree: its subtrees shrink left to right and the
 * tree splits after the first of them (RFC 9162 §2.1.1), so the hash folds from the right.
 */
function foldStoredHashes(crypto: MerkleHasher, ranges: readonly LeafRange[], hashes: readonly Uint8Array[]): Uint8Array[] {
  const parts = ranges.map((range) => completeSubtrees(range).length);
  checkHashes(hashes, parts.reduce((a, b) => a + b, 0));
  let end = 0;
  return parts.map((count) => {
    const start = end;
    end += count;
    let hash = hashes[end - 1]!;
    for (let i = end - 2; i >= start; i--) hash = nodeHash(crypto, hashes[i]!, hash);
    return hash;
  });
}

function rootRanges(size: number): LeafRange[] {
  if (!isSafeCount(size)) throw new ParleyError('E_PROOF_RANGE', `A tree cannot have ${size} leaves.`, { size });
  return size === 0 ? [] : [[0, size]];
}

/** Stored hashes needed for the root of the tree of the first `size` leaves (at most 53). */
export const treeHashIndexes = (size: number): number[] => indexesOf(rootRanges(size));

/** RFC 9162 §2.1.1 MTH of the first `size` leaves, from the hashes at treeHashIndexes(size). */
export function treeHash(crypto: MerkleHasher, size: number, hashes: readonly Uint8Array[]): Uint8Array {
  return size === 0 && hashes.length === 0 ? emptyRoot(crypto) : foldStoredHashes(crypto, rootRanges(size), hashes)[0]!;
}

/** Stored hashes needed for the inclusion proof of leaf `index` in the tree of `size` leaves. */
export const inclusionProofIndexes = (index: number, size: number): number[] => indexesOf(inclusionRanges(index, size));

/** RFC 9162 §2.1.3.1 inclusion proof, from the hashes at inclusionProofIndexes(index, size). */
export function inclusionProof(crypto: MerkleHasher, index: number, size: number, hashes: readonly Uint8Array[]): Uint8Array[] {
  return foldStoredHashes(crypto, inclusionRanges(index, size), hashes);
}

/** Stored hashes needed for the consistency proof from the tree of `oldSize` to that of `newSize`. */
export const consistencyProofIndexes = (oldSize: number, newSize: number): number[] => indexesOf(consistencyRanges(oldSize, newSize));

/** RFC 9162 §2.1.4.1 consistency proof, from the hashes at consistencyProofIndexes(oldSize, newSize). */
export function consistencyProof(crypto: MerkleHasher, oldSize: number, newSize: number, hashes: readonly Uint8Array[]): Uint8Array[] {
  return foldStoredHashes(crypto, consistencyRanges(oldSize, newSize), hashes);
}

/**
 * Stored hashes needed to append after `size` leaves. They are the same as for the root: the
 * complete subtrees of the current tree are exactly the ones new leaves can merge with.
 */
export const appendIndexes = treeHashIndexes;

/**
 * The hashes to store when appending `leafHashes` after `size` leaves, given the hashes at
 * appendIndexes(size). They go to consecutive indexes from storedHashCount(size): each leaf
 * hash, then the hash of each subtree it completes, lowest first.
 */
export function hashesToAppend(crypto: MerkleHasher, size: number, leafHashes: readonly Uint8Array[], hashes: readonly Uint8Array[]): Uint8Array[] {
  if (!isSafeCount(size + leafHashes.length)) throw new ParleyError('E_PROOF_RANGE', `A log cannot grow beyond ${Number.MAX_SAFE_INTEGER} leaves.`, { size });
  // The right edge as a stack of subtrees, levels strictly decreasing; a new leaf carries into
  // it like adding 1 in binary, as in the root accumulator.
  const levels = rootRanges(size).flatMap((range) => completeSubtrees(range).map((s) => s.level));
  checkHashes(hashes, levels.length);
  const edge = [...hashes];
  const out: Uint8Array[] = [];
  for (const leaf of leafHashes) {
    if (leaf.length !== HASH_SIZE) throw new ParleyError('E_ENCODING_INVALID', `A leaf hash is ${HASH_SIZE} bytes; got ${leaf.length}.`);
    let hash = leaf;
    let level = 0;
    out.push(hash);
    while (levels.length > 0 && levels[levels.length - 1] === level) {
      levels.pop();
      hash = nodeHash(crypto, edge.pop()!, hash);
      level++;
      out.push(hash);
    }
    levels.push(level);
    edge.push(hash);
  }
  return out;
}
