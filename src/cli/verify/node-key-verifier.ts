import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { KeyVerifier } from './check-batch.js';

/**
 * node:crypto's Ed25519 verification with the public key parsed once. The verifier's workers
 * and the benchmark's raw baseline both call exactly this, so the two rates compare like with like.
 * It answers as the node:crypto suite does (same OpenSSL call): false, never a throw, on bad input.
 */
export function nodeKeyVerifier(publicKey: Uint8Array): KeyVerifier {
  let key: KeyObject;
  try {
    if (publicKey.length !== 32) throw new RangeError('An Ed25519 public key is 32 bytes.');
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
  } catch {
    return () => false;
  }
  return (message, signature) => {
    if (signature.length !== 64) return false;
    try {
      return verify(null, message, key, signature);
    } catch {
      return false;
    }
  };
}
