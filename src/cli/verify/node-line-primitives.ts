import { equalBytes } from '../../core/index.js';
import type { KeyVerifier, LinePrimitives } from './check-batch.js';
import { nodeKeyVerifier } from './node-key-verifier.js';
import { sha256Into } from './node-sha256.js';

/**
 * The fast path's primitives on node:crypto, as the verification workers use them (and the
 * calling thread, when it checks inline). Each batch names its log's key; a bundle has one per
 * log, so the last few parsed keys are kept.
 */
export function nodeLinePrimitives(): LinePrimitives {
  const keys: { publicKey: Uint8Array; verifier: KeyVerifier }[] = [];
  const verifierFor = (publicKey: Uint8Array): KeyVerifier => {
    let entry = keys.find((k) => equalBytes(k.publicKey, publicKey));
    if (!entry) {
      entry = { publicKey: Uint8Array.from(publicKey), verifier: nodeKeyVerifier(publicKey) };
      keys.unshift(entry);
      keys.length = Math.min(keys.length, 8);
    }
    return entry.verifier;
  };
  return { verifierFor, sha256Into };
}
