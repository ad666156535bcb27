import { describe, expect, it } from 'vitest';
import { fromHex, leafHash, nodeHash, pureCrypto, toHex } from '../../core/index.js';
import { nodeMerkleHasher, sha256Into } from './node-sha256.js';

// FIPS 180-4 examples (NIST CSRC "SHA256.pdf"), and the empty string.
const VECTORS: readonly [string, string][] = [
  ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
];

describe('sha256Into', () => {
  for (const [text, digest] of VECTORS) {
    it(`gives the FIPS 180-4 digest of "${text.slice(0, 12)}…" at the offset asked, touching nothing else`, () => {
      const out = new Uint8Array(40).fill(0xee);
      sha256Into(new TextEncoder().encode(text), out, 4);
      expect(toHex(out.subarray(4, 36))).toBe(digest);
      expect([...out.subarray(0, 4), ...out.subarray(36)]).toEqual(new Array(8).fill(0xee));
    });
  }

  it('agrees with the pure suite on every byte value and length up to two blocks and beyond', () => {
    const out = new Uint8Array(32);
    for (let n = 0; n < 300; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 151 + n) & 0xff);
      sha256Into(data, out, 0);
      expect(toHex(out)).toBe(toHex(pureCrypto.sha256(data)));
    }
  });

  it('hashes Merkle nodes and leaves as the pure suite does, each into a fresh array', () => {
    const left = fromHex(VECTORS[1]![1]);
    const right = fromHex(VECTORS[2]![1]);
    const a = nodeHash(nodeMerkleHasher, left, right);
    const b = nodeHash(nodeMerkleHasher, right, left);
    expect(toHex(a)).toBe(toHex(nodeHash(pureCrypto, left, right)));
    expect(toHex(b)).toBe(toHex(nodeHash(pureCrypto, right, left)));
    expect(a).not.toBe(b);
    expect(toHex(leafHash(nodeMerkleHasher, left))).toBe(toHex(leafHash(pureCrypto, left)));
  });
});
