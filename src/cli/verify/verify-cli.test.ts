import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedBundle, requireBuild, runBuilt } from '../testing/built-cli.js';

const parley = (...args: string[]) => runBuilt(args);
let dir: string;

beforeAll(async () => {
  requireBuild();
  dir = await generatedBundle('parley-cli-', 3000);
});

describe('the parley verify command (built, with worker threads)', () => {
  it('exits 0 on a valid bundle and says what it checked', () => {
    const run = parley('verify', dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^VALID: 2 logs, 3,000 events/);
    expect(run.stderr).toBe(''); // no progress bar when stderr is not a terminal
  });

  it('--json prints one object with the report', () => {
    const run = parley('verify', dir, '--json', '--threads', '2');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ valid: true, events: 3000, failure: null });
    expect(report.logs).toHaveLength(2);
    expect(report.peakRssMb).toBeGreaterThan(0);
  });

  it('exits 1 and names the first failure precisely', () => {
    const events = join(dir, 'logs/1.events');
    const original = readFileSync(events, 'utf8');
    const ls = original.split('\n');
    ls[1000] = ls[1000]!.replace('"text":"', '"text":"!');
    writeFileSync(events, ls.join('\n'));
    try {
      const text = parley('verify', dir);
      expect(text.status).toBe(1);
      expect(text.stdout).toMatch(/^INVALID at log beijing\.parley\.example\/washington, event seq 1000, line 1001: E_EVENT_SIGNATURE_INVALID/);
      const json = JSON.parse(parley('verify', dir, '--json').stdout);
      expect(json.failure).toMatchObject({ code: 'E_EVENT_SIGNATURE_INVALID', seq: 1000, line: 1001 });
    } finally {
      writeFileSync(events, original);
    }
  });

  it('exits 2 on usage errors, with a sentence saying what to do', () => {
    const missing = parley('verify', join(dir, 'no-such-bundle'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/is not a directory; give the bundle directory/);
    expect(parley('verify').status).toBe(2);
    expect(parley('verify', dir, '--threads', 'many').status).toBe(2);
    expect(parley('frobnicate').status).toBe(2);
  });

  it('every subcommand has --help', () => {
    for (const args of [['--help'], ['verify', '--help'], ['bench', '--help'], ['bench', 'verify', '--help']]) {
      const run = parley(...args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/Usage: parley/);
    }
  });

  it('bench verify --json reports the measured fields, consistent with each other', () => {
    const run = parley('bench', 'verify', '--events', '400', '--json');
    expect(run.status).toBe(0);
    const r = JSON.parse(run.stdout);
    for (const key of ['events', 'seconds', 'events_per_s', 'raw_verify_per_s', 'ratio', 'peak_rss_mb']) expect(typeof r[key], key).toBe('number');
    expect(r.events).toBe(400);
    expect(r.events_per_s).toBeCloseTo(r.events / r.seconds, -1);
    expect(r.raw_verify_per_s).toBeCloseTo(r.raw_verify_single_thread_per_s * r.cores, -1);
    expect(r.ratio).toBeCloseTo(r.events_per_s / r.raw_verify_per_s, 1);
    // The all-cores baseline was measured, not derived: its two measurements are its own.
    expect(r.raw_verify_all_threads_before_after).toHaveLength(2);
    for (const rate of r.raw_verify_all_threads_before_after) expect(rate).toBeGreaterThan(0);
    expect(r.raw_verify_all_threads_per_s).toBeCloseTo((r.raw_verify_all_threads_before_after[0] + r.raw_verify_all_threads_before_after[1]) / 2, -1);
    expect(r.parallel_scaling).toBeCloseTo(r.raw_verify_all_threads_per_s / r.raw_verify_per_s, 2);
    expect(r.ratio_all_threads).toBeCloseTo(r.events_per_s / r.raw_verify_all_threads_per_s, 1);
    expect(r.peak_rss_mb).toBeGreaterThan(10);
  });
});
