import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { MemoryMerkleLog, RootAccumulator, referenceRoot, verifyConsistency, verifyInclusion } from './index.js';

// node:crypto's SHA-256 keeps a 10,000-leaf property run fast; the algorithms are what is under test.
const crypto = { sha256: (d: Uint8Array) => new Uint8Array(createHash('sha256').update(d).digest()) };
const MAX = 10_000;
const log = new MemoryMerkleLog(crypto);
const acc = new RootAccumulator(crypto);
const roots: Uint8Array[] = [log.root()];
const leaves: Uint8Array[] = [];
for (let i = 0; i < MAX; i++) {
  leaves.push(log.append(Uint8Array.of(i & 255, i >> 8, 7)));
  acc.append(leaves[i]!);
  roots.push(acc.root());
}

const flip = (bytes: Uint8Array, bit: number): Uint8Array => {
  const out = Uint8Array.from(bytes);
  out[Math.floor(bit / 8) % out.length]! ^= 1 << (bit % 8);
  return out;
};
const fails = (fn: () => void): boolean => {
  try {
    fn();
    return false;
  } catch (err) {
    return /^E_PROOF_/.test((err as { code: string }).code);
  }
};

describe('Merkle log properties (sizes up to 10,000)', () => {
  it('the accumulator, the stored-hash log and the RFC definition agree on the root', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 600 }), (size) => {
      expect(Buffer.from(log.root(size)).equals(roots[size]!)).toBe(true);
      expect(Buffer.from(referenceRoot(crypto, leaves.slice(0, size))).equals(roots[size]!)).toBe(true);
    }), { numRuns: 60 });
    for (const size of [1023, 1024, 1025, 4097, MAX]) expect(Buffer.from(log.root(size)).equals(roots[size]!)).toBe(true);
  });

  it('every inclusion proof verifies, and any flipped bit fails', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }).chain((size) => fc.tuple(fc.constant(size), fc.nat(size - 1), fc.nat(1 << 16))), ([size, index, bit]) => {
        const proof = log.inclusionProof(index, size);
        verifyInclusion(crypto, index, size, leaves[index]!, proof, roots[size]!);
        expect(fails(() => verifyInclusion(crypto, index, size, flip(leaves[index]!, bit), proof, roots[size]!))).toBe(true);
        expect(fails(() => verifyInclusion(crypto, index, size, leaves[index]!, proof, flip(roots[size]!, bit)))).toBe(true);
        if (proof.length > 0) {
          const at = bit % proof.length;
          const bad = proof.map((p, i) => (i === at ? flip(p, bit) : p));
          expect(fails(() => verifyInclusion(crypto, index, size, leaves[index]!, bad, roots[size]!))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('every consistency proof verifies, and any flipped bit fails', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n), fc.nat(1 << 16))), ([m, n, bit]) => {
        const proof = log.consistencyProof(m, n);
        verifyConsistency(crypto, m, n, roots[m]!, roots[n]!, proof);
        expect(fails(() => verifyConsistency(crypto, m, n, flip(roots[m]!, bit), roots[n]!, proof))).toBe(true);
        expect(fails(() => verifyConsistency(crypto, m, n, roots[m]!, flip(roots[n]!, bit), proof))).toBe(true);
        if (proof.length > 0) {
          const at = bit % proof.length;
          expect(fails(() => verifyConsistency(crypto, m, n, roots[m]!, roots[n]!, proof.map((p, i) => (i === at ? flip(p, bit) : p))))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
