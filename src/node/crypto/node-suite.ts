import { createPrivateKey, createPublicKey, hash, sign, verify, type KeyObject } from 'node:crypto';
import { equalBytes, type CryptoSuite, type Signer } from '../../core/index.js';

// DER wrappings of raw Ed25519 keys (RFC 8410 §4 and §7): node:crypto takes keys as SPKI/PKCS#8.
export const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

// Verifying with a cached KeyObject avoids re-parsing the key for each of a million events. A
// pinned key is one bytes object, verified against again and again: it is found by identity first.
const publicKeys = new Map<string, KeyObject>();
// (The bytes are compared too: a caller may have changed them since.)
const keyOfBytes = new WeakMap<Uint8Array, { readonly raw: Uint8Array; readonly key: KeyObject }>();
function publicKeyObject(raw: Uint8Array): KeyObject {
  const known = keyOfBytes.get(raw);
  if (known && equalBytes(known.raw, raw)) return known.key;
  const id = Buffer.from(raw).toString('base64');
  let key = publicKeys.get(id);
  if (!key) {
    key = createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    if (publicKeys.size > 1024) publicKeys.clear();
    publicKeys.set(id, key);
  }
  keyOfBytes.set(raw, { raw: Uint8Array.from(raw), key });
  return key;
}

/** OpenSSL-backed primitives: several times faster than the pure suite, and the same answers. */
export const nodeCrypto: CryptoSuite = {
  name: 'node:crypto',
  // One-shot hash(): no Hash object per call, which matters at several hashes per event. Asked
  // for a Buffer, hash() allocates outside the JS heap on every call, which costs more than the
  // hashing itself; the digest as a latin1 string is copied into plain bytes instead.
  sha256(data) {
    const digest = hash('sha256', data, 'binary');
    const out = new Uint8Array(32);
    for (let i = 0; i < 32; i++) out[i] = digest.charCodeAt(i);
    return out;
  },
  ed25519: {
    algorithm: 'ed25519',
    verify(publicKey, message, signature) {
      if (publicKey.length !== 32 || signature.length !== 64) return false;
      try {
        return verify(null, message, publicKeyObject(publicKey), signature);
      } catch {
        // An unparseable public key (not a curve point) is a failed verification, not a crash.
        return false;
      }
    },
  },
  ed25519Signer(seed): Signer {
    if (seed.length !== 32) throw new RangeError('An Ed25519 seed is 32 bytes.');
    const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    return {
      algorithm: 'ed25519',
      publicKey: new Uint8Array(spki.subarray(SPKI_PREFIX.length)),
      sign: (message) => new Uint8Array(sign(null, message, privateKey)),
    };
  },
};
