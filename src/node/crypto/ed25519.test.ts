import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fromHex, pureCrypto, toHex, type CryptoSuite } from '../../core/index.js';
import { vectorPath } from '../../test-support/vectors.js';
import { nodeCrypto } from './node-suite.js';

interface KnownAnswer { name: string; secret_key: string; public_key: string; message: string; signature: string }
interface WycheproofTest { tcId: number; comment: string; msg: string; sig: string; result: 'valid' | 'invalid' | 'acceptable' }
interface WycheproofGroup { publicKey: { pk: string }; tests: WycheproofTest[] }

const rfc8032 = JSON.parse(readFileSync(vectorPath('ed25519/rfc8032.json'), 'utf8')) as KnownAnswer[];
const wycheproof = JSON.parse(readFileSync(vectorPath('ed25519/wycheproof_ed25519_test.json'), 'utf8')) as { testGroups: WycheproofGroup[] };
const SUITES: readonly CryptoSuite[] = [pureCrypto, nodeCrypto];

for (const suite of SUITES) {
  describe(`Ed25519 with ${suite.name}`, () => {
    it('has the five RFC 8032 §7.1 vectors', () => expect(rfc8032).toHaveLength(5));

    for (const v of rfc8032) {
      it(`RFC 8032 ${v.name}: derives the key, signs byte for byte, verifies, rejects a flipped bit`, () => {
        const signer = suite.ed25519Signer(fromHex(v.secret_key));
        expect(toHex(signer.publicKey)).toBe(v.public_key);
        const message = fromHex(v.message);
        const signature = signer.sign(message);
        expect(toHex(signature)).toBe(v.signature);
        expect(suite.ed25519.verify(signer.publicKey, message, signature)).toBe(true);
        const flipped = Uint8Array.from(signature);
        flipped[17]! ^= 0x04;
        expect(suite.ed25519.verify(signer.publicKey, message, flipped)).toBe(false);
      });
    }

    it('gives Wycheproof\'s verdict on all 151 cases (88 valid accepted, 63 invalid rejected)', () => {
      let valid = 0;
      let invalid = 0;
      const disagreements: string[] = [];
      for (const group of wycheproof.testGroups) {
        const pk = fromHex(group.publicKey.pk);
        for (const t of group.tests) {
          let ok: boolean;
          try {
            ok = suite.ed25519.verify(pk, fromHex(t.msg), fromHex(t.sig));
          } catch {
            ok = false;
          }
          if (t.result === 'valid') valid++;
          else invalid++;
          if (ok !== (t.result === 'valid')) disagreements.push(`tc ${t.tcId} (${t.comment}): expected ${t.result}, got ${ok}`);
        }
      }
      expect(disagreements).toEqual([]);
      expect([valid, invalid]).toEqual([88, 63]);
    });
  });
}

describe('node:crypto key cache', () => {
  it('verifies against what the key bytes say now, even when the same array changed', () => {
    const first = nodeCrypto.ed25519Signer(new Uint8Array(32).fill(7));
    const second = nodeCrypto.ed25519Signer(new Uint8Array(32).fill(8));
    const message = new TextEncoder().encode('parley');
    const key = Uint8Array.from(first.publicKey);
    expect(nodeCrypto.ed25519.verify(key, message, first.sign(message))).toBe(true);
    key.set(second.publicKey);
    expect(nodeCrypto.ed25519.verify(key, message, first.sign(message))).toBe(false);
    expect(nodeCrypto.ed25519.verify(key, message, second.sign(message))).toBe(true);
  });
});
