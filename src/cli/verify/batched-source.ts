import type { CheckedBatch, CheckedEventSource } from '../../core/index.js';
import type { LogIdentity } from './check-range.js';
import type { LineRange } from './line-ranges.js';
import type { BatchChecker } from './worker-pool.js';

/**
 * One log's checked ranges in file order, keeping up to `depth` ranges at the workers so they
 * stay busy while the main thread walks the chains. Bounded, so memory does not grow with the
 * file. Each range comes back numbered from its own first line; its lines are numbered here,
 * after the lines of the ranges before it.
 */
export class BatchedEventSource implements CheckedEventSource {
  private readonly inflight: Promise<CheckedBatch>[] = [];
  private linesBefore = 0;

  constructor(
    private readonly ranges: Iterator<LineRange>,
    private readonly identity: LogIdentity,
    private readonly checker: BatchChecker,
    private readonly depth: number,
  ) {}

  async next(): Promise<CheckedBatch | null> {
    this.fill();
    const pending = this.inflight.shift();
    if (!pending) return null;
    // Top up behind the range taken, so the workers have work while the caller walks this one.
    this.fill();
    const batch = await pending;
    const before = this.linesBefore;
    this.linesBefore += batch.count;
    if (before === 0) return batch;
    return { ...batch, firstLine: before + batch.firstLine, failure: batch.failure && { ...batch.failure, line: before + batch.failure.line } };
  }

  private fill(): void {
    while (this.inflight.length < this.depth) {
      const step = this.ranges.next();
      if (step.done) return;
      const result = this.checker.check({ ...this.identity, range: step.value });
      // Failures surface when the range is awaited in order; this only stops an early rejection being reported as unhandled.
      result.catch(() => {});
      this.inflight.push(result);
    }
  }
}
