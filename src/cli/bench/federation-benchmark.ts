import type { BenchDialect } from './bench-nodes.js';
import { machine, round, TIME_DIGITS } from './link-workload.js';
import { wallClockMs } from './peer-protocol.js';
import { WARM_UP, withWarmLink, type LinkBenchReport } from './warm-link.js';
import { t } from '../i18n.js';

export interface LinkBenchOptions {
  readonly dialect: BenchDialect;
  /** Offered rates for the latency runs, events per second. */
  readonly rates: readonly number[];
  /** Each rate runs this long… */
  readonly seconds: number;
  /** …but records no more than this many events. */
  readonly maxPerRate: number;
  /** No phase waits longer than this for its events to be delivered. */
  readonly timeoutS: number;
}

export interface FederationBenchmarkResult extends LinkBenchReport {
  readonly benchmark: 'federation';
  readonly dialect: BenchDialect;
  /** Events of the saturating run. */
  readonly events: number;
  /** From the first record call until Beijing had receipted the last event. */
  readonly seconds: number;
  /** Signed, durably stored at Beijing and receipted back to Washington, per second. */
  readonly events_per_s: number;
  /** The same run, until the last event was stored at Beijing (before its receipt came back). */
  readonly stored_per_s: number;
  /** Recording alone (signing and committing at Washington), per second. */
  readonly recorded_per_s: number;
  /**
   * CPU time each node's process spent per event of the saturating run. On a shared machine this
   * moves far less than the wall-clock rate does, so it tells code changes apart from contention.
   */
  readonly cpu_us_per_event: { readonly washington: number; readonly beijing: number };
}

/**
 * Washington records `events` as fast as it can on its link to Beijing and the run ends when
 * Beijing has stored and receipted the last one; then each offered rate measures the latency
 * from the record call to the commit at Beijing. Lost and duplicated come from Beijing's copy.
 */
export async function runFederationBenchmark(events: number, options: LinkBenchOptions, log: (line: string) => void): Promise<FederationBenchmarkResult> {
  const atStart = machine();
  return withWarmLink(options, Math.min(WARM_UP, events), log, async (bench, workload) => {
    const prepared = workload.prepare('flood', events);
    log(t('bench.progress.recordingFast', { events }));
    const cpuBefore = await bench.cpuMicros();
    const started = wallClockMs();
    const flood = await workload.flood(prepared);
    const recordedAt = wallClockMs();
    const delivered = await workload.delivered(flood, started + options.timeoutS * 1000);
    const cpuAfter = await bench.cpuMicros();
    const last = flood.reduce((high, e) => Math.max(high, e.seq), -1);
    const end = (at: number | undefined): number => (at ?? wallClockMs()) - started;
    const ackedMs = end(bench.acked.reachedAt(last));
    const storedMs = end(bench.stored.reachedAt(last));
    // After a time-out only what did arrive counts (and the rest shows as lost).
    const receipted = flood.filter((e) => e.seq <= bench.acked.latest).length;
    const stored = flood.filter((e) => e.seq <= bench.stored.latest).length;

    const latency = await workload.atRates(options.rates, options.seconds, options.maxPerRate, options.timeoutS, log);
    const { lost, duplicated } = workload.delivery(await bench.peer.tally());
    return {
      benchmark: 'federation', dialect: options.dialect, events, seconds: round(ackedMs / 1000, TIME_DIGITS),
      events_per_s: Math.round((receipted / ackedMs) * 1000), stored_per_s: Math.round((stored / storedMs) * 1000),
      recorded_per_s: Math.round((events / (recordedAt - started)) * 1000),
      cpu_us_per_event: {
        washington: Math.round((cpuAfter.washington - cpuBefore.washington) / events),
        beijing: Math.round((cpuAfter.beijing - cpuBefore.beijing) / events),
      },
      latency_ms: latency, lost, duplicated, timed_out: !delivered, machine: atStart,
    };
  });
}
