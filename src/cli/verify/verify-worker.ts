import { parentPort } from 'node:worker_threads';
import { checkRange, type RangeJob } from './check-range.js';
import { RangeReader } from './line-ranges.js';
import { nodeLinePrimitives, verifyingSuite } from './node-line-primitives.js';

// A verification worker: reads ranges of events files, checks their events with node:crypto and
// hands back the packed results, transferring their buffers rather than copying them.

const primitives = nodeLinePrimitives();
const crypto = verifyingSuite(primitives);
const reader = new RangeReader();

parentPort!.on('message', (message: { id: number; job: RangeJob }) => {
  const result = checkRange(crypto, message.job, reader, primitives);
  parentPort!.postMessage({ id: message.id, result }, [result.numbers.buffer as ArrayBuffer, result.hashes.buffer as ArrayBuffer]);
});
