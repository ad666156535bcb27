import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBundle, type GeneratedBundle } from './generate-bundle.js';
import { preparedVerifications, rawVerifyRateAllThreads, timeVerifications, type VerifySample } from './raw-verify-rate.js';
import { t } from '../i18n.js';

export interface VerifyBenchmarkResult {
  readonly benchmark: 'verify';
  readonly events: number;
  readonly bundle_bytes: number;
  readonly cores: number;
  readonly seconds: number;
  readonly events_per_s: number;
  readonly raw_verify_single_thread_per_s: number;
  readonly raw_verify_single_thread_before_after: readonly [number, number];
  readonly raw_verify_per_s: number;
  readonly ratio: number;
  /**
   * Raw verification on every core at once (the sum of their rates), before and after, averaged.
   * On a shared or virtual machine the cores together verify less than one core's rate times
   * their number: that shortfall is the machine's, and this is the ceiling a parallel verifier meets.
   */
  readonly raw_verify_all_threads_per_s: number;
  readonly raw_verify_all_threads_before_after: readonly [number, number];
  /** raw_verify_all_threads_per_s / raw_verify_per_s: how well the machine's cores verify together. */
  readonly parallel_scaling: number;
  /** events_per_s / raw_verify_all_threads_per_s: the verifier against that ceiling. */
  readonly ratio_all_threads: number;
  readonly peak_rss_mb: number;
  readonly generate_seconds: number;
  /** CPU time of the verify process, all threads. */
  readonly cpu_seconds: number;
  readonly events_per_cpu_s: number;
  /** Raw single-thread verifications per second of CPU time. */
  readonly raw_verify_per_cpu_s: number;
  /** events_per_cpu_s / raw_verify_per_cpu_s: the share of the verifier's CPU time that was signature checking. */
  readonly cpu_ratio: number;
  /** One-minute load average of the machine when the run started and ended. */
  readonly load_average_before_after: readonly [number, number];
  readonly node: string;
  readonly cpu: string;
}

/** How long each measurement of the baseline runs, on one thread and on all cores. */
const BASELINE_SECONDS = 3;

/**
 * The raw single-thread rate of node:crypto Ed25519 verification, on the bundle's own messages,
 * over a few seconds (short bursts run at boost clock speeds on shared machines and overstate it),
 * in wall time and in this thread's CPU time.
 */
function rawVerifyRate(sample: VerifySample, seconds = BASELINE_SECONDS): { perSecond: number; perCpuSecond: number } {
  const round = preparedVerifications(sample);
  const cpu = process.cpuUsage();
  const rate = timeVerifications(round, seconds);
  const used = process.cpuUsage(cpu);
  return { perSecond: rate.perSecond, perCpuSecond: rate.count / ((used.user + used.system) / 1e6) };
}

/** Runs `parley verify --json` in a child process, so its peak RSS is verification's alone. */
function runVerify(dir: string): Promise<{ valid: boolean; seconds: number; events: number; peakRssMb: number; cpuSeconds: number }> {
  const cli = fileURLToPath(new URL('../main.js', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'verify', dir, '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`parley verify printed no report: ${out.slice(0, 200)}`));
      }
    });
  });
}

export async function runVerifyBenchmark(events: number, outDir: string | undefined, log: (line: string) => void): Promise<VerifyBenchmarkResult> {
  const dir = outDir ?? (await mkdtemp(join(tmpdir(), 'parley-bench-')));
  try {
    const stamp = join(dir, 'bench.json');
    let generated: GeneratedBundle;
    let generateSeconds = 0;
    const started = performance.now();
    // A kept bundle of the same size is reused: generation is deterministic, so it would be identical.
    const kept = existsSync(stamp) ? (JSON.parse(await readFile(stamp, 'utf8')) as { events: number; bytes: number }) : null;
    if (kept && kept.events === events) {
      log(t('bench.progress.reusingBundle', { events, dir }));
      const sampleOnly = await generateBundle(await mkdtemp(join(tmpdir(), 'parley-sample-')), Math.min(events, 4000));
      await rm(sampleOnly.dir, { recursive: true, force: true });
      generated = { dir, events, bytes: kept.bytes, sample: sampleOnly.sample };
    } else {
      log(t('bench.progress.generatingBundle', { events, dir }));
      generated = await generateBundle(dir, events);
      generateSeconds = (performance.now() - started) / 1000;
      await writeFile(stamp, JSON.stringify({ events, bytes: generated.bytes }) + '\n');
    }
    const cores = availableParallelism();
    // The raw rate is measured before and after verification, and averaged, so a drift in the
    // machine's speed during the run weighs on both sides of the ratio alike.
    log(t('bench.progress.measuringRaw'));
    const loadBefore = loadavg()[0]!;
    const before = rawVerifyRate(generated.sample);
    const allBefore = await rawVerifyRateAllThreads(generated.sample, cores, BASELINE_SECONDS);
    log(t('bench.progress.verifying'));
    const report = await runVerify(dir);
    if (!report.valid) throw new Error('the generated bundle did not verify');
    log(t('bench.progress.measuringRawAgain'));
    const after = rawVerifyRate(generated.sample);
    const allAfter = await rawVerifyRateAllThreads(generated.sample, cores, BASELINE_SECONDS);
    const loadAfter = loadavg()[0]!;
    const single = (before.perSecond + after.perSecond) / 2;
    const eventsPerS = report.events / report.seconds;
    const raw = single * cores;
    const allThreads = (allBefore + allAfter) / 2;
    // The same comparison in CPU time rather than wall time: what each side got done per second it
    // was actually running. Other jobs on the machine move it much less than the wall-time ratio;
    // it is reported beside the ratio, never instead of it.
    const singlePerCpu = (before.perCpuSecond + after.perCpuSecond) / 2;
    const eventsPerCpuS = report.events / report.cpuSeconds;
    return {
      benchmark: 'verify', events: report.events, bundle_bytes: generated.bytes, cores,
      seconds: round(report.seconds, 3), events_per_s: Math.round(eventsPerS),
      raw_verify_single_thread_per_s: Math.round(single), raw_verify_single_thread_before_after: [Math.round(before.perSecond), Math.round(after.perSecond)],
      raw_verify_per_s: Math.round(raw),
      ratio: round(eventsPerS / raw, 3),
      raw_verify_all_threads_per_s: Math.round(allThreads), raw_verify_all_threads_before_after: [Math.round(allBefore), Math.round(allAfter)],
      parallel_scaling: round(allThreads / raw, 3), ratio_all_threads: round(eventsPerS / allThreads, 3),
      peak_rss_mb: round(report.peakRssMb, 1), generate_seconds: round(generateSeconds, 1),
      cpu_seconds: round(report.cpuSeconds, 1), events_per_cpu_s: Math.round(eventsPerCpuS), raw_verify_per_cpu_s: Math.round(singlePerCpu),
      cpu_ratio: round(eventsPerCpuS / singlePerCpu, 3), load_average_before_after: [round(loadBefore, 2), round(loadAfter, 2)],
      node: process.version, cpu: cpus()[0]?.model ?? 'unknown',
    };
  } finally {
    if (!outDir) await rm(dir, { recursive: true, force: true });
  }
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
