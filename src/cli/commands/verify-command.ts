import { existsSync, readFileSync, statSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import cliProgress from 'cli-progress';
import { verifyBundle, type VerifyReport } from '../verify/verify-bundle.js';
import { hintOf, t } from '../i18n.js';
import { EXIT, type CommandResult } from './exit-codes.js';

const count = (n: number): string => n.toLocaleString('en-US');

function progressBar(): { update(done: number, total: number): void; stop(): void } {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: t('verify.progress'), stream: process.stderr, etaBuffer: 50, hideCursor: true },
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
      bar.update(done, { rate: count(rate) });
    },
    stop: () => running && bar.stop(),
  };
}

export function formatReport(report: VerifyReport): string {
  const lines: string[] = [];
  const rate = report.seconds > 0 ? Math.round(report.events / report.seconds) : 0;
  if (report.valid) {
    lines.push(t('verify.valid', { logs: report.logs.length, events: count(report.events), seconds: report.seconds.toFixed(2), rate: count(rate) }));
    for (const log of report.logs) {
      lines.push(t('verify.log', { origin: log.origin, size: log.size, checkpoint: log.checkpointSize, root: log.root }));
      lines.push(t('verify.logKey', { key: log.logKey }));
      lines.push(t('verify.cosignedBy', { key: log.witnessKey }));
    }
    if (report.keys === 'from-bundle') lines.push(t('verify.keysFromBundle'));
  } else {
    const f = report.failure!;
    const where = [
      f.log && t('verify.where.log', { log: f.log }),
      f.seq !== null && t('verify.where.seq', { seq: f.seq }),
      f.line !== null && t('verify.where.line', { line: f.line }),
    ].filter(Boolean).join(t('verify.where.separator'));
    lines.push(where ? t('verify.invalidAt', { where, code: f.code }) : t('verify.invalid', { code: f.code }));
    lines.push(t('verify.detail', { message: f.message }));
    lines.push(`  ${hintOf(f.code)}`);
  }
  return lines.join('\n') + '\n';
}

const threadCount = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 256) throw new InvalidArgumentError(t('verify.threadsInvalid'));
  return n;
};

export function verifyCommand(done: (result: CommandResult) => void): Command {
  return new Command('verify')
    .description(t('verify.description'))
    .argument('<bundle>', t('verify.bundleArgument'))
    .option('--json', t('verify.jsonOption'))
    .option('--key <vkey>', t('verify.keyOption'), (v: string, all: string[]) => [...all, v], [] as string[])
    .option('--keys <file>', t('verify.keysOption'))
    .option('--threads <n>', t('verify.threadsOption'), threadCount)
    .action(async (bundle: string, opts: { json?: boolean; key: string[]; keys?: string; threads?: number }) => {
      if (!existsSync(bundle) || !statSync(bundle).isDirectory()) {
        process.stderr.write(t('verify.notADirectory', { bundle }) + '\n');
        return done(EXIT.usage);
      }
      const pinned = [...opts.key];
      if (opts.keys) {
        if (!existsSync(opts.keys)) {
          process.stderr.write(t('verify.noKeyFile', { file: opts.keys }) + '\n');
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
