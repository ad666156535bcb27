import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fromHex, toHex } from '../../core/index.js';
import { vectorPath } from '../../test-support/vectors.js';
import { nodeLinePrimitives, verifyingSuite } from './node-line-primitives.js';

interface KnownAnswer { name: string; public_key: string; message: string; signature: string }
const rfc8032 = JSON.parse(readFileSync(vectorPath('ed25519/rfc8032.json'), 'utf8')) as KnownAnswer[];

describe('the verifying suite the workers decide declined lines with', () => {
  const suite = verifyingSuite(nodeLinePrimitives());

  for (const v of rfc8032) {
    it(`RFC 8032 ${v.name}: verifies, and refuses a flipped bit, another key, a short signature`, () => {
      const publicKey = fromHex(v.public_key);
      const message = fromHex(v.message);
      const signature = fromHex(v.signature);
      expect(suite.ed25519.verify(publicKey, message, signature)).toBe(true);
      const flipped = Uint8Array.from(signature);
      flipped[5]! ^= 0x10;
      expect(suite.ed25519.verify(publicKey, message, flipped)).toBe(false);
      expect(suite.ed25519.verify(fromHex(rfc8032[(rfc8032.indexOf(v) + 1) % rfc8032.length]!.public_key), message, signature)).toBe(false);
      expect(suite.ed25519.verify(publicKey, message, signature.subarray(0, 63))).toBe(false);
      expect(suite.ed25519.verify(publicKey.subarray(0, 31), message, signature)).toBe(false);
    });
  }

  it('hashes with SHA-256 (FIPS 180-4 "abc") and signs nothing', () => {
    expect(toHex(suite.sha256(new TextEncoder().encode('abc')))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(() => suite.ed25519Signer(new Uint8Array(32))).toThrow();
  });
});
