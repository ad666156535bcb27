import { Worker } from 'node:worker_threads';
import type { CheckedBatch, CryptoSuite } from '../../core/index.js';
import { suitePrimitives, type LinePrimitives } from './check-batch.js';
import { checkRange, type RangeJob } from './check-range.js';
import { RangeReader } from './line-ranges.js';

export interface BatchChecker {
  check(job: RangeJob): Promise<CheckedBatch>;
  close(): Promise<void>;
}

/** Reads and checks ranges on the calling thread: for tests, and for `--threads 0`. */
export function inlineChecker(crypto: CryptoSuite, primitives: LinePrimitives = suitePrimitives(crypto)): BatchChecker {
  const reader = new RangeReader();
  return { check: async (job) => checkRange(crypto, job, reader, primitives), close: async () => reader.close() };
}

interface Pending {
  resolve(result: CheckedBatch): void;
  reject(error: Error): void;
}

/** A fixed set of worker threads, each job going to the least-loaded worker, which reads the range itself. */
export class WorkerPool implements BatchChecker {
  private readonly workers: { worker: Worker; pending: Map<number, Pending> }[] = [];
  private nextId = 0;

  constructor(size: number) {
    const script = new URL('./verify-worker.js', import.meta.url);
    for (let i = 0; i < size; i++) {
      const slot = { worker: new Worker(script), pending: new Map<number, Pending>() };
      slot.worker.on('message', ({ id, result }: { id: number; result: CheckedBatch }) => {
        const job = slot.pending.get(id);
        slot.pending.delete(id);
        job?.resolve(result);
      });
      const failAll = (error: Error): void => {
        for (const job of slot.pending.values()) job.reject(error);
        slot.pending.clear();
      };
      slot.worker.on('error', failAll);
      slot.worker.on('exit', (code) => code !== 0 && failAll(new Error(`A verification worker stopped (exit code ${code}).`)));
      this.workers.push(slot);
    }
  }

  check(job: RangeJob): Promise<CheckedBatch> {
    let slot = this.workers[0]!;
    for (const s of this.workers) if (s.pending.size < slot.pending.size) slot = s;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, job });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((s) => s.worker.terminate()));
  }
}
