import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CryptoSuite, Signer } from './signature.js';

/**
 * Pure-JS primitives (noble), usable in Node, browsers and workers alike.
 * `zip215: false` selects strict RFC 8032 verification (canonical encodings of A, R and S),
 * which is what the Wycheproof vectors expect; ZIP-215's relaxed rules would accept
 * signatures that node:crypto (OpenSSL) rejects, and the two sides must never disagree.
 */
export const pureCrypto: CryptoSuite = {
  name: 'noble',
  sha256: (data) => sha256(data),
  ed25519: {
    algorithm: 'ed25519',
    verify(publicKey, message, signature) {
      if (publicKey.length !== 32 || signature.length !== 64) return false;
      try {
        return ed25519.verify(signature, message, publicKey, { zip215: false });
      } catch {
        return false;
      }
    },
  },
  ed25519Signer(seed): Signer {
    const secret = Uint8Array.from(seed);
    return {
      algorithm: 'ed25519',
      publicKey: ed25519.getPublicKey(secret),
      sign: (message) => ed25519.sign(message, secret),
    };
  },
};
