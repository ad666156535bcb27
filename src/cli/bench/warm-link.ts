import { BenchLink } from './bench-link.js';
import { writeBenchNodes } from './bench-nodes.js';
import type { LinkBenchOptions } from './federation-benchmark.js';
import { Workload, type MachineNote, type Percentiles } from './link-workload.js';
import { wallClockMs } from './peer-protocol.js';
import { t } from '../i18n.js';

/** Events delivered before anything is timed. */
export const WARM_UP = 200;

/** What every link benchmark reports beside its own figures. */
export interface LinkBenchReport {
  /** Latency at each offered rate, record call → commit at Beijing. */
  readonly latency_ms: Record<string, Percentiles>;
  readonly lost: number;
  readonly duplicated: number;
  readonly timed_out: boolean;
  readonly machine: MachineNote;
}

/**
 * The scaffold every link benchmark shares: two fresh nodes, linked, warmed up (connections,
 * statement caches and the JIT) with `warmUp` delivered events before anything is timed; then
 * `run`; then both nodes stopped and everything they stored removed, whatever happened.
 */
export async function withWarmLink<T>(
  options: LinkBenchOptions,
  warmUp: number,
  log: (line: string) => void,
  run: (bench: BenchLink, workload: Workload) => Promise<T>,
): Promise<T> {
  const nodes = await writeBenchNodes(options.dialect);
  try {
    log(t('bench.progress.startingNodes', { dialect: options.dialect }));
    const bench = await BenchLink.open(nodes);
    try {
      const workload = new Workload(bench);
      await workload.delivered(await workload.flood(workload.prepare('warmup', warmUp)), wallClockMs() + options.timeoutS * 1000);
      return await run(bench, workload);
    } finally {
      await bench.close();
    }
  } finally {
    await nodes.remove();
  }
}
