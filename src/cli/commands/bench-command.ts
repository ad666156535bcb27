import { Command, InvalidArgumentError } from 'commander';
import { runVerifyBenchmark } from '../bench/verify-benchmark.js';
import { runCatchupBenchmark } from '../bench/catchup-benchmark.js';
import { runFederationBenchmark, type LinkBenchOptions } from '../bench/federation-benchmark.js';
import type { Percentiles } from '../bench/link-workload.js';
import { t } from '../i18n.js';
import { EXIT, type CommandResult } from './exit-codes.js';

const count = (n: number): string => n.toLocaleString('en-US');

const eventCount = (value: string): number => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 2 || n > 100_000_000) throw new InvalidArgumentError(t('bench.eventCountInvalid'));
  return n;
};

/** `what` is a key under bench.quantity: what the number counts. */
const positive = (what: 'events' | 'rate' | 'seconds', max: number) => (value: string): number => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isFinite(n) || n <= 0 || n > max) throw new InvalidArgumentError(t('bench.positiveInvalid', { what: t(`bench.quantity.${what}`), max: count(max) }));
  return n;
};
const wholeCount = (value: string): number => {
  const n = positive('events', 1_000_000)(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError(t('bench.wholeCountInvalid'));
  return n;
};
const rateList = (value: string): number[] => value.split(',').map((rate) => positive('rate', 100_000)(rate.trim()));
const dialect = (value: string): 'sqlite' | 'postgres' => {
  if (value !== 'sqlite' && value !== 'postgres') throw new InvalidArgumentError(t('bench.dialectInvalid'));
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
    .option('--dialect <name>', t('bench.dialectOption'), dialect, 'sqlite')
    .option('--rates <list>', t('bench.ratesOption'), rateList, [10, 100, 1000])
    .option('--seconds <s>', t('bench.secondsOption'), positive('seconds', 3600), 10)
    .option('--max-per-rate <n>', t('bench.maxPerRateOption'), wholeCount, 2000)
    .option('--timeout <s>', t('bench.timeoutOption'), positive('seconds', 3600), 120)
    .option('--json', t('bench.jsonOption'));
}

const linkOptions = (opts: LinkBenchFlags): LinkBenchOptions => ({ dialect: opts.dialect, rates: opts.rates, seconds: opts.seconds, maxPerRate: opts.maxPerRate, timeoutS: opts.timeout });

const latencyLines = (latency: Record<string, Percentiles>): string =>
  Object.values(latency)
    .map((l) => t('bench.latency', { offered: l.offered_per_s, events: l.events, p50: l.p50, p95: l.p95, p99: l.p99, max: l.max }) + '\n')
    .join('');

/** What was lost or duplicated, and on what machine. */
const lossLine = (result: { lost: number; duplicated: number; timed_out: boolean; machine: { cores: number; load_average_1m: number } }): string =>
  t(result.timed_out ? 'bench.lossTimedOut' : 'bench.loss', { lost: result.lost, duplicated: result.duplicated, cores: result.machine.cores, load: result.machine.load_average_1m }) + '\n';

const progress = (json: boolean | undefined) => (line: string): void => {
  if (!json || process.stderr.isTTY) process.stderr.write(line + '\n');
};

export function benchCommand(done: (result: CommandResult) => void): Command {
  const bench = new Command('bench').description(t('bench.description'));
  bench
    .command('verify')
    .description(t('bench.verify.description'))
    .requiredOption('--events <n>', t('bench.verify.eventsOption'), eventCount)
    .option('--out <dir>', t('bench.verify.outOption'))
    .option('--json', t('bench.jsonOption'))
    .action(async (opts: { events: number; out?: string; json?: boolean }) => {
      const log = (line: string): void => {
        if (!opts.json || process.stderr.isTTY) process.stderr.write(line + '\n');
      };
      const result = await runVerifyBenchmark(opts.events, opts.out, log);
      if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
      else {
        process.stdout.write(
          t('bench.verify.result', {
            events: count(result.events), seconds: result.seconds, perSecond: count(result.events_per_s), raw: count(result.raw_verify_per_s), cores: result.cores,
            ratio: result.ratio, allThreads: count(result.raw_verify_all_threads_per_s), scaling: result.parallel_scaling, ratioAllThreads: result.ratio_all_threads, rss: result.peak_rss_mb,
          }) + '\n',
        );
      }
      done(EXIT.ok);
    });
  bench.addCommand(
    linkBenchCommand('federation', t('bench.federation.description'))
      .option('--events <n>', t('bench.federation.eventsOption'), wholeCount, 20_000)
      .action(async (opts: LinkBenchFlags & { events: number }) => {
        const result = await runFederationBenchmark(opts.events, linkOptions(opts), progress(opts.json));
        if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
        else {
          process.stdout.write(
            t('bench.federation.result', {
              dialect: result.dialect, events: count(result.events), seconds: result.seconds, perSecond: count(result.events_per_s),
              stored: count(result.stored_per_s), recorded: count(result.recorded_per_s),
            }) + '\n' + latencyLines(result.latency_ms) + lossLine(result),
          );
        }
        done(result.lost === 0 && result.duplicated === 0 ? EXIT.ok : EXIT.invalid);
      }),
  );
  bench.addCommand(
    linkBenchCommand('catchup', t('bench.catchup.description'))
      .option('--backlog <n>', t('bench.catchup.backlogOption'), wholeCount, 10_000)
      .action(async (opts: LinkBenchFlags & { backlog: number }) => {
        const result = await runCatchupBenchmark(opts.backlog, linkOptions(opts), progress(opts.json));
        if (opts.json) process.stdout.write(JSON.stringify(result) + '\n');
        else {
          process.stdout.write(
            t('bench.catchup.result', {
              dialect: result.dialect, backlog: count(result.backlog), seconds: result.drain_seconds, perSecond: count(result.events_per_s), stored: result.stored_seconds,
            }) + '\n' + latencyLines(result.latency_ms) + lossLine(result),
          );
        }
        done(result.lost === 0 && result.duplicated === 0 ? EXIT.ok : EXIT.invalid);
      }),
  );
  return bench;
}
