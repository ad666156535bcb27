import { existsSync, readFileSync, statSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { verifyBundle, type VerifyReport } from '../verify/verify-bundle.js';
import { EXIT, type CommandResult } from './exit-codes.js';

function progressBar(): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: 'verifying |{bar}| {percentage}% | {value}/{total} events | {rate}/s | ETA {eta_formatted}', stream: process.stderr, etaBuffer: 50, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  let running = false;
  return {
    update(done, total) {
      if (!running) {
        bar.start(total, 0, { rate: '0' });
        running = true;
      }
      const rate = Math.round(done / ((performance.now() - started) / 1000 || 1));
      bar.update(done, { rate: rate.toLocaleString('en-US') });
    },
    stop: () => running && bar.stop(),
  };
}

export function formatReport(report: VerifyReport): string {
  const lines: string[] = [];
  const rate = report.seconds > 0 ? Math.round(report.events / report.seconds) : 0;
  if (report.valid) {
    lines.push(`VALID: ${report.logs.length} logs, ${report.events.toLocaleString('en-US')} events, every signature, chain link, peer reference, tree and cosignature checked (${report.seconds.toFixed(2)} s, ${rate.toLocaleString('en-US')} events/s).`);
    for (const log of report.logs) {
      lines.push(`  ${log.origin}: ${log.size} events, checkpoint at ${log.checkpointSize}, root ${log.root}`);
      lines.push(`    log key     ${log.logKey}`);
      lines.push(`    cosigned by ${log.witnessKey}`);
    }
    if (report.keys === 'from-bundle') {
      lines.push('Keys were taken from the bundle itself: compare them with the keys you hold for each side, or pin them with --key.');
    }
  } else {
    const f = report.failure!;
    const where = [f.log && `log ${f.log}`, f.seq !== null && `event seq ${f.seq}`, f.line !== null && `line ${f.line}`].filter(Boolean).join(', ');
    lines.push(`INVALID${where ? ` at ${where}` : ''}: ${f.code}`);
    lines.push(`  ${f.message}`);
    lines.push(`  ${f.hint}`);
  }
  return lines.join('\n') + '\n';
}

const threadCount = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new InvalidArgumentError('must be a whole number from 0 to 256.');
  return n;
};

export function verifyCommand(done: (result: CommandResult) => void): Command {
  return new Command('verify')
    .description('Check a transcript bundle offline: signatures, chains, peer references, Merkle trees, checkpoints and cosignatures. Exit 0 valid, 1 invalid, 2 usage error.')
    .argument('<bundle>', 'the bundle directory (holding manifest.json)')
    .option('--json', 'print one JSON object instead of text')
    .option('--key <vkey>', 'pin a verifier key (repeatable); every key in the bundle must then be pinned', (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--keys <file>', 'pin the verifier keys listed in a file, one per line')
    .option('--threads <n>', 'worker threads (0: verify on the main thread)', threadCount)
    .action(async (bundle: string, opts: { json?: boolean; key: string[]; keys?: string; threads?: number }) => {
      if (!existsSync(bundle) || !statSync(bundle).isDirectory()) {
        process.stderr.write(`parley verify: ${bundle} is not a directory; give the bundle directory that holds manifest.json.\n`);
        return done(EXIT.usage);
      }
      const pinned = [...opts.key];
      if (opts.keys) {
        if (!existsSync(opts.keys)) {
          process.stderr.write(`parley verify: the key file ${opts.keys} does not exist.\n`);
          return done(EXIT.usage);
        }
        pinned.push(...readFileSync(opts.keys, 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
      }
      const bar = opts.json ? { update() {}, stop() {} } : progressBar();
      const report = await verifyBundle(bundle, { threads: opts.threads, pinnedKeys: pinned, onProgress: (n, total) => bar.update(n, total) });
      bar.stop();
      const usage = process.resourceUsage();
      const peakRssMb = usage.maxRSS / 1024;
      // CPU time of all threads: unlike wall time, it barely moves when other work shares the machine.
      const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
      process.stdout.write(opts.json ? JSON.stringify({ ...report, peakRssMb, cpuSeconds }) + '\n' : formatReport(report));
      done(report.valid ? EXIT.ok : EXIT.invalid);
    });
}
