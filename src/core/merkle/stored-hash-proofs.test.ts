import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pureCrypto, toHex } from '../index.js';
import {
  MemoryMerkleLog, appendIndexes, consistencyProof, consistencyProofIndexes, hashesToAppend, inclusionProof, inclusionProofIndexes,
  leafHash, storedHashCount, treeHash, treeHashIndexes,
} from './index.js';

const crypto = pureCrypto;
const SIZE = 1000;
const log = new MemoryMerkleLog(crypto);
const leaves = Array.from({ length: SIZE }, (_, i) => log.append(Uint8Array.of(i & 255, i >> 8)));

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return (err as { code: string }).code;
  }
};
const popcount = (n: number): number => n.toString(2).replace(/0/g, '').length;

describe('proofs planned, then computed from stored hashes', () => {
  it('never asks for a hash the tree of that size had not stored yet, and asks for few', () => {
    // So a store can answer for any earlier checkpoint, and in one query of O(log n) rows.
    fc.assert(fc.property(fc.integer({ min: 1, max: SIZE }).chain((n) => fc.tuple(fc.nat(n - 1), fc.integer({ min: 1, max: n }), fc.constant(n))), ([index, m, n]) => {
      const plans = [treeHashIndexes(n), inclusionProofIndexes(index, n), consistencyProofIndexes(m, n)];
      for (const indexes of plans) {
        for (const i of indexes) expect(i).toBeLessThan(storedHashCount(n));
        expect(indexes.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 1)));
        expect(new Set(indexes).size).toBe(indexes.length);
      }
      expect(treeHashIndexes(n)).toHaveLength(popcount(n));
    }));
  });

  it('computes what the in-memory log answers, from exactly the planned hashes', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: SIZE }).chain((n) => fc.tuple(fc.nat(n - 1), fc.integer({ min: 0, max: n }), fc.constant(n))), ([index, m, n]) => {
      const read = (indexes: readonly number[]): Uint8Array[] => log.readHashes(indexes);
      expect(toHex(treeHash(crypto, n, read(treeHashIndexes(n))))).toBe(toHex(log.root(n)));
      expect(inclusionProof(crypto, index, n, read(inclusionProofIndexes(index, n))).map(toHex)).toEqual(log.inclusionProof(index, n).map(toHex));
      expect(consistencyProof(crypto, m, n, read(consistencyProofIndexes(m, n))).map(toHex)).toEqual(log.consistencyProof(m, n).map(toHex));
    }));
  });

  it('appending a batch stores the same hashes as appending its leaves one by one', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 30 }), (batches) => {
      const batched = new MemoryMerkleLog(crypto);
      let at = 0;
      for (const count of batches) {
        const batch = leaves.slice(at, at + count);
        const before = batched.storedHashes;
        const written = hashesToAppend(crypto, at, batch, batched.readHashes(appendIndexes(at)));
        batched.appendLeafHashes(batch);
        at += batch.length;
        // The hashes go, in order, to the indexes from storedHashCount(old size) onwards.
        expect(before).toBe(storedHashCount(at - batch.length));
        expect(written.length).toBe(storedHashCount(at) - before);
      }
      const all = Array.from({ length: storedHashCount(at) }, (_, i) => i);
      expect(batched.readHashes(all).map(toHex)).toEqual(log.readHashes(all).map(toHex));
    }), { numRuns: 40 });
  });

  it('refuses to compute from missing, extra or malformed hashes', () => {
    const hashes = log.readHashes(inclusionProofIndexes(5, 100));
    expect(codeOf(() => inclusionProof(crypto, 5, 100, hashes.slice(1)))).toBe('E_MERKLE_HASH_MISSING');
    expect(codeOf(() => inclusionProof(crypto, 5, 100, [...hashes, hashes[0]!]))).toBe('E_MERKLE_HASH_MISSING');
    expect(codeOf(() => inclusionProof(crypto, 5, 100, hashes.map((h, i) => (i === 0 ? h.subarray(1) : h))))).toBe('E_MERKLE_HASH_MISSING');
    expect(codeOf(() => treeHash(crypto, 0, hashes))).toBe('E_MERKLE_HASH_MISSING');
    expect(codeOf(() => hashesToAppend(crypto, 3, [leaves[3]!], []))).toBe('E_MERKLE_HASH_MISSING');
    expect(codeOf(() => hashesToAppend(crypto, 0, [new Uint8Array(31)], []))).toBe('E_ENCODING_INVALID');
  });

  it('refuses impossible indexes and sizes as out of range', () => {
    for (const [index, size] of [[0, 0], [5, 5], [-1, 3], [1.5, 3], [0, 2 ** 53]]) {
      expect(codeOf(() => inclusionProofIndexes(index!, size!)), `${index}/${size}`).toBe('E_PROOF_RANGE');
    }
    for (const [m, n] of [[5, 4], [-1, 3], [0, 2 ** 53]]) expect(codeOf(() => consistencyProofIndexes(m!, n!)), `${m}→${n}`).toBe('E_PROOF_RANGE');
    for (const n of [-1, 0.5, 2 ** 53]) expect(codeOf(() => treeHashIndexes(n)), `${n}`).toBe('E_PROOF_RANGE');
    expect(treeHashIndexes(0)).toEqual([]);
    expect(consistencyProofIndexes(0, 10)).toEqual([]);
    expect(consistencyProofIndexes(10, 10)).toEqual([]);
  });
});

describe('the in-memory log', () => {
  it('answers only for sizes it has reached', () => {
    expect(codeOf(() => log.root(SIZE + 1))).toBe('E_PROOF_RANGE');
    expect(codeOf(() => log.root(-1))).toBe('E_PROOF_RANGE');
    expect(codeOf(() => log.inclusionProof(3, SIZE + 1))).toBe('E_PROOF_RANGE');
    expect(codeOf(() => log.consistencyProof(3, SIZE + 1))).toBe('E_PROOF_RANGE');
    expect(codeOf(() => log.readHashes([storedHashCount(SIZE)]))).toBe('E_MERKLE_HASH_MISSING');
  });

  it('cannot be altered through arrays it was given or handed out', () => {
    const small = new MemoryMerkleLog(crypto);
    const leaf = leafHash(crypto, Uint8Array.of(1));
    small.appendLeafHashes([leaf, leafHash(crypto, Uint8Array.of(2))]);
    const root = toHex(small.root());
    leaf.fill(0);
    small.root().fill(0);
    small.inclusionProof(0)[0]!.fill(0);
    small.readHashes([0])[0]!.fill(0);
    expect(toHex(small.root())).toBe(root);
  });
});
