import { existsSync } from 'node:fs';
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ParleyError } from '../../core/index.js';
import { exportNodeRecord } from '../../node/index.js';
import { formatExport } from '../commands/export-command.js';
import { formatReport } from '../commands/verify-command.js';
import { verifyBundle, type VerifyReport } from '../verify/verify-bundle.js';
import { t } from '../i18n.js';
import type { DemoNodeFolder } from './demo-folders.js';
import { shown } from './demo-summary.js';

/** Removes a bundle the demo wrote on an earlier run; anything else at that path is left alone and refused. */
async function replaceable(dir: string): Promise<void> {
  if (!existsSync(dir)) return;
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new ParleyError('E_EXPORT_TARGET_EXISTS', `${dir} exists and is not a bundle the demo wrote; the demo does not overwrite it.`, { path: dir });
  }
  await rm(dir, { recursive: true, force: true });
}

/** The keys both nodes hold for the link: a verifier who pins them accepts no bundle signed by anyone else. */
function linkKeys(folders: readonly DemoNodeFolder[]): string[] {
  const [us, cn] = folders;
  return [us!.keys.logKeyFor(cn!.side.name), us!.keys.witnessKey, cn!.keys.logKeyFor(us!.side.name), cn!.keys.witnessKey];
}

export interface BundleCheck {
  readonly dir: string;
  readonly report: VerifyReport;
}

/**
 * What an auditor does, on the demo's data: `parley export` from Washington's node (stopped),
 * then `parley verify` with both nodes' keys pinned.
 */
export async function exportAndVerify(folders: readonly DemoNodeFolder[], dir: string, say: (text: string) => void): Promise<BundleCheck> {
  await replaceable(dir);
  const us = folders[0]!;
  say(`$ parley export --config ${shown(us.configPath)} --out ${shown(dir)}\n`);
  say(formatExport(await exportNodeRecord(us.configPath, dir)));
  say(`$ parley verify ${shown(dir)} --key … ${t('demo.bundle.fourKeys')}\n`);
  // On the calling thread: a demo bundle is a few events, less than it takes workers to start.
  const report = await verifyBundle(dir, { pinnedKeys: linkKeys(folders), threads: 0 });
  say(formatReport(report));
  return { dir, report };
}

/**
 * The record's promise, shown: an administrator quietly downgrades Washington's FLASH opening
 * message to ROUTINE in a copy of the bundle (one word), and the verifier names that event.
 */
export async function tamperAndVerify(bundle: string, dir: string, say: (text: string) => void): Promise<VerifyReport> {
  await replaceable(dir);
  await cp(bundle, dir, { recursive: true });
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { logs: { origin: string; events: string }[] };
  const log = manifest.logs[0]!;
  const path = join(dir, log.events);
  const lines = (await readFile(path, 'utf8')).split('\n');
  const target = lines.findIndex((line) => line.includes('"precedence":"FLASH"'));
  if (target < 0) throw new ParleyError('E_BUNDLE_UNREADABLE', `${log.events} of ${shown(dir)} holds no FLASH message to alter.`);
  lines[target] = lines[target]!.replace('"precedence":"FLASH"', '"precedence":"ROUTINE"');
  await writeFile(path, lines.join('\n'));
  say('\n' + t('demo.bundle.tamper', { seq: target, origin: log.origin, line: target + 1 }) + '\n');
  say(`$ parley verify ${shown(dir)}\n`);
  const report = await verifyBundle(dir, { threads: 0 });
  say(formatReport(report));
  return report;
}
