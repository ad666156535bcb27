import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCheckpoint, parseManifest, splitNote } from '../../core/index.js';
import { LinkedStore, testSide } from '../testing/linked-store.js';
import { exportLinks, type ExportSource } from './index.js';

const opened: LinkedStore[] = [];
afterEach(async () => {
  for (const link of opened.splice(0)) await link.close();
});

async function linked(...args: Parameters<typeof LinkedStore.open>): Promise<LinkedStore> {
  const link = await LinkedStore.open(...args);
  opened.push(link);
  return link;
}

const sourceOf = (link: LinkedStore, config = link.config()): ExportSource => ({ config, keys: link.us.keys, store: link.store });
const scratch = (): string => mkdtempSync(join(tmpdir(), 'parley-export-'));
const codeOf = (promise: Promise<unknown>): Promise<string | undefined> => promise.then(() => undefined, (err: { code?: string }) => err.code ?? String(err));

/** The checkpoint sizes a bundle holds, per origin, read back from its files. */
function bundleSizes(dir: string): Record<string, { size: number; checkpoint: number; lines: number }> {
  const manifest = parseManifest(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')));
  return Object.fromEntries(
    manifest.logs.map((log) => {
      const checkpoint = parseCheckpoint(splitNote(readFileSync(join(dir, log.checkpoint), 'utf8')).text);
      const lines = readFileSync(join(dir, log.events), 'utf8').split('\n').filter(Boolean).length;
      return [log.origin, { size: log.size, checkpoint: checkpoint.size, lines }];
    }),
  );
}

/**
 * Own log cosigned at 6 and 9, peer log cosigned at 3 and signed (not yet cosigned by us) at 7.
 * Own events 6–8 name peer event 6, beyond the peer's newest cosigned checkpoint.
 */
async function ownAheadOfPeer(): Promise<LinkedStore> {
  const link = await linked();
  await link.append('own', 4);
  await link.append('peer', 3);
  await link.append('own', 2);
  await link.checkpoint('own');
  await link.checkpoint('peer');
  await link.append('peer', 4);
  await link.checkpoint('peer', { cosign: false });
  await link.append('own', 3);
  await link.checkpoint('own');
  return link;
}

describe('choosing what to export', () => {
  it('takes an older own checkpoint when the newest one names peer events beyond the newest cosigned peer checkpoint', async () => {
    const link = await ownAheadOfPeer();
    const out = join(scratch(), 'bundle');
    const [exported] = await exportLinks(sourceOf(link), out);
    expect(exported!.logs).toEqual([
      { origin: link.ownOrigin, role: 'own', size: 6, storedSize: 9 },
      { origin: link.peerOrigin, role: 'peer', size: 3, storedSize: 7 },
    ]);
    expect(bundleSizes(out)).toEqual({
      [link.ownOrigin]: { size: 6, checkpoint: 6, lines: 6 },
      [link.peerOrigin]: { size: 3, checkpoint: 3, lines: 3 },
    });
  });

  it('takes the newest pair once the peer checkpoint is cosigned', async () => {
    const link = await ownAheadOfPeer();
    await link.cosign('peer', 7);
    const out = join(scratch(), 'bundle');
    const [exported] = await exportLinks(sourceOf(link), out);
    expect(exported!.logs.map((l) => l.size)).toEqual([9, 7]);
  });

  it('walks the peer log down when its newest cosigned checkpoint names own events beyond ours', async () => {
    const link = await linked();
    await link.append('own', 3);
    await link.append('peer', 2);
    await link.checkpoint('peer'); // 2, naming own event 2
    await link.append('own', 2);
    await link.checkpoint('own'); // 5, naming peer event 1
    await link.append('own', 3);
    await link.checkpoint('own', { cosign: false }); // 8
    await link.append('peer', 3);
    await link.checkpoint('peer'); // 5, naming own event 7
    const [exported] = await exportLinks(sourceOf(link), join(scratch(), 'bundle'));
    expect(exported!.logs.map((l) => l.size)).toEqual([5, 2]);
  });

  it('finds the newest reference when only some events carry one', async () => {
    const link = await linked();
    await link.append('peer', 3);
    await link.checkpoint('peer');
    await link.append('own', 1, { refEvery: 0 });
    await link.checkpoint('own'); // 1: no reference at all
    await link.append('peer', 2); // 5
    await link.checkpoint('peer', { cosign: false });
    await link.append('own', 700, { refEvery: 400 }); // only own event 400 names a peer event (4)
    await link.checkpoint('own'); // 701: its newest reference is 300 events back, beyond one page read
    const [exported] = await exportLinks(sourceOf(link), join(scratch(), 'bundle'));
    expect(exported!.logs.map((l) => l.size)).toEqual([1, 3]);
  });

  it('streams in pages: every line is a stored event, verbatim', async () => {
    const link = await ownAheadOfPeer();
    const out = join(scratch(), 'bundle');
    await exportLinks(sourceOf(link), out, { pageSize: 4 });
    const stored = await link.store.readEvents(link.ownOrigin, 0, 6);
    expect(readFileSync(join(out, 'logs/0.events'))).toEqual(Buffer.concat(stored.flatMap((e) => [e.bytes, Buffer.from('\n')])));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.logs[0]).toMatchObject({ origin: link.ownOrigin, side: 'US', peer: link.peerOrigin, witness_key: link.peerKeys.witnessKey });
    expect(manifest.logs[1]).toMatchObject({ origin: link.peerOrigin, peer: link.ownOrigin });
    expect(manifest.logs[1].log_key).toMatch(/^beijing\.parley\.example\/washington\+/);
    const checkpoint = readFileSync(join(out, 'logs/0.checkpoint'), 'utf8');
    expect(checkpoint.match(/^— /gmu)).toHaveLength(2); // the log's signature and the peer's cosignature, once
  });
});

