import { ParleyError } from '../errors/index.js';
import { HASH_SIZE, emptyRoot, nodeHash, type MerkleHasher } from './tree-hash.js';

/** 2^53 leaves is beyond any safe size, so 53 levels always suffice. */
const MAX_LEVELS = 53;

/**
 * The root of a growing log in O(log n) memory (a "compact range" over [0, size)): it keeps
 * the hash of each complete subtree along the tree's right edge, one per 1-bit of the size.
 * Used to recompute a log's root while streaming its events, without holding its leaves.
 *
 * Appending costs one node hash per trailing 1-bit of the size, so one on average, and
 * allocates nothing but those hashes. `root()` costs one node hash per 1-bit of the size
 * (at most 53) and changes nothing, so a caller may ask for it at every checkpoint size on
 * the way and keep appending.
 */
export class RootAccumulator {
  /**
   * edge[level] is the hash of the complete subtree of 2^level leaves on the right edge,
   * present exactly when bit `level` of the size is set. Filled with `undefined` up front so
   * the array keeps one shape and never grows while streaming.
   */
  private readonly edge: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(MAX_LEVELS).fill(undefined);
  private count = 0;

  constructor(private readonly crypto: MerkleHasher) {}

  /** Number of leaves appended so far. */
  get size(): number {
    return this.count;
  }

  /**
   * Adds the next leaf, given as its leaf hash (see `leafHash`). The array is kept by
   * reference until it is merged, so the caller must not modify it afterwards.
   */
  append(leafHash: Uint8Array): void {
    if (leafHash.length !== HASH_SIZE) {
      throw new ParleyError('E_ENCODING_INVALID', `A leaf hash is ${HASH_SIZE} bytes; got ${leafHash.length}.`);
    }
    if (this.count === Number.MAX_SAFE_INTEGER) throw new ParleyError('E_PROOF_RANGE', 'The log has reached the largest size Parley can count.');
    // Adding one leaf carries like adding 1 in binary: each complete subtree of equal size to
    // its left merges with it into one a level up (RFC 9162 §2.1.1, where such a pair is
    // exactly MTH of their 2^(level+1) leaves, because the split point is their midpoint).
    let hash = leafHash;
    let level = 0;
    let left = this.edge[0];
    while (left !== undefined) {
      hash = nodeHash(this.crypto, left, hash);
      this.edge[level] = undefined;
      left = this.edge[++level];
    }
    this.edge[level] = hash;
    this.count++;
  }

  /**
   * RFC 9162 MTH of the leaves so far. The tree of n leaves splits after the largest power of
   * two below n, which is the highest edge subtree; the rest splits the same way. So the root
   * is the edge subtrees folded from the smallest (rightmost) up: each one is the left child
   * of the fold so far.
   */
  root(): Uint8Array {
    let root: Uint8Array | undefined;
    let folded = false;
    for (let level = 0, rest = this.count; rest > 0; level++, rest = Math.floor(rest / 2)) {
      const subtree = this.edge[level];
      if (subtree === undefined) continue;
      folded = root !== undefined;
      root = root === undefined ? subtree : nodeHash(this.crypto, subtree, root);
    }
    if (root === undefined) return emptyRoot(this.crypto);
    // A power-of-two size would hand out a hash the accumulator still holds: give a copy instead.
    return folded ? root : root.slice();
  }
}
