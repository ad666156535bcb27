import { parentPort } from 'node:worker_threads';
import { nodeCrypto } from '../../node/index.js';
import { checkBatch } from './check-batch.js';
import { nodeLinePrimitives } from './node-line-primitives.js';

// A verification worker: checks batches of events with node:crypto and hands back the packed
// results, transferring their buffers rather than copying them.

const primitives = nodeLinePrimitives();

parentPort!.on('message', (message: { id: number; batch: Parameters<typeof checkBatch>[1] }) => {
  const result = checkBatch(nodeCrypto, message.batch, primitives);
  parentPort!.postMessage({ id: message.id, result }, [result.numbers.buffer as ArrayBuffer, result.hashes.buffer as ArrayBuffer]);
});
