import { parentPort, workerData } from 'node:worker_threads';
import { preparedVerifications, timeVerifications, type VerifySample } from './raw-verify-rate.js';

// One thread of the all-threads raw rate: warms up, says so, and times its loop when told to go,
// so that every thread's loop runs over the same seconds.

const { sample, seconds } = workerData as { sample: VerifySample; seconds: number };
const round = preparedVerifications(sample);
parentPort!.once('message', () => parentPort!.postMessage(timeVerifications(round, seconds)));
parentPort!.postMessage('ready');
