import { equalBytes, type CryptoSuite } from '../../core/index.js';
import type { KeyVerifier, LinePrimitives } from './check-batch.js';
import { nodeKeyVerifier } from './node-key-verifier.js';
import { nodeMerkleHasher, sha256Into } from './node-sha256.js';

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

/**
 * A suite that only verifies, on the same node:crypto calls as the fast path: the workers decide
 * the lines the fast path declines with it. The node layer's suite would do as well, but a worker
 * reaches it only through src/node's index, whose servers, stores and links then load too: about
 * 0.3 s of CPU per worker at every start, for code a verifier never runs.
 */
export function verifyingSuite(primitives: LinePrimitives): CryptoSuite {
  return {
    name: 'node:crypto (verifying only)',
    sha256: nodeMerkleHasher.sha256,
    ed25519: { algorithm: 'ed25519', verify: (publicKey, message, signature) => primitives.verifierFor(publicKey)(message, signature) },
    ed25519Signer() {
      throw new Error('The verifier signs nothing.');
    },
  };
}
