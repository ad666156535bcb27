import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { generateBundle } from '../bench/generate-bundle.js';
import { verifyBundle } from '../verify/verify-bundle.js';
import { formatReport } from './verify-command.js';
import { EXIT, type CommandResult } from './exit-codes.js';

/**
 * Until the two nodes exist, the demo shows the record itself: it writes a two-log transcript
 * bundle (Washington's and Beijing's logs, cross-referenced, cosigned), verifies it, then alters
 * one word of one event in a copy and shows the verifier naming that event.
 */
export function demoCommand(done: (result: CommandResult) => void): Command {
  return new Command('demo')
    .description('Write a sample two-log transcript bundle under ./data, verify it, then show a one-word alteration being caught.')
    .option('--data <dir>', 'where to write the sample bundles', 'data')
    .option('--events <n>', 'events in the sample record', (v: string) => Number(v), 5000)
    .action(async (opts: { data: string; events: number }) => {
      const bundle = resolve(opts.data, 'demo-bundle');
      const tampered = resolve(opts.data, 'demo-bundle-tampered');
      await rm(bundle, { recursive: true, force: true });
      await rm(tampered, { recursive: true, force: true });
      const say = (line: string): void => void process.stdout.write(line + '\n');
      say(`Writing a ${opts.events}-event record of two linked nodes (Washington, Beijing) to ${bundle} …`);
      await generateBundle(bundle, opts.events);
      say('\n$ parley verify ' + bundle);
      const good = await verifyBundle(bundle);
      process.stdout.write(formatReport(good));

      await cp(bundle, tampered, { recursive: true });
      const events = join(tampered, 'logs/1.events');
      const lines = (await readFile(events, 'utf8')).split('\n');
      const target = Math.min(42, lines.length - 2);
      lines[target] = lines[target]!.replace(/"precedence":"[A-Z]+"/, '"precedence":"ROUTINE"').replace('"text":"', '"text":"(edited) ');
      await writeFile(events, lines.join('\n'));
      say(`\nNow an administrator quietly edits one event (line ${target + 1} of Beijing's log) in a copy:`);
      say('$ parley verify ' + tampered);
      const bad = await verifyBundle(tampered);
      process.stdout.write(formatReport(bad));
      say('\nEach log is chained, signed by its node, witnessed by the other node, and cross-referenced, so neither side can rewrite it unnoticed.');
      say('Verify any bundle yourself:  npx parley verify ' + bundle);
      done(good.valid && !bad.valid ? EXIT.ok : EXIT.invalid);
    });
}
