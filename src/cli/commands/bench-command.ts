import { Command, InvalidArgumentError } from 'commander';
import { runVerifyBenchmark } from '../bench/verify-benchmark.js';
import { EXIT, type CommandResult } from './exit-codes.js';

const eventCount = (value: string): number => {
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 2 || n > 100_000_000) throw new InvalidArgumentError('must be a whole number of events from 2 to 100,000,000.');
  return n;
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
            `raw Ed25519 ${result.raw_verify_per_s.toLocaleString('en-US')}/s on ${result.cores} cores; ratio ${result.ratio}; peak RSS ${result.peak_rss_mb} MB\n`,
        );
      }
      done(EXIT.ok);
    });
  return bench;
}
