import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// The storage suite's probe decides whether PostgreSQL runs here (and insists under CI=true).
// eslint-disable-next-line no-restricted-imports
import { runsHere } from '../../store/testing/test-stores.js';
import { repoRoot } from '../../test-support/vectors.js';

const bin = join(repoRoot, 'bin/parley.js');

/** Runs the built command (Beijing's node runs from the build, in its own process) and parses its JSON. */
function bench(...args: string[]): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'bench', ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 150_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        // The report is the last line; a node's stray console output before it is not ours to judge here.
        const result = JSON.parse(out.trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
        resolve({ ...result, exitCode: code });
      } catch {
        reject(new Error(`bench ${args.join(' ')} exited ${code} without a report: ${err.slice(0, 500)}`));
      }
    });
  });
}

type Latency = Record<string, { p50: number; p95: number; p99: number; max: number; events: number; offered_per_s: number }>;

/** The fields every link benchmark reports, and what must hold between them whatever the machine's speed. */
function expectConsistentLatency(result: Record<string, unknown>, rates: number[], perRate: (rate: number) => number): void {
  const latency = result.latency_ms as Latency;
  expect(Object.keys(latency).sort()).toEqual(rates.map(String).sort());
  for (const rate of rates) {
    const l = latency[String(rate)]!;
    expect(l.offered_per_s).toBe(rate);
    expect(l.events).toBe(perRate(rate));
    expect(l.p50).toBeGreaterThan(0);
    expect(l.p50).toBeLessThanOrEqual(l.p95);
    expect(l.p95).toBeLessThanOrEqual(l.p99);
    expect(l.p99).toBeLessThanOrEqual(l.max);
  }
  expect(result.lost).toBe(0);
  expect(result.duplicated).toBe(0);
  expect(result.timed_out).toBe(false);
  expect(result.exitCode).toBe(0);
}

const RATES = ['--rates', '10,100', '--seconds', '1'];
const perRate = (rate: number): number => rate;

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist/cli/bench/peer-process.js'))) throw new Error('Build first: `npm test` builds before it tests (npm run build).');
});

for (const dialect of ['sqlite', 'postgres'] as const) {
  describe.skipIf(!(await runsHere(dialect)))(`the link benchmarks on ${dialect} (built, two node processes)`, () => {
    it('federation --json: every event arrives once, rates and percentiles are consistent', { timeout: 180_000 }, async () => {
      const r = await bench('federation', '--dialect', dialect, '--events', '200', ...RATES);
      expect(r.benchmark).toBe('federation');
      expect(r.dialect).toBe(dialect);
      expect(r.events).toBe(200);
      expect(r.events_per_s as number).toBeGreaterThan(0);
      expect(r.events_per_s as number).toBeCloseTo(200 / (r.seconds as number), -1);
      // Receipted after stored: the receipt rate can only be the lower one.
      expect(r.events_per_s as number).toBeLessThanOrEqual(r.stored_per_s as number);
      expectConsistentLatency(r, [10, 100], perRate);
    });

    it('catchup --json: the backlog drains after the outage, nothing lost or repeated', { timeout: 180_000 }, async () => {
      const r = await bench('catchup', '--dialect', dialect, '--backlog', '200', ...RATES);
      expect(r.benchmark).toBe('catchup');
      expect(r.dialect).toBe(dialect);
      expect(r.backlog).toBe(200);
      expect(r.drain_seconds as number).toBeGreaterThan(0);
      expect(r.stored_seconds as number).toBeLessThanOrEqual(r.drain_seconds as number);
      expect(r.events_per_s as number).toBeCloseTo(200 / (r.drain_seconds as number), -1);
      expectConsistentLatency(r, [10, 100], perRate);
    });
  });
}
