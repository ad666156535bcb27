import { parentPort } from 'node:worker_threads';
import { equalBytes } from '../../core/index.js';
import { nodeCrypto } from '../../node/index.js';
import { checkBatch, type KeyVerifier } from './check-batch.js';
import { nodeKeyVerifier } from './node-key-verifier.js';

// A verification worker: checks batches of events with node:crypto and hands back the packed
// results, transferring their buffers rather than copying them.

// Each batch names its log's key; a bundle has one per log, so the last few parsed keys are kept.
const keys: { publicKey: Uint8Array; verifier: KeyVerifier }[] = [];
function verifierFor(publicKey: Uint8Array): KeyVerifier {
  let entry = keys.find((k) => equalBytes(k.publicKey, publicKey));
  if (!entry) {
    entry = { publicKey: Uint8Array.from(publicKey), verifier: nodeKeyVerifier(publicKey) };
    keys.unshift(entry);
    keys.length = Math.min(keys.length, 8);
  }
  return entry.verifier;
}

parentPort!.on('message', (message: { id: number; batch: Parameters<typeof checkBatch>[1] }) => {
  const result = checkBatch(nodeCrypto, message.batch, verifierFor);
  parentPort!.postMessage({ id: message.id, result }, [result.numbers.buffer as ArrayBuffer, result.hashes.buffer as ArrayBuffer]);
});
