import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { isParleyError, type ErrorCode } from '../../core/index.js';
import { DemoRun, exportAndVerify, formatNextSteps, formatRunning, shown, tamperAndVerify } from '../demo/index.js';
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
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('must be a port number from 1 to 65535, or 0 for any free port.');
  return n;
};

async function runDemo(demo: DemoRun, opts: DemoCommandOptions, say: (text: string) => void): Promise<CommandResult> {
  const data = resolve(opts.data);
  await demo.start();
  const sides = await demo.running();
  say('\n' + formatRunning(sides));
  if (!opts.exitAfterSetup && !opts.tamper) {
    say('\n' + formatNextSteps(sides, data));
    say('\nBoth nodes run until Ctrl-C (or SIGTERM), which stops them gracefully.\n');
    await demo.untilStopped();
    return EXIT.ok;
  }
  say("\nWaiting until each side has the other's whole log and has cosigned its checkpoint …\n");
  if (!(await demo.settled())) say('Not everything is cosigned yet; the export takes what is.\n');
  // Exported from the stopped nodes' folders, exactly as an administrator runs `parley export`.
  await demo.stop();
  say('Both nodes stopped.\n\n');
  const check = await exportAndVerify(demo.folders, join(data, 'demo-bundle'), say);
  if (!opts.tamper) return check.report.valid ? EXIT.ok : EXIT.invalid;
  const tampered = await tamperAndVerify(check.dir, join(data, 'demo-bundle-tampered'), say);
  say(
    "\nEach log is chained, signed by its node, witnessed by the other node and cross-referenced, so neither side can rewrite it unnoticed.\n" +
      `Verify them yourself: npx parley verify ${shown(check.dir)}   npx parley verify ${shown(join(data, 'demo-bundle-tampered'))}\n`,
  );
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
    .description(
      'Run two linked nodes on this machine: Washington (US, 127.0.0.1:8401) and Beijing (CN, 127.0.0.1:8402), with SQLite under DATA/washington and DATA/beijing. ' +
        'The first run sets both up, pins each to the other, reconstructs the 2020-2024 public record through their APIs on a simulated clock set to each historical date, ' +
        'and records an opening exchange; later runs reuse them and duplicate nothing. Ctrl-C stops both.',
    )
    .option('--data <dir>', "the demo's data folder (holds washington/ and beijing/)", 'data')
    .option('--reset', "delete the demo's two node folders first (only folders the demo made) and start over")
    .option('--us-port <port>', "Washington's port when it is set up (default 8401; 0: any free port)", port)
    .option('--cn-port <port>', "Beijing's port when it is set up (default 8402; 0: any free port)", port)
    .option('--exit-after-setup', 'set up, link, write the 2020-2024 record and the opening, then stop, export Washington\'s link to DATA/demo-bundle and verify it; exit 0 only if it verifies')
    .option('--tamper', 'as --exit-after-setup, then edit one word in a copy of the bundle (DATA/demo-bundle-tampered) and show the verifier naming that event')
    .action(async (opts: DemoCommandOptions) => {
      const say = (text: string): void => void process.stdout.write(text);
      const demo = new DemoRun({ data: opts.data, reset: opts.reset, ports: { washington: opts.usPort, beijing: opts.cnPort }, say });
      let signalled = false;
      const stop = (): void => {
        signalled = true;
        say('\nStopping both nodes …\n');
        void demo.stop();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      try {
        const result = await runDemo(demo, opts, say);
        if (signalled) say(`Both nodes stopped; their record stays in ${shown(resolve(opts.data))}. Run the demo again to go on from there.\n`);
        done(result);
      } catch (err) {
        await demo.stop();
        if (signalled) {
          say('Both nodes stopped.\n');
          return done(EXIT.ok);
        }
        if (!isParleyError(err)) throw err;
        process.stderr.write(`parley demo: ${err.code}: ${err.message}\n  ${err.hint}\n`);
        done(USAGE_CODES.has(err.code) ? EXIT.usage : EXIT.invalid);
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await demo.stop();
      }
    });
}