describe('refusing to export', () => {
  it('fails with E_EXPORT_NOTHING_COSIGNED and writes nothing while a log has no cosigned checkpoint', async () => {
    const parent = scratch();
    const out = join(parent, 'bundle');
    const attempt = async (cosigned: { own?: boolean; peer?: boolean } | null) => {
      const link = await linked();
      await link.append('own', 3);
      await link.append('peer', 3);
      if (cosigned) {
        await link.checkpoint('own', { cosign: cosigned.own ?? false });
        await link.checkpoint('peer', { cosign: cosigned.peer ?? false });
      }
      return exportLinks(sourceOf(link), out).then(() => 'exported', (err: Error & { code: string }) => `${err.code}: ${err.message}`);
    };
    expect(await attempt(null)).toMatch(/^E_EXPORT_NOTHING_COSIGNED: No checkpoint of our log washington.parley.example\/beijing carries beijing.parley.example\/witness's cosignature/);
    expect(await attempt({ peer: true })).toMatch(/^E_EXPORT_NOTHING_COSIGNED: No checkpoint of our log/);
    expect(await attempt({ own: true })).toMatch(/^E_EXPORT_NOTHING_COSIGNED: This node has not cosigned any stored checkpoint of beijing.parley.example\/washington/);
    expect(readdirSync(parent)).toEqual([]);
    expect(await attempt({ own: true, peer: true })).toBe('exported');
  });

  it('fails when no cosigned pair refers only inside itself', async () => {
    const link = await linked();
    await link.append('peer', 2);
    await link.checkpoint('peer'); // 2
    await link.append('peer', 1);
    await link.append('own', 2); // naming peer event 2
    await link.checkpoint('own'); // 2, only cosigned own checkpoint
    await expect(exportLinks(sourceOf(link), join(scratch(), 'bundle'))).rejects.toMatchObject({ code: 'E_EXPORT_NOTHING_COSIGNED', message: expect.stringMatching(/refer only to each other/) });
  });

  it('refuses an existing non-empty folder and leaves it untouched; fills an empty one', async () => {
    const link = await ownAheadOfPeer();
    const parent = scratch();
    const out = join(parent, 'bundle');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'keep me');
    expect(await codeOf(exportLinks(sourceOf(link), out))).toBe('E_EXPORT_TARGET_EXISTS');
    expect(readdirSync(out)).toEqual(['notes.txt']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('keep me');
    writeFileSync(join(parent, 'a-file'), 'x');
    expect(await codeOf(exportLinks(sourceOf(link), join(parent, 'a-file')))).toBe('E_EXPORT_TARGET_EXISTS');
    const empty = join(parent, 'empty');
    mkdirSync(empty);
    await exportLinks(sourceOf(link), empty);
    expect(existsSync(join(empty, 'manifest.json'))).toBe(true);
    expect(readdirSync(parent).sort()).toEqual(['a-file', 'bundle', 'empty']);
  });

  it('leaves nothing under the asked name when writing fails midway', async () => {
    const link = await ownAheadOfPeer();
    let reads = 0;
    const failing = new Proxy(link.store, {
      get(target, key, receiver) {
        if (key !== 'readEvents') return Reflect.get(target, key, receiver);
        return async (...args: Parameters<typeof target.readEvents>) => {
          // Choosing reads a few pages; fail while the event files are being written.
          if (++reads > 4) throw new Error('disk unplugged');
          return target.readEvents(...args);
        };
      },
    });
    const parent = scratch();
    await expect(exportLinks({ ...sourceOf(link), store: failing }, join(parent, 'bundle'), { pageSize: 1 })).rejects.toThrow('disk unplugged');
    expect(readdirSync(parent)).toEqual([]);
  });

  it('names an unknown peer, or a node without peers', async () => {
    const link = await ownAheadOfPeer();
    expect(await codeOf(exportLinks(sourceOf(link), join(scratch(), 'b'), { peer: 'moscow' }))).toBe('E_PEER_NOT_PINNED');
    expect(await codeOf(exportLinks(sourceOf(link, link.config({ peers: [] })), join(scratch(), 'b')))).toBe('E_PEER_NOT_PINNED');
  });

  it('refuses when the configuration and the store pin different keys', async () => {
    const link = await ownAheadOfPeer();
    const impostor = await linked({ them: { ...testSide('beijing', 'CN'), keys: testSide('impostor', 'CN').keys } });
    const config = link.config({ peers: impostor.config().peers });
    expect(await codeOf(exportLinks(sourceOf(link, config), join(scratch(), 'b')))).toBe('E_CONFIG_INVALID');
  });
});

describe('several links', () => {
  it('writes one bundle per link in DIR/<peer>/, or the one asked for', async () => {
    const beijing = await ownAheadOfPeer();
    const moscow = await linked({ store: beijing.store, them: testSide('moscow', 'RU'), peerUrl: 'https://moscow.parley.example:8403' });
    await moscow.append('peer', 2);
    await moscow.append('own', 2);
    await moscow.checkpoint('peer');
    await moscow.checkpoint('own');
    const config = beijing.config({ peers: [...beijing.config().peers, ...moscow.config().peers] });
    const out = join(scratch(), 'bundles');
    const exported = await exportLinks(sourceOf(beijing, config), out);
    expect(exported.map((e) => [e.peer, e.dir])).toEqual([['beijing', join(out, 'beijing')], ['moscow', join(out, 'moscow')]]);
    expect(readdirSync(out).sort()).toEqual(['beijing', 'moscow']);
    expect(Object.keys(bundleSizes(join(out, 'moscow')))).toEqual(['washington.parley.example/moscow', 'moscow.parley.example/washington']);
    const one = join(scratch(), 'moscow-only');
    await exportLinks(sourceOf(beijing, config), one, { peer: 'moscow' });
    expect(bundleSizes(one)['washington.parley.example/moscow']).toEqual({ size: 2, checkpoint: 2, lines: 2 });
  });
});
