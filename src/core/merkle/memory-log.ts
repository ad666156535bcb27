import type { CryptoSuite } from '../crypto/index.js';
import { appendPlan, consistencyPlan, hashRanges, hashesToAppend, inclusionPlan, rootFromPlan, rootPlan, type ProofPlan } from './stored-hashes.js';
import { leafHash } from './tree-hash.js';

/**
 * A Merkle log held in memory, on the same stored-hash layout a database store uses:
 * the reference implementation for tests, and a log for tools that need one briefly.
 */
export class MemoryMerkleLog {
  private readonly stored: Uint8Array[] = [];
  private count = 0;

  constructor(private readonly crypto: Pick<CryptoSuite, 'sha256'>) {}

  get size(): number {
    return this.count;
  }

  append(data: Uint8Array): Uint8Array {
    const leaf = leafHash(this.crypto, data);
    this.appendLeafHash(leaf);
    return leaf;
  }

  appendLeafHash(leaf: Uint8Array): void {
    this.stored.push(...hashesToAppend(this.crypto, this.count, leaf, this.read(appendPlan(this.count))));
    this.count++;
  }

  root(size = this.count): Uint8Array {
    const plan = rootPlan(size);
    return rootFromPlan(this.crypto, plan, this.read(plan.indexes));
  }

  inclusionProof(index: number, size = this.count): Uint8Array[] {
    return this.prove(inclusionPlan(index, size));
  }

  consistencyProof(oldSize: number, newSize = this.count): Uint8Array[] {
    return this.prove(consistencyPlan(oldSize, newSize));
  }

  private prove(plan: ProofPlan): Uint8Array[] {
    return hashRanges(this.crypto, plan.ranges, this.read(plan.indexes));
  }

  private read(indexes: readonly number[]): Uint8Array[] {
    return indexes.map((i) => this.stored[i]!);
  }
}
