import { Command } from 'commander';
import { isParleyError, type ErrorCode } from '../../core/index.js';
import { exportNodeRecord, type ExportedLink } from '../../node/index.js';
import { EXIT, type CommandResult } from './exit-codes.js';

/** Refusals of what was asked (a wrong file, peer or folder): usage errors. Anything else means the export could not be made. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set(['E_CONFIG_INVALID', 'E_KEY_FILE_EXPOSED', 'E_KEY_INVALID', 'E_PEER_NOT_PINNED', 'E_EXPORT_TARGET_EXISTS']);

/** One line per link (its two logs: events written, checkpoint, events stored), then how to check the bundles. */
export function formatExport(links: readonly ExportedLink[]): string {
  const count = (n: number): string => n.toLocaleString('en-US');
  const lines = links.map((link) => {
    const logs = link.logs.map((log) => `${log.origin} ${count(log.size)} events, checkpoint at ${count(log.size)}, of ${count(log.storedSize)} stored`);
    return `Exported the link with ${link.peer} to ${link.dir}: ${logs.join('; ')}.`;
  });
  const verify = links.map((link) => `parley verify ${link.dir}`).join('   ');
  return `${lines.join('\n')}\nCheck ${links.length === 1 ? 'it' : 'them'} offline with: ${verify}\n`;
}

export function exportCommand(done: (result: CommandResult) => void): Command {
  return new Command('export')
    .description(
      "Write a transcript bundle of this node's link: its own log and its copy of the peer's log, each up to its newest checkpoint " +
        'that the other side cosigned (and that refers only to events inside the other log), with the keys, for `parley verify DIR`. ' +
        'With several peers and no --peer, one bundle per link in DIR/<peer>/. Never overwrites: DIR must not exist or be empty. ' +
        'Exit 0 written, 1 nothing exportable yet, 2 usage error.',
    )
    .requiredOption('--config <file>', "the node's configuration file (DATA/parley.json)")
    .requiredOption('--out <dir>', 'the folder to write the bundle to (new or empty)')
    .option('--peer <name>', 'export only the link with this peer')
    .action(async (opts: { config: string; out: string; peer?: string }) => {
      try {
        const links = await exportNodeRecord(opts.config, opts.out, { peer: opts.peer });
        process.stdout.write(formatExport(links));
        done(EXIT.ok);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        process.stderr.write(`parley export: ${err.code}: ${err.message}\n  ${err.hint}\n`);
        done(USAGE_CODES.has(err.code) ? EXIT.usage : EXIT.invalid);
      }
    });
}
