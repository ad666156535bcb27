import { parentPort } from 'node:worker_threads';
import { nodeCrypto } from '../../node/index.js';
import { checkBatch, type EventBatch } from './check-batch.js';

// A verification worker: checks batches of events with node:crypto and hands back the results,
// transferring the hash buffer rather than copying it.
parentPort!.on('message', (message: { id: number; batch: EventBatch }) => {
  const result = checkBatch(nodeCrypto, message.batch);
  parentPort!.postMessage({ id: message.id, result }, [result.hashes.buffer as ArrayBuffer]);
});
