import { ParleyError } from '../errors/index.js';
import type { LeafRange } from './proof-ranges.js';
import { isSafeCount, popcount } from './tree-hash.js';

/**
 * Where a persisted log keeps its tree. Every complete subtree hash (2^level leaves starting at
 * leaf n·2^level) is stored exactly once, in the order it becomes known: appending leaf m
 * writes m's leaf hash, then the hash of each subtree m completes, lowest first (one per
 * trailing 1-bit of m). So the store only ever appends, a hash never changes once written,
 * and any root or proof needs O(log n) stored hashes.
 *
 * The numbering is the one Go's sumdb/tlog uses for its stored hashes, so a Parley log's
 * hash table means the same thing to a reader that knows that layout.
 */

function outOfRange(message: string, details: Record<string, unknown>): ParleyError {
  return new ParleyError('E_PROOF_RANGE', message, details);
}

/**
 * How many hashes a log of `size` leaves has stored: one per node of the complete subtrees,
 * i.e. size leaves plus size − popcount(size) interior nodes (each merge of two subtrees
 * into one removes one 1-bit's worth of "loose" subtrees), so 2·size − popcount(size).
 */
export function storedHashCount(size: number): number {
  if (!isSafeCount(size) || size > Number.MAX_SAFE_INTEGER / 2) throw outOfRange(`A log of ${size} leaves is beyond the sizes Parley can count.`, { size });
  return 2 * size - popcount(size);
}

/**
 * The index of the hash of the n-th complete subtree of 2^level leaves. It is written while
 * appending its last leaf m = (n+1)·2^level − 1: m's leaf hash goes to storedHashCount(m)
 * (everything before m is already stored), and the `level` subtrees m completes follow it.
 */
export function storedHashIndex(level: number, n: number): number {
  if (!Number.isInteger(level) || level < 0 || level > 52 || !isSafeCount(n)) {
    throw outOfRange(`No stored hash exists at level ${level}, position ${n}.`, { level, n });
  }
  const lastLeaf = (n + 1) * 2 ** level - 1;
  if (!isSafeCount(lastLeaf)) throw outOfRange(`The subtree at level ${level}, position ${n} is beyond the sizes Parley can count.`, { level, n });
  return storedHashCount(lastLeaf) + level;
}

/** One complete subtree: 2^level leaves starting at leaf n·2^level. */
export interface Subtree {
  readonly level: number;
  readonly n: number;
}

/**
 * Splits a range of leaves into the largest aligned complete subtrees, left to right (the
 * range's "compact range"). For a range that is a node of the RFC 9162 tree their sizes
 * strictly decrease, so its hash is them folded from the right (see foldStoredHashes).
 */
export function completeSubtrees([start, end]: LeafRange): Subtree[] {
  const out: Subtree[] = [];
  let at = start;
  while (at < end) {
    let level = 0;
    let size = 1;
    while (at % (size * 2) === 0 && at + size * 2 <= end) [level, size] = [level + 1, size * 2];
    out.push({ level, n: at / size });
    at += size;
  }
  return out;
}
