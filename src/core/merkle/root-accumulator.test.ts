import { describe, expect, it } from 'vitest';
import { pureCrypto, toHex } from '../index.js';
import { MemoryMerkleLog, RootAccumulator, emptyRoot, leafHash } from './index.js';

const crypto = pureCrypto;
const leaves = Array.from({ length: 700 }, (_, i) => leafHash(crypto, Uint8Array.of(i & 255, i >> 8)));

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'no error';
  } catch (err) {
    return (err as { code: string }).code;
  }
};

describe('RootAccumulator', () => {
  it('starts at the empty tree and counts what it absorbed', () => {
    const acc = new RootAccumulator(crypto);
    expect(acc.size).toBe(0);
    expect(toHex(acc.root())).toBe(toHex(emptyRoot(crypto)));
    acc.append(leaves[0]!);
    expect(acc.size).toBe(1);
    expect(toHex(acc.root())).toBe(toHex(leaves[0]!));
  });

  it('gives the root at each checkpoint size on the way without disturbing the stream', () => {
    // A verifier streams a log once and checks every checkpoint it passes.
    const checkpoints = new Set([1, 2, 3, 64, 65, 127, 255, 256, 500, 700]);
    const reference = new MemoryMerkleLog(crypto);
    reference.appendLeafHashes(leaves);
    const asked = new RootAccumulator(crypto);
    const quiet = new RootAccumulator(crypto);
    for (const leaf of leaves) {
      asked.append(leaf);
      quiet.append(leaf);
      if (checkpoints.has(asked.size)) expect(toHex(asked.root()), `size ${asked.size}`).toBe(toHex(reference.root(asked.size)));
    }
    expect(toHex(asked.root())).toBe(toHex(quiet.root()));
  });

  it('hands out roots the caller may change freely', () => {
    const acc = new RootAccumulator(crypto);
    for (const leaf of leaves.slice(0, 4)) acc.append(leaf);
    const before = toHex(acc.root());
    acc.root().fill(0);
    acc.append(leaves[4]!);
    const after = new RootAccumulator(crypto);
    for (const leaf of leaves.slice(0, 5)) after.append(leaf);
    expect(toHex(acc.root())).toBe(toHex(after.root()));
    expect(before).not.toBe(toHex(acc.root()));
  });

  it('refuses a leaf hash that is not 32 bytes, and stays as it was', () => {
    const acc = new RootAccumulator(crypto);
    acc.append(leaves[0]!);
    expect(codeOf(() => acc.append(new Uint8Array(31)))).toBe('E_ENCODING_INVALID');
    expect(codeOf(() => acc.append(new Uint8Array(33)))).toBe('E_ENCODING_INVALID');
    expect(acc.size).toBe(1);
    expect(toHex(acc.root())).toBe(toHex(leaves[0]!));
  });
});
