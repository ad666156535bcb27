import { ParleyError, type CheckedEvent, type CheckedEventSource } from '../../core/index.js';
import type { BatchResult } from './check-batch.js';
import type { RawBatch } from './line-batches.js';
import type { BatchChecker } from './worker-pool.js';

export interface LogIdentity {
  readonly log: string;
  readonly peer: string;
  readonly publicKey: Uint8Array;
}

/**
 * One log's checked events in file order, keeping up to `depth` batches at the workers so they
 * stay busy while the main thread walks the chains. Bounded, so memory does not grow with the file.
 */
export class BatchedEventSource implements CheckedEventSource {
  private readonly inflight: Promise<BatchResult>[] = [];
  private current: BatchResult | null = null;
  private index = 0;
  private ended = false;

  constructor(
    private readonly batches: AsyncIterator<RawBatch>,
    private readonly identity: LogIdentity,
    private readonly checker: BatchChecker,
    private readonly depth: number,
  ) {}

  async next(): Promise<CheckedEvent | null> {
    for (;;) {
      const batch = this.current;
      if (batch && this.index < batch.events.length) {
        const i = this.index++;
        const e = batch.events[i]!;
        return {
          seq: e.seq, prev: e.prev, hash: e.hash, ts: e.ts, peer: e.peer, line: e.line,
          hashBytes: batch.hashes.subarray(i * 64, i * 64 + 32), leafHash: batch.hashes.subarray(i * 64 + 32, i * 64 + 64),
        };
      }
      if (batch?.failure) {
        const { code, message, line, seq } = batch.failure;
        throw new ParleyError(code, message, { log: this.identity.log, line, seq });
      }
      this.current = null;
      await this.fill();
      const nextBatch = this.inflight.shift();
      if (!nextBatch) return null;
      this.current = await nextBatch;
      this.index = 0;
    }
  }

  private async fill(): Promise<void> {
    while (!this.ended && this.inflight.length < this.depth) {
      const step = await this.batches.next();
      if (step.done) {
        this.ended = true;
        break;
      }
      const result = this.checker.check({ ...this.identity, ...step.value });
      // Failures surface when the batch is awaited in order; this only stops an early rejection being reported as unhandled.
      result.catch(() => {});
      this.inflight.push(result);
    }
  }
}
