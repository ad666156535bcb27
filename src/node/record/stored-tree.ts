import {
  appendIndexes, consistencyProof, consistencyProofIndexes, hashesToAppend, inclusionProof, inclusionProofIndexes,
  storedHashCount, treeHash, treeHashIndexes, type CryptoSuite,
} from '../../core/index.js';
import type { LogStore, MerkleHash } from '../../store/index.js';

/**
 * One log's Merkle tree (RFC 9162) over its stored hashes: each operation plans the O(log n)
 * hashes it needs, reads them in one query, and computes. Stateless, so any process sharing
 * the database computes the same answers.
 */
export class StoredTree {
  constructor(
    private readonly store: Pick<LogStore, 'readMerkleHashes'>,
    private readonly crypto: CryptoSuite,
    readonly origin: string,
  ) {}

  /** The hashes to store with `leafHashes` appended after `size` leaves. */
  async hashesToAppend(size: number, leafHashes: readonly Uint8Array[]): Promise<MerkleHash[]> {
    const stored = await this.store.readMerkleHashes(this.origin, appendIndexes(size));
    const first = storedHashCount(size);
    return hashesToAppend(this.crypto, size, leafHashes, stored).map((hash, i) => ({ idx: first + i, hash }));
  }

  async root(size: number): Promise<Uint8Array> {
    return treeHash(this.crypto, size, await this.store.readMerkleHashes(this.origin, treeHashIndexes(size)));
  }

  async inclusionProof(index: number, size: number): Promise<Uint8Array[]> {
    return inclusionProof(this.crypto, index, size, await this.store.readMerkleHashes(this.origin, inclusionProofIndexes(index, size)));
  }

  async consistencyProof(oldSize: number, newSize: number): Promise<Uint8Array[]> {
    return consistencyProof(this.crypto, oldSize, newSize, await this.store.readMerkleHashes(this.origin, consistencyProofIndexes(oldSize, newSize)));
  }
}
