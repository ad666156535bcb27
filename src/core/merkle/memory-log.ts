import { ParleyError } from '../errors/index.js';
import {
  appendIndexes, consistencyProof, consistencyProofIndexes, hashesToAppend, inclusionProof, inclusionProofIndexes, treeHash, treeHashIndexes,
} from './stored-hash-proofs.js';
import { leafHash, type MerkleHasher } from './tree-hash.js';

/**
 * A Merkle log held in memory, on the same stored-hash layout and the same plan-then-compute
 * functions a database store uses: the reference a store is tested against, and a log for
 * tools that need one briefly. Roots and proofs can be asked for any earlier size too.
 */
export class MemoryMerkleLog {
  /** stored[i] is the hash at stored-hash index i (see stored-hash-layout.ts). */
  private readonly stored: Uint8Array[] = [];
  private count = 0;

  constructor(private readonly crypto: MerkleHasher) {}

  /** Number of leaves. */
  get size(): number {
    return this.count;
  }

  /** Appends one leaf by its data (hashed as RFC 9162 §2.1.1 says) and returns its leaf hash. */
  append(data: Uint8Array): Uint8Array {
    const leaf = leafHash(this.crypto, data);
    this.appendLeafHashes([leaf]);
    return leaf.slice();
  }

  /** Appends leaves given by their leaf hashes, in order. */
  appendLeafHashes(leafHashes: readonly Uint8Array[]): void {
    const copies = leafHashes.map((h) => h.slice()); // the caller keeps its arrays; the log keeps its own
    this.stored.push(...hashesToAppend(this.crypto, this.count, copies, this.readHashes(appendIndexes(this.count))));
    this.count += copies.length;
  }

  /** RFC 9162 MTH of the first `size` leaves (by default all of them). */
  root(size = this.count): Uint8Array {
    this.checkSize(size);
    return treeHash(this.crypto, size, this.readHashes(treeHashIndexes(size))).slice();
  }

  /** RFC 9162 §2.1.3.1 inclusion proof of leaf `index` in the tree of the first `size` leaves. */
  inclusionProof(index: number, size = this.count): Uint8Array[] {
    this.checkSize(size);
    return inclusionProof(this.crypto, index, size, this.readHashes(inclusionProofIndexes(index, size)));
  }

  /** RFC 9162 §2.1.4.1 consistency proof from the tree of `oldSize` leaves to that of `newSize`. */
  consistencyProof(oldSize: number, newSize = this.count): Uint8Array[] {
    this.checkSize(newSize);
    return consistencyProof(this.crypto, oldSize, newSize, this.readHashes(consistencyProofIndexes(oldSize, newSize)));
  }

  /**
   * Copies of the hashes at the given stored-hash indexes: what a database store answers for
   * the same indexes, so a store's contents can be compared with this log's.
   */
  readHashes(indexes: readonly number[]): Uint8Array[] {
    return indexes.map((i) => {
      const hash = this.stored[i];
      if (!hash) throw new ParleyError('E_MERKLE_HASH_MISSING', `The log of ${this.count} leaves has no stored hash at index ${i}.`, { idx: i });
      return hash.slice();
    });
  }

  /** Number of stored hashes, storedHashCount(size): the next index to be written. */
  get storedHashes(): number {
    return this.stored.length;
  }

  private checkSize(size: number): void {
    if (!Number.isSafeInteger(size) || size < 0 || size > this.count) {
      throw new ParleyError('E_PROOF_RANGE', `The log has ${this.count} leaves; it has no tree of ${size}.`, { size, logSize: this.count });
    }
  }
}
