import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeCrypto } from '../../node/index.js';
import { generateBundle, type GeneratedBundle } from './generate-bundle.js';

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
  readonly peak_rss_mb: number;
  readonly generate_seconds: number;
  readonly node: string;
  readonly cpu: string;
}

/**
 * The raw single-thread rate of node:crypto Ed25519 verification, on the bundle's own messages,
 * over a few seconds (short bursts run at boost clock speeds on shared machines and overstate it).
 */
function rawVerifyRate(sample: GeneratedBundle['sample'], seconds = 3): number {
  const verify = (item: GeneratedBundle['sample'][number]): void => {
    if (!nodeCrypto.ed25519.verify(item.publicKey, item.message, item.signature)) throw new Error('sample signature does not verify');
  };
  for (const item of sample.slice(0, 500)) verify(item); // warm-up
  let count = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    for (const item of sample) verify(item);
    count += sample.length;
  }
  return count / ((performance.now() - started) / 1000);
}

/** Runs `parley verify --json` in a child process, so its peak RSS is verification's alone. */
function runVerify(dir: string): Promise<{ valid: boolean; seconds: number; events: number; peakRssMb: number }> {
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
      log(`reusing the ${events}-event bundle in ${dir}`);
      const sampleOnly = await generateBundle(await mkdtemp(join(tmpdir(), 'parley-sample-')), Math.min(events, 4000));
      await rm(sampleOnly.dir, { recursive: true, force: true });
      generated = { dir, events, bytes: kept.bytes, sample: sampleOnly.sample };
    } else {
      log(`generating a ${events}-event bundle in ${dir} …`);
      generated = await generateBundle(dir, events);
      generateSeconds = (performance.now() - started) / 1000;
      await writeFile(stamp, JSON.stringify({ events, bytes: generated.bytes }) + '\n');
    }
    const cores = availableParallelism();
    // The raw rate is measured before and after verification, and averaged, so a drift in the
    // machine's speed during the run weighs on both sides of the ratio alike.
    log('measuring the raw Ed25519 verification rate …');
    const before = rawVerifyRate(generated.sample);
    log('verifying …');
    const report = await runVerify(dir);
    if (!report.valid) throw new Error('the generated bundle did not verify');
    log('measuring the raw rate again …');
    const after = rawVerifyRate(generated.sample);
    const single = (before + after) / 2;
    const eventsPerS = report.events / report.seconds;
    const raw = single * cores;
    return {
      benchmark: 'verify', events: report.events, bundle_bytes: generated.bytes, cores,
      seconds: round(report.seconds, 3), events_per_s: Math.round(eventsPerS),
      raw_verify_single_thread_per_s: Math.round(single), raw_verify_single_thread_before_after: [Math.round(before), Math.round(after)],
      raw_verify_per_s: Math.round(raw),
      ratio: round(eventsPerS / raw, 3), peak_rss_mb: round(report.peakRssMb, 1), generate_seconds: round(generateSeconds, 1),
      node: process.version, cpu: cpus()[0]?.model ?? 'unknown',
    };
  } finally {
    if (!outDir) await rm(dir, { recursive: true, force: true });
  }
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
