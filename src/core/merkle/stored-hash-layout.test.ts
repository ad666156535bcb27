import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pureCrypto, toHex } from '../index.js';
import { MemoryMerkleLog, storedHashCount, storedHashIndex } from './index.js';
import { referenceRoot } from './testing/rfc-reference.js';

/**
 * The layout stated independently of its formula: append leaves one by one and write down,
 * in order, each leaf and then each complete subtree that leaf finishes, lowest first.
 */
function writeOrder(leaves: number): string[] {
  const order: string[] = [];
  for (let m = 0; m < leaves; m++) {
    order.push(`0/${m}`);
    for (let level = 1; (m + 1) % 2 ** level === 0; level++) order.push(`${level}/${(m + 1) / 2 ** level - 1}`);
  }
  return order;
}

const rangeError = (fn: () => unknown): string => {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('the stored-hash layout', () => {
  it('numbers every complete subtree by the order in which appending writes it', () => {
    const order = writeOrder(2048);
    order.forEach((name, index) => {
      const [level, n] = name.split('/').map(Number) as [number, number];
      expect(storedHashIndex(level, n), name).toBe(index);
      // Just before leaf n is written, a log of n leaves has stored everything so far.
      if (level === 0) expect(storedHashCount(n)).toBe(index);
    });
    expect(storedHashCount(2048)).toBe(order.length);
  });

  it('starts like the stored hashes of Go’s sumdb/tlog', () => {
    // Leaves 0–7 at level 0, then the subtrees of 2, 4 and 8 leaves that start at leaf 0.
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => storedHashIndex(0, n))).toEqual([0, 1, 3, 4, 7, 8, 10, 11]);
    expect([storedHashIndex(1, 0), storedHashIndex(2, 0), storedHashIndex(3, 0)]).toEqual([2, 6, 14]);
    expect([0, 1, 2, 3, 4, 5, 8].map(storedHashCount)).toEqual([0, 1, 3, 4, 7, 8, 15]);
  });

  it('stays exact far beyond 32 bits: index = Σ_k ⌊last leaf / 2^k⌋ + level', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 2 ** 50 }), (level, n) => {
      fc.pre((n + 1) * 2 ** level <= 2 ** 51);
      const lastLeaf = (n + 1) * 2 ** level - 1;
      let sum = 0;
      for (let x = lastLeaf; x > 0; x = Math.floor(x / 2)) sum += x;
      expect(storedHashIndex(level, n)).toBe(sum + level);
    }));
    expect(storedHashIndex(0, 2 ** 40)).toBe(2 ** 41 - 1);
    expect(storedHashCount(2 ** 40)).toBe(2 ** 41 - 1);
  });

  it('refuses positions and sizes it cannot count exactly', () => {
    for (const [level, n] of [[-1, 0], [0, -1], [0.5, 0], [0, 1.5], [53, 0], [0, 2 ** 53], [30, 2 ** 30]] as const) {
      expect(rangeError(() => storedHashIndex(level, n)), `${level}/${n}`).toBe('E_PROOF_RANGE');
    }
    for (const size of [-1, 2.5, Number.MAX_SAFE_INTEGER, Infinity, NaN]) expect(rangeError(() => storedHashCount(size)), `${size}`).toBe('E_PROOF_RANGE');
  });

  it('holds, at each index, the RFC 9162 hash of that subtree in the in-memory log', () => {
    const log = new MemoryMerkleLog(pureCrypto);
    const leaves = Array.from({ length: 300 }, (_, i) => log.append(Uint8Array.of(i, i >> 8)));
    expect(log.storedHashes).toBe(storedHashCount(300));
    for (let level = 0; 2 ** level <= 300; level++) {
      for (let n = 0; (n + 1) * 2 ** level <= 300; n++) {
        const [stored] = log.readHashes([storedHashIndex(level, n)]);
        expect(toHex(stored!), `${level}/${n}`).toBe(toHex(referenceRoot(pureCrypto, leaves.slice(n * 2 ** level, (n + 1) * 2 ** level))));
      }
    }
  });
});
