import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hash } from 'node:crypto';
import { MemoryMerkleLog, RootAccumulator, verifyConsistency, verifyInclusion } from './index.js';
import { referenceConsistencyProof, referenceInclusionProof, referenceRoot } from './testing/rfc-reference.js';

// node:crypto's SHA-256 (what the command-line verifier injects) keeps these runs fast; the
// algorithms are under test here, and the vector tests run the pure suite.
const crypto = { sha256: (data: Uint8Array): Uint8Array => hash('sha256', data, 'buffer') };
const MAX = 10_000;

// One 10,000-leaf log, built once; every size below it is a tree of its own to sample.
const log = new MemoryMerkleLog(crypto);
const acc = new RootAccumulator(crypto);
const leaves: Uint8Array[] = [];
const roots: Uint8Array[] = [acc.root()];
for (let i = 0; i < MAX; i++) {
  leaves.push(log.append(Uint8Array.of(i & 255, i >> 8, 7)));
  acc.append(leaves[i]!);
  roots.push(acc.root());
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const flip = (bytes: Uint8Array, bit: number): Uint8Array => {
  const out = Uint8Array.from(bytes);
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
};
/** True when `check` refuses with a proof error; any other outcome is false. */
const refuses = (check: () => void): boolean => {
  try {
    check();
    return false;
  } catch (err) {
    return /^E_PROOF_(INVALID|RANGE)$/.test((err as { code?: string }).code ?? '');
  }
};
/** Every way of flipping exactly one bit in one of the hashes, as the list with that hash changed. */
function* singleBitFlips(hashes: readonly Uint8Array[]): Generator<Uint8Array[]> {
  for (let at = 0; at < hashes.length; at++) {
    for (let bit = 0; bit < 8 * hashes[at]!.length; bit++) yield hashes.map((h, i) => (i === at ? flip(h, bit) : h));
  }
}

const size = fc.integer({ min: 1, max: MAX });
const leafInTree = size.chain((n) => fc.tuple(fc.nat(n - 1), fc.constant(n)));
const growth = size.chain((n) => fc.tuple(fc.integer({ min: 1, max: n }), fc.constant(n)));

describe('Merkle log properties (trees up to 10,000 leaves)', () => {
  it('the streaming accumulator, the stored-hash log and the RFC 9162 definition agree on the root', () => {
    const check = (n: number): void => {
      expect(hex(log.root(n)), `size ${n}`).toBe(hex(roots[n]!));
      expect(hex(referenceRoot(crypto, leaves.slice(0, n))), `size ${n}`).toBe(hex(roots[n]!));
    };
    for (let n = 0; n <= 300; n++) check(n);
    for (const n of [1023, 1024, 1025, 4095, 4096, 4097, 8191, MAX]) check(n);
    fc.assert(fc.property(size, check), { numRuns: 100 });
  });

  it('inclusion proofs equal RFC 9162 PATH(m, D[n]) and verify', () => {
    fc.assert(fc.property(leafInTree, ([index, n]) => {
      const proof = log.inclusionProof(index, n);
      expect(proof.map(hex)).toEqual(referenceInclusionProof(crypto, index, leaves.slice(0, n)).map(hex));
      verifyInclusion(crypto, index, n, leaves[index]!, proof, roots[n]!);
    }), { numRuns: 150 });
  });

  it('consistency proofs equal RFC 9162 PROOF(m, D[n]) and verify', () => {
    fc.assert(fc.property(growth, ([m, n]) => {
      const proof = log.consistencyProof(m, n);
      if (m < n) expect(proof.map(hex)).toEqual(referenceConsistencyProof(crypto, m, leaves.slice(0, n)).map(hex));
      verifyConsistency(crypto, m, n, roots[m]!, roots[n]!, proof);
    }), { numRuns: 150 });
  });

  it('an inclusion proof fails when any single bit of the leaf hash, the root or a proof hash flips', () => {
    fc.assert(fc.property(leafInTree, ([index, n]) => {
      const proof = log.inclusionProof(index, n);
      // [leaf, root, ...proof] flipped in every bit position, one at a time.
      for (const [leaf, root, ...bad] of singleBitFlips([leaves[index]!, roots[n]!, ...proof])) {
        expect(refuses(() => verifyInclusion(crypto, index, n, leaf!, bad, root!))).toBe(true);
      }
    }), { numRuns: 12 });
  });

  it('a consistency proof fails when any single bit of either root or a proof hash flips', () => {
    fc.assert(fc.property(growth.filter(([m, n]) => m < n), ([m, n]) => {
      const proof = log.consistencyProof(m, n);
      for (const [oldRoot, newRoot, ...bad] of singleBitFlips([roots[m]!, roots[n]!, ...proof])) {
        expect(refuses(() => verifyConsistency(crypto, m, n, oldRoot!, newRoot!, bad))).toBe(true);
      }
    }), { numRuns: 12 });
  });

  it('a proof is refused for any other index or size than its own', () => {
    fc.assert(fc.property(leafInTree, growth, fc.integer({ min: 1, max: 3 }), ([index, n], [m, n2], delta) => {
      const inclusion = log.inclusionProof(index, n);
      expect(refuses(() => verifyInclusion(crypto, index + delta, n, leaves[index]!, inclusion, roots[n]!))).toBe(true);
      if (n + delta <= MAX) expect(refuses(() => verifyInclusion(crypto, index, n + delta, leaves[index]!, inclusion, roots[n + delta]!))).toBe(true);
      const consistency = log.consistencyProof(m, n2);
      if (m + delta < n2) expect(refuses(() => verifyConsistency(crypto, m + delta, n2, roots[m + delta]!, roots[n2]!, consistency))).toBe(true);
    }), { numRuns: 200 });
  });
});
