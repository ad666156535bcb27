import { Command, InvalidArgumentError } from 'commander';
import { runVerifyBenchmark } from '../bench/verify-benchmark.js';
import { runCatchupBenchmark } from '../bench/catchup-benchmark.js';
import { runFederationBenchmark, type LinkBenchOptions } from '../bench/federation-benchmark.js';
import type { Percentiles } from '../bench/link-workload.js';
import { EXIT, type CommandResult } from './exit-codes.js';

const eventCount = (value: string): number => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 2 || n > 100_000_000) throw new InvalidArgumentError('must be a whole number of events from 2 to 100,000,000.');
  return n;
};

const positive = (what: string, max: number) => (value: string): number => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new InvalidArgumentError(`must be ${what} above 0 and at most ${max.toLocaleString('en-US')}.`);
  return n;
};
const wholeCount = (value: string): number => {
  const n = positive('a number of events', 1_000_000)(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('must be a whole number of events.');
  return n;
};
const rateList = (value: string): number[] => value.split(',').map((rate) => positive('an offered rate (events/s)', 100_000)(rate.trim()));
const dialect = (value: string): 'sqlite' | 'postgres' => {
  if (value !== 'sqlite' && value !== 'postgres') throw new InvalidArgumentError('must be sqlite or postgres.');
  return value;
};

interface LinkBenchFlags {
  dialect: 'sqlite' | 'postgres';
  rates: number[];
  seconds: number;
  maxPerRate: number;
  timeout: number;
  json?: boolean;
}

/** The options both link benchmarks share. */
function linkBenchCommand(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    // A usage error reaches runCli as a CommanderError (exit 2), as on the top-level commands.
    .exitOverride()
    .option('--dialect <name>', 'storage of both nodes: sqlite or postgres (on PARLEY_TEST_PG_URL, two databases created and dropped)', dialect, 'sqlite')
    .option('--rates <list>', 'offered rates for the latency runs, events/s', rateList, [10, 100, 1000])
    .option('--seconds <s>', 'how long each offered rate runs', positive('a number of seconds', 3600), 10)
    .option('--max-per-rate <n>', 'at most this many events per offered rate', wholeCount, 2000)
    .option('--timeout <s>', 'no phase waits longer than this for delivery', positive('a number of seconds', 3600), 120)
    .option('--json', 'print one JSON object');
}

const linkOptions = (opts: LinkBenchFlags): LinkBenchOptions => ({ dialect: opts.dialect, rates: opts.rates, seconds: opts.seconds, maxPerRate: opts.maxPerRate, timeoutS: opts.timeout });

const latencyLines = (latency: Record<string, Percentiles>): string =>
  Object.values(latency)
    .map((l) => `  at ${l.offered_per_s}/s offered (${l.events} events): p50 ${l.p50} ms, p95 ${l.p95} ms, p99 ${l.p99} ms, max ${l.max} ms\n`)
    .join('');

const progress = (json: boolean | undefined) => (line: string): void => {
  if (!json || process.stderr.isTTY) process.stderr.write(line + '\n');
};

export function benchCommand(done: (result: CommandResult) => void): Command {
  const bench = new Command('bench').description('Reproducible benchmarks; each prints one JSON object with --json.');
  bench
    .command('verify')
    .description('Generate a deterministic two-log bundle of N events and time `parley verify` on it against the raw Ed25519 verification rate.')
    .requiredOption('--events <n>', 'number of events in the bundle (both logs together)', eventCount)
    .option('--out <dir>', 'keep the bundle in this directory (and reuse it next time)')
    .option('--json', 'print one JSON object')
    .action(async (opts: { events: number; out?: string; json?: boolean }) => {
      const log = (line: string): void => {
        if (!opts.json || process.stderr.isTTY) process.stderr.write(line + '\n');
      };
      const result = await runVerifyBenchmark(opts.events, opts.out, log);
      if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
      else {
        process.stdout.write(
          `${result.events.toLocaleString('en-US')} events verified in ${result.seconds} s: ${result.events_per_s.toLocaleString('en-US')} events/s; ` +
            `raw Ed25519 ${result.raw_verify_per_s.toLocaleString('en-US')}/s on ${result.cores} cores; ratio ${result.ratio}; ` +
            `all ${result.cores} cores verifying at once ${result.raw_verify_all_threads_per_s.toLocaleString('en-US')}/s (scaling ${result.parallel_scaling}), ratio to that ${result.ratio_all_threads}; ` +
            `peak RSS ${result.peak_rss_mb} MB\n`,
        );
      }
      done(EXIT.ok);
    });
  bench.addCommand(
    linkBenchCommand('federation', 'Two nodes on loopback: signed, stored and receipted events per second from Washington to Beijing, and end-to-end latency at offered rates.')
      .option('--events <n>', 'events of the saturating run', wholeCount, 20_000)
      .action(async (opts: LinkBenchFlags & { events: number }) => {
        const result = await runFederationBenchmark(opts.events, linkOptions(opts), progress(opts.json));
        if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
        else {
          process.stdout.write(
            `federation (${result.dialect}): ${result.events.toLocaleString('en-US')} events signed, stored at Beijing and receipted in ${result.seconds} s: ` +
              `${result.events_per_s.toLocaleString('en-US')} events/s (stored ${result.stored_per_s.toLocaleString('en-US')}/s, recorded ${result.recorded_per_s.toLocaleString('en-US')}/s)\n` +
              latencyLines(result.latency_ms) +
              `  lost ${result.lost}, duplicated ${result.duplicated}${result.timed_out ? ' (timed out)' : ''}; ${result.machine.cores} cores, load ${result.machine.load_average_1m}\n`,
          );
        }
        done(result.lost === 0 && result.duplicated === 0 ? EXIT.ok : EXIT.invalid);
      }),
  );
  bench.addCommand(
    linkBenchCommand('catchup', 'Two nodes on loopback: a backlog recorded while Beijing is down, timed from its return until all is stored and receipted.')
      .option('--backlog <n>', 'events recorded during the outage', wholeCount, 10_000)
      .action(async (opts: LinkBenchFlags & { backlog: number }) => {
        const result = await runCatchupBenchmark(opts.backlog, linkOptions(opts), progress(opts.json));
        if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
        else {
          process.stdout.write(
            `catchup (${result.dialect}): a backlog of ${result.backlog.toLocaleString('en-US')} events drained in ${result.drain_seconds} s after Beijing returned ` +
              `(${result.events_per_s.toLocaleString('en-US')} events/s; stored at Beijing after ${result.stored_seconds} s)\n` +
              `  then, with the link back:\n` +
              latencyLines(result.latency_ms) +
              `  lost ${result.lost}, duplicated ${result.duplicated}${result.timed_out ? ' (timed out)' : ''}; ${result.machine.cores} cores, load ${result.machine.load_average_1m}\n`,
          );
        }
        done(result.lost === 0 && result.duplicated === 0 ? EXIT.ok : EXIT.invalid);
      }),
  );
  return bench;
}
