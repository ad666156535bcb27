import type { BenchDialect } from './bench-nodes.js';
import type { LinkBenchOptions } from './federation-benchmark.js';
import { machine, round, TIME_DIGITS } from './link-workload.js';
import { wallClockMs } from './peer-protocol.js';
import { WARM_UP, withWarmLink, type LinkBenchReport } from './warm-link.js';
import { t } from '../i18n.js';

export interface CatchupBenchmarkResult extends LinkBenchReport {
  readonly benchmark: 'catchup';
  readonly dialect: BenchDialect;
  /** Events recorded at Washington while Beijing was down. */
  readonly backlog: number;
  /** From Beijing's return (listening, its sender running) until the whole backlog was stored there and receipted. */
  readonly drain_seconds: number;
  /** The same, until the last event was stored at Beijing. */
  readonly stored_seconds: number;
  /** Backlog drained per second. */
  readonly events_per_s: number;
  /** Beijing's restart: process start until it listened (not part of the drain). */
  readonly restart_seconds: number;
}

/**
 * The outage: the link is established, Beijing's node stops (gracefully, as for maintenance),
 * Washington records `backlog` events into its durable outbox, and Beijing comes back. The drain
 * is timed from the moment Beijing listens again until everything is stored and receipted.
 */
export async function runCatchupBenchmark(backlog: number, options: LinkBenchOptions, log: (line: string) => void): Promise<CatchupBenchmarkResult> {
  const atStart = machine();
  return withWarmLink(options, WARM_UP, log, async (bench, workload) => {
    log(t('bench.progress.stoppingBeijing'));
    await bench.peer.stop();
    log(t('bench.progress.recordingBacklog', { backlog }));
    const queued = await workload.flood(workload.prepare('backlog', backlog));
    const last = queued.reduce((high, e) => Math.max(high, e.seq), -1);
    if (bench.stored.latest >= last) throw new Error('The backlog reached Beijing while it was stopped.');

    log(t('bench.progress.restartingBeijing'));
    const restarting = wallClockMs();
    const back = await bench.peer.start();
    const delivered = await workload.delivered(queued, back + options.timeoutS * 1000);
    const since = (at: number | undefined): number => ((at ?? wallClockMs()) - back) / 1000;
    const drain = since(bench.acked.reachedAt(last));
    const stored = since(bench.stored.reachedAt(last));
    const receipted = queued.filter((e) => e.seq <= bench.acked.latest).length;

    const latency = await workload.atRates(options.rates, options.seconds, options.maxPerRate, options.timeoutS, log);
    const { lost, duplicated } = workload.delivery(await bench.peer.tally());
    return {
      benchmark: 'catchup', dialect: options.dialect, backlog, drain_seconds: round(drain, TIME_DIGITS), stored_seconds: round(stored, TIME_DIGITS),
      events_per_s: Math.round(receipted / drain), restart_seconds: round((back - restarting) / 1000, 3),
      latency_ms: latency, lost, duplicated, timed_out: !delivered, machine: atStart,
    };
  });
}
