import { Worker } from 'node:worker_threads';
import { toHex } from '../../core/index.js';
import { nodeKeyVerifier } from '../verify/node-key-verifier.js';

/** Signed messages of a bundle, to time bare Ed25519 verification on. */
export type VerifySample = readonly { readonly publicKey: Uint8Array; readonly message: Uint8Array; readonly signature: Uint8Array }[];

export interface RawRate {
  readonly count: number;
  readonly perSecond: number;
}

/**
 * The sample with each key parsed once, as the verifier's workers parse theirs, and a warm-up:
 * the timed loop then makes exactly the call the workers make, so the baseline is the fastest
 * node:crypto verification there is, not a handicapped one.
 */
export function preparedVerifications(sample: VerifySample): () => number {
  const keys = new Map<string, ReturnType<typeof nodeKeyVerifier>>();
  const prepared = sample.map((item) => {
    const id = toHex(item.publicKey);
    if (!keys.has(id)) keys.set(id, nodeKeyVerifier(item.publicKey));
    return { verify: keys.get(id)!, message: item.message, signature: item.signature };
  });
  const verifyAll = (items: typeof prepared): number => {
    for (const item of items) if (!item.verify(item.message, item.signature)) throw new Error('sample signature does not verify');
    return items.length;
  };
  verifyAll(prepared.slice(0, 500));
  return () => verifyAll(prepared);
}

/** Verifies the sample over and over for `seconds` of wall time (see `preparedVerifications`). */
export function timeVerifications(round: () => number, seconds: number): RawRate {
  let count = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) count += round();
  return { count, perSecond: count / ((performance.now() - started) / 1000) };
}

/**
 * Raw verification on `threads` threads at once, each on the whole sample, all released together
 * once every one is warm: what the machine's cores verify together, which on a shared or
 * virtual machine is less than one core's rate times their number. Resolves with the sum of the
 * threads' rates.
 */
export async function rawVerifyRateAllThreads(sample: VerifySample, threads: number, seconds: number): Promise<number> {
  const script = new URL('./raw-verify-worker.js', import.meta.url);
  const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: { sample, seconds } }));
  try {
    const ready = workers.map((w) => message<'ready'>(w));
    await Promise.all(ready);
    const results = workers.map((w) => message<RawRate>(w));
    for (const w of workers) w.postMessage('go');
    const rates = await Promise.all(results);
    return rates.reduce((sum, r) => sum + r.perSecond, 0);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

function message<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    worker.once('error', onError);
    worker.once('message', (value: T) => {
      worker.off('error', onError);
      resolve(value);
    });
  });
}
