import { parentPort } from 'node:worker_threads';
import { checkBatch } from './check-batch.js';
import { nodeLinePrimitives, verifyingSuite } from './node-line-primitives.js';

// A verification worker: checks batches of events with node:crypto and hands back the packed
// results, transferring their buffers rather than copying them.

const primitives = nodeLinePrimitives();
const crypto = verifyingSuite(primitives);

parentPort!.on('message', (message: { id: number; batch: Parameters<typeof checkBatch>[1] }) => {
  const result = checkBatch(crypto, message.batch, primitives);
  parentPort!.postMessage({ id: message.id, result }, [result.numbers.buffer as ArrayBuffer, result.hashes.buffer as ArrayBuffer]);
});
