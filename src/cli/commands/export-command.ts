import { Command } from 'commander';
import { isParleyError, type ErrorCode } from '../../core/index.js';
import { exportNodeRecord, type ExportedLink } from '../../node/index.js';
import { refusalText, t } from '../i18n.js';
import { EXIT, type CommandResult } from './exit-codes.js';

/** Refusals of what was asked (a wrong file, peer or folder): usage errors. Anything else means the export could not be made. */
const USAGE_CODES: ReadonlySet<ErrorCode> = new Set(['E_CONFIG_INVALID', 'E_KEY_FILE_EXPOSED', 'E_KEY_INVALID', 'E_PEER_NOT_PINNED', 'E_EXPORT_TARGET_EXISTS']);

/** One line per link (its two logs: events written, checkpoint, events stored), then how to check the bundles. */
export function formatExport(links: readonly ExportedLink[]): string {
  const count = (n: number): string => n.toLocaleString('en-US');
  const lines = links.map((link) => {
    const logs = link.logs.map((log) => t('export.log', { origin: log.origin, size: count(log.size), stored: count(log.storedSize) }));
    return t('export.exported', { peer: link.peer, dir: link.dir, logs: logs.join(t('export.separator')) });
  });
  const verify = links.map((link) => `parley verify ${link.dir}`).join('   ');
  return `${lines.join('\n')}\n${t('export.checkOffline', { count: links.length, commands: verify })}\n`;
}

export function exportCommand(done: (result: CommandResult) => void): Command {
  return new Command('export')
    .description(t('export.description'))
    .requiredOption('--config <file>', t('common.configOption'))
    .requiredOption('--out <dir>', t('export.outOption'))
    .option('--peer <name>', t('export.peerOption'))
    .action(async (opts: { config: string; out: string; peer?: string }) => {
      try {
        const links = await exportNodeRecord(opts.config, opts.out, { peer: opts.peer });
        process.stdout.write(formatExport(links));
        done(EXIT.ok);
      } catch (err) {
        if (!isParleyError(err)) throw err;
        process.stderr.write(refusalText('export', err));
        done(USAGE_CODES.has(err.code) ? EXIT.usage : EXIT.invalid);
      }
    });
}
