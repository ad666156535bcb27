import type { CryptoSuite } from '../crypto/index.js';
import { emptyRoot, nodeHash } from './tree-hash.js';

/**
 * The root of a growing log in O(log n) memory: it keeps one hash per complete subtree along
 * the right edge (one per set bit of the size), about one node hash per append. Used to
 * recompute a log's root while streaming it, without holding its leaves.
 */
export class RootAccumulator {
  /** perfect[k] is the hash of the complete subtree of 2^k leaves, if bit k of size is set. */
  private readonly perfect: (Uint8Array | null)[] = [];
  private count = 0;

  constructor(private readonly crypto: Pick<CryptoSuite, 'sha256'>) {}

  get size(): number {
    return this.count;
  }

  append(leafHash: Uint8Array): void {
    let hash = leafHash;
    let level = 0;
    // Adding one leaf carries like binary addition: each complete pair merges one level up.
    while (this.perfect[level]) {
      hash = nodeHash(this.crypto.sha256, this.perfect[level]!, hash);
      this.perfect[level] = null;
      level++;
    }
    this.perfect[level] = hash;
    this.count++;
  }

  /** RFC 9162 MTH of the leaves so far: the right-edge subtrees folded from the smallest up. */
  root(): Uint8Array {
    let root: Uint8Array | null = null;
    for (const hash of this.perfect) {
      if (hash) root = root ? nodeHash(this.crypto.sha256, hash, root) : hash;
    }
    return root ?? emptyRoot(this.crypto);
  }
}
