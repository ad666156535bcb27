import type { CheckedBatch, CheckedEventSource } from '../../core/index.js';
import type { RawBatch } from './line-batches.js';
import type { BatchChecker } from './worker-pool.js';

export interface LogIdentity {
  readonly log: string;
  readonly peer: string;
  readonly publicKey: Uint8Array;
}

/**
 * One log's checked batches in file order, keeping up to `depth` batches at the workers so they
 * stay busy while the main thread walks the chains. Bounded, so memory does not grow with the file.
 */
export class BatchedEventSource implements CheckedEventSource {
  private readonly inflight: Promise<CheckedBatch>[] = [];
  private ended = false;

  constructor(
    private readonly batches: AsyncIterator<RawBatch>,
    private readonly identity: LogIdentity,
    private readonly checker: BatchChecker,
    private readonly depth: number,
  ) {}

  async next(): Promise<CheckedBatch | null> {
    await this.fill();
    const batch = this.inflight.shift();
    if (!batch) return null;
    // Top up behind the batch taken, so the workers have work while the caller walks this one.
    void this.fill();
    return batch;
  }

  private filling: Promise<void> | null = null;

  private fill(): Promise<void> {
    this.filling ??= this.fillNow().finally(() => (this.filling = null));
    return this.filling;
  }

  /** Never rejects: a read error takes the place of the batch it prevented, so it is reported in file order. */
  private async fillNow(): Promise<void> {
    while (!this.ended && this.inflight.length < this.depth) {
      let result: Promise<CheckedBatch>;
      try {
        const step = await this.batches.next();
        if (step.done) {
          this.ended = true;
          break;
        }
        result = this.checker.check({ ...this.identity, ...step.value });
      } catch (err) {
        this.ended = true;
        result = Promise.reject(err as Error);
      }
      // Failures surface when the batch is awaited in order; this only stops an early rejection being reported as unhandled.
      result.catch(() => {});
      this.inflight.push(result);
    }
  }
}
