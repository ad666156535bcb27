import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportLinks, loadKeyFile, publicKeysOf } from '../../node/index.js';
import { openStore } from '../../store/index.js';
// Test factories are left out of src/node's public surface (and its build) on purpose.
// eslint-disable-next-line no-restricted-imports
import { LinkedStore, overwriteStoredEvent, type TestSide } from '../../node/testing/linked-store.js';
import { verifyBundle } from '../verify/verify-bundle.js';
import { runCli } from '../program.js';
import { initNode } from './init-command.js';
import { addPeer } from './peer-command.js';

const opened: LinkedStore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const link of opened.splice(0)) await link.close();
});
const scratch = (): string => mkdtempSync(join(tmpdir(), 'parley-export-cli-'));

/**
 * A link with several checkpoints, some cosigned, where the newest cosigned own checkpoint (9)
 * names peer events beyond the newest cosigned peer checkpoint (3), so the export takes own 6.
 */
async function history(link: LinkedStore): Promise<LinkedStore> {
  await link.append('own', 4);
  await link.append('peer', 3);
  await link.checkpoint('peer', { cosign: false });
  await link.append('own', 2);
  await link.checkpoint('own');
  await link.checkpoint('peer');
  await link.append('peer', 4);
  await link.checkpoint('peer', { cosign: false });
  await link.append('own', 3, { refEvery: 2 });
  await link.checkpoint('own');
  return link;
}

async function linkedHistory(): Promise<LinkedStore> {
  const link = await LinkedStore.open();
  opened.push(link);
  return history(link);
}

describe('an exported bundle, checked by parley verify', () => {
  it('is valid, with the node\'s own keys pinned, and holds the newest consistent cosigned pair', async () => {
    const link = await linkedHistory();
    const out = join(scratch(), 'bundle');
    await exportLinks({ config: link.config(), keys: link.us.keys, store: link.store }, out);
    const report = await verifyBundle(out, { threads: 0 });
    expect(report.failure).toBeNull();
    expect(report.logs.map((l) => [l.origin, l.size, l.checkpointSize])).toEqual([[link.ownOrigin, 6, 6], [link.peerOrigin, 3, 3]]);
    // The keys this node holds for the link: its own, and the peer's as pinned (re-keyed under each log's origin).
    const ours = publicKeysOf(link.us.host, link.us.keys);
    const peerLogKey = report.logs[1]!.logKey;
    const pinned = await verifyBundle(out, { threads: 0, pinnedKeys: [ours.logKeyFor(link.them.name), ours.witnessKey, link.peerKeys.witnessKey, peerLogKey] });
    expect(pinned.valid).toBe(true);
  });

  it('names the event whose stored bytes were altered in the database', async () => {
    const link = await linkedHistory();
    overwriteStoredEvent(link.path!, link.ownOrigin, 2, (text) => text.replace('Message 2 on', 'Message 7 on'));
    const out = join(scratch(), 'bundle');
    await exportLinks({ config: link.config(), keys: link.us.keys, store: link.store }, out);
    const report = await verifyBundle(out, { threads: 0 });
    expect(report.failure).toMatchObject({ code: 'E_EVENT_SIGNATURE_INVALID', log: link.ownOrigin, seq: 2, line: 3 });
  });
});

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runCli(args), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('parley export', () => {
  it('exports a real node\'s link for `parley verify`, and refuses to overwrite it', async () => {
    const base = scratch();
    const us = await initNode({ side: 'US', name: 'washington', data: join(base, 'washington'), timeZone: 'America/New_York' });
    const cn = await initNode({ side: 'CN', name: 'beijing', data: join(base, 'beijing'), port: 8402, timeZone: 'Asia/Shanghai' });
    const side = async (name: string, code: string, data: string): Promise<TestSide> => ({ name, side: code, host: `${name}.parley.example`, keys: await loadKeyFile(join(data, 'node.key')) });
    const washington = await side('washington', 'US', join(base, 'washington'));
    const beijing = await side('beijing', 'CN', join(base, 'beijing'));

    const store = await openStore({ dialect: 'sqlite', path: join(base, 'washington', 'parley.db') });
    await addPeer(us.configPath, 'http://127.0.0.1:8402', cn.witnessKey, cn.logKey);
    const link = await LinkedStore.open({ store, us: washington, them: beijing, peerUrl: 'http://127.0.0.1:8402' });
    expect(link.peerKeys).toEqual({ witnessKey: cn.witnessKey, logKey: cn.logKey });
    await history(link);
    await store.close();

    const out = join(base, 'exports', 'link');
    const exported = await run('export', '--config', us.configPath, '--out', out);
    expect(exported.err).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.out).toContain(`Exported the link with beijing to ${out}: washington.parley.example/beijing 6 events, checkpoint at 6, of 9 stored; beijing.parley.example/washington 3 events, checkpoint at 3, of 7 stored.`);
    expect(exported.out).toContain(`parley verify ${out}`);

    const verified = await run('verify', out, '--threads', '0');
    expect(verified.out).toMatch(/^VALID: 2 logs, 9 events/);
    expect(verified.code).toBe(0);

    const again = await run('export', '--config', us.configPath, '--out', out);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/E_EXPORT_TARGET_EXISTS/);
    expect((await run('export', '--config', us.configPath, '--out', join(base, 'x'), '--peer', 'moscow')).code).toBe(2);
    expect((await run('export', '--config', us.configPath)).code).toBe(2);
  });

  it('exits 1 while nothing is cosigned, and documents one bundle per link', async () => {
    const base = scratch();
    const us = await initNode({ side: 'US', name: 'washington', data: join(base, 'washington') });
    const cn = await initNode({ side: 'CN', name: 'beijing', data: join(base, 'beijing') });
    await addPeer(us.configPath, 'https://beijing.parley.example:8402', cn.witnessKey, cn.logKey);
    const keys = await loadKeyFile(join(base, 'washington', 'node.key'));
    const store = await openStore({ dialect: 'sqlite', path: join(base, 'washington', 'parley.db') });
    const them = { name: 'beijing', side: 'CN', host: 'beijing.parley.example', keys: await loadKeyFile(join(base, 'beijing', 'node.key')) };
    const link = await LinkedStore.open({ store, us: { name: 'washington', side: 'US', host: 'washington.parley.example', keys }, them });
    await link.append('own', 2);
    await link.checkpoint('own', { cosign: false });
    await store.close();
    const result = await run('export', '--config', us.configPath, '--out', join(base, 'bundle'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^parley export: E_EXPORT_NOTHING_COSIGNED: /);
    expect((await run('export', '--help')).out).toMatch(/DIR\/<peer>\//);
  });
});
