import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { isParleyError, type ErrorCode } from '../../core/index.js';
import { DemoRun, exportAndVerify, formatNextSteps, formatRunning, shown, tamperAndVerify } from '../demo/index.js';
import { refusalText, t } from '../i18n.js';
import { EXIT, type CommandResult } from './exit-codes.js';

export interface DemoCommandOptions {
  readonly data: string;
  readonly reset?: boolean;
  readonly usPort?: number;
  readonly cnPort?: number;
  readonly exitAfterSetup?: boolean;
  readonly tamper?: boolean;
}

/** Refusals of what was asked (a folder the demo did not make, a taken port, a wrong option): usage errors, exit 2. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set(['E_USAGE', 'E_PORT_IN_USE', 'E_NODE_EXISTS', 'E_PEER_ALREADY_PINNED', 'E_CONFIG_INVALID', 'E_KEY_FILE_EXPOSED', 'E_EXPORT_TARGET_EXISTS']);

const port = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(t('demo.portInvalid'));
  return n;
};

async function runDemo(demo: DemoRun, opts: DemoCommandOptions, say: (text: string) => void): Promise<CommandResult> {
  const data = resolve(opts.data);
  await demo.start();
  const sides = await demo.running();
  say('\n' + formatRunning(sides));
  if (!opts.exitAfterSetup && !opts.tamper) {
    say('\n' + formatNextSteps(sides, data));
    say('\n' + t('demo.untilStopped') + '\n');
    await demo.untilStopped();
    return EXIT.ok;
  }
  say('\n' + t('demo.settling') + '\n');
  if (!(await demo.settled())) say(t('demo.notSettled') + '\n');
  // Exported from the stopped nodes' folders, exactly as an administrator runs `parley export`.
  await demo.stop();
  say(t('demo.stopped') + '\n\n');
  const check = await exportAndVerify(demo.folders, join(data, 'demo-bundle'), say);
  if (!opts.tamper) return check.report.valid ? EXIT.ok : EXIT.invalid;
  const tampered = await tamperAndVerify(check.dir, join(data, 'demo-bundle-tampered'), say);
  say('\n' + t('demo.promise', { valid: shown(check.dir), tampered: shown(join(data, 'demo-bundle-tampered')) }) + '\n');
  return check.report.valid && !tampered.valid ? EXIT.ok : EXIT.invalid;
}

/**
 * `parley demo` (`npm start`): the two-node demo of DESIGN §5. Washington and Beijing, each a
 * real node with its own folder under DATA (parley.json, node.key, operator.token, parley.db),
 * set up once with the functions behind `parley init` and `parley peer add` and reused after,
 * linked over loopback; on the first run the 2020-2024 public record is written through the API on
 * a simulated clock (src/cli/demo/record-history.ts), then an opening exchange.
 */
export function demoCommand(done: (result: CommandResult) => void): Command {
  return new Command('demo')
    .description(t('demo.description'))
    .option('--data <dir>', t('demo.dataOption'), 'data')
    .option('--reset', t('demo.resetOption'))
    .option('--us-port <port>', t('demo.usPortOption'), port)
    .option('--cn-port <port>', t('demo.cnPortOption'), port)
    .option('--exit-after-setup', t('demo.exitAfterSetupOption'))
    .option('--tamper', t('demo.tamperOption'))
    .action(async (opts: DemoCommandOptions) => {
      const say = (text: string): void => void process.stdout.write(text);
      const demo = new DemoRun({ data: opts.data, reset: opts.reset, ports: { washington: opts.usPort, beijing: opts.cnPort }, say });
      let signalled = false;
      const stop = (): void => {
        signalled = true;
        say('\n' + t('demo.stopping') + '\n');
        void demo.stop();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        const result = await runDemo(demo, opts, say);
        if (signalled) say(t('demo.stoppedKept', { dir: shown(resolve(opts.data)) }) + '\n');
        done(result);
      } catch (err) {
        await demo.stop();
        if (signalled) {
          say(t('demo.stopped') + '\n');
          return done(EXIT.ok);
        }
        if (!isParleyError(err)) throw err;
        process.stderr.write(refusalText('demo', err));
        done(USAGE_CODES.has(err.code) ? EXIT.usage : EXIT.invalid);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await demo.stop();
      }
    });
}
