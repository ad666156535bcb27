import { afterEach, describe, expect, it, vi } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromUtf8 } from '../../core/index.js';
import { openStore } from '../../store/index.js';
import { repoRoot } from '../../test-support/vectors.js';
import { runCli } from '../program.js';

const scratch = (): string => mkdtempSync(join(tmpdir(), 'parley-demo-'));
const FREE_PORTS = ['--us-port', '0', '--cn-port', '0'];

afterEach(() => vi.restoreAllMocks());

/** Runs `parley …` in this process and returns its exit code and what it wrote. */
async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await runCli(args), out, err };
  } finally {
    vi.restoreAllMocks();
  }
}

interface NodeOnDisk {
  readonly key: string;
  readonly config: { listen: { port: number }; peers: { name: string; url: string; witnessKey: string }[] };
  /** Own log first, then the copy of the peer's: each event as signed. */
  readonly logs: { kind: string; actor: string; seq: number; text: string }[][];
}

/** What a node's folder holds, read from its files and its database with the node stopped. */
async function onDisk(dir: string): Promise<NodeOnDisk> {
  const store = await openStore({ dialect: 'sqlite', path: join(dir, 'parley.db') });
  try {
    const logs = [];
    for (const role of ['own', 'peer'] as const) {
      const [log] = await store.listLogs({ role });
      const events = await store.readEvents(log!.origin, 0, 10_000);
      logs.push(events.map((e) => ({ kind: e.kind, actor: e.actor, seq: e.seq, text: fromUtf8(e.bytes) })));
    }
    return { key: readFileSync(join(dir, 'node.key'), 'utf8'), config: JSON.parse(readFileSync(join(dir, 'parley.json'), 'utf8')), logs };
  } finally {
    await store.close();
  }
}

const messages = (node: NodeOnDisk) => node.logs[0]!.filter((e) => e.kind === 'message.sent');

// Each new setup writes the 2020-2024 public record through both nodes' APIs first (half a minute on a loaded machine).
describe('parley demo', { timeout: 240_000 }, () => {
  it('sets up Washington and Beijing, links them, records the opening exchange, and the exported bundle verifies', async () => {
    const data = scratch();
    const run = await cli('demo', '--data', data, ...FREE_PORTS, '--exit-after-setup');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);

    for (const name of ['washington', 'beijing']) {
      const dir = join(data, name);
      for (const file of ['parley.json', 'node.key', 'operator.token', 'parley.db', 'demo.json']) expect(existsSync(join(dir, file)), `${name}/${file}`).toBe(true);
      expect(statSync(join(dir, 'node.key')).mode & 0o777).toBe(0o600);
    }
    const [us, cn] = await Promise.all([onDisk(join(data, 'washington')), onDisk(join(data, 'beijing'))]);
    expect(us.config.peers).toEqual([expect.objectContaining({ name: 'beijing', url: `http://127.0.0.1:${cn.config.listen.port}` })]);
    expect(cn.config.peers).toEqual([expect.objectContaining({ name: 'washington', url: `http://127.0.0.1:${us.config.listen.port}` })]);

    // One FLASH from each duty officer, each on the other side's copy too, each receipted by the other node.
    expect(messages(us).map((e) => e.actor)).toEqual(['washington/duty-officer']);
    expect(messages(cn).map((e) => e.actor)).toEqual(['beijing/duty-officer']);
    expect(JSON.parse(messages(us)[0]!.text).body).toMatchObject({ precedence: 'FLASH', to: 'CN', content: { lang: 'en' } });
    expect(JSON.parse(messages(cn)[0]!.text).body).toMatchObject({ precedence: 'FLASH', to: 'US', inReplyTo: 'opening-washington', content: { lang: 'zh' } });
    expect(cn.logs[1]!.map((e) => e.text)).toContain(messages(us)[0]!.text);
    const receiptsByBeijing = cn.logs[0]!.filter((e) => e.kind === 'link.receipt').map((e) => JSON.parse(e.text).body.upTo as number);
    expect(Math.max(...receiptsByBeijing)).toBeGreaterThanOrEqual(messages(us)[0]!.seq);

    // The printout: both URLs, the tokens' files, link state, times on both sides' clocks, the export and its verification.
    expect(run.out).toMatch(new RegExp(`Washington \\(US\\)\\s+http://127\\.0\\.0\\.1:${us.config.listen.port}`));
    expect(run.out).toMatch(new RegExp(`Beijing \\(CN\\)\\s+http://127\\.0\\.0\\.1:${cn.config.listen.port}`));
    expect(run.out).toContain(join(data, 'washington', 'operator.token'));
    expect(run.out).toMatch(/link {5}to Beijing: up since/);
    expect(run.out).toMatch(/UTC \(New York \w{3} \d+ \w{3} \d\d:\d\d:\d\d, Beijing \w{3} \d+ \w{3} \d\d:\d\d:\d\d\)/);
    expect(run.out).toMatch(/^VALID: 2 logs/m);

    // The demo's folders are ordinary node folders: the administrator's commands work on them.
    expect((await cli('verify', join(data, 'demo-bundle'), '--threads', '0')).code).toBe(0);
    expect((await cli('export', '--config', join(data, 'washington', 'parley.json'), '--out', join(data, 'export'))).code).toBe(0);
    expect((await cli('verify', join(data, 'export'), '--threads', '0')).code).toBe(0);
  });

  it('a second run reuses both nodes and duplicates nothing: same keys and pins, no second opening', async () => {
    const data = scratch();
    expect((await cli('demo', '--data', data, ...FREE_PORTS, '--exit-after-setup')).code).toBe(0);
    const before = await Promise.all([onDisk(join(data, 'washington')), onDisk(join(data, 'beijing'))]);

    const again = await cli('demo', '--data', data, ...FREE_PORTS, '--exit-after-setup');
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/found from an earlier run, same keys and pins/);
    expect(again.out).toMatch(/not recorded again/);
    const after = await Promise.all([onDisk(join(data, 'washington')), onDisk(join(data, 'beijing'))]);
    for (const [i, node] of after.entries()) {
      expect(node.key).toBe(before[i]!.key);
      expect(node.config).toEqual(before[i]!.config);
      expect(messages(node)).toEqual(messages(before[i]!));
      for (const [l, log] of node.logs.entries()) {
        // Everything of the first run, unchanged; after it at most what the nodes record by
        // themselves (a link test, if the hour turned meanwhile, and its receipts).
        expect(log.slice(0, before[i]!.logs[l]!.length)).toEqual(before[i]!.logs[l]);
        expect(log.slice(before[i]!.logs[l]!.length).filter((e) => !e.kind.startsWith('link.'))).toEqual([]);
      }
    }
  });

  it('--reset starts over with new keys; a folder the demo did not make is neither used nor deleted', async () => {
    const data = scratch();
    expect((await cli('demo', '--data', data, ...FREE_PORTS, '--exit-after-setup')).code).toBe(0);
    const first = await onDisk(join(data, 'washington'));
    // One node's folder made again by itself no longer matches what the other has pinned: refused, nothing re-pinned.
    rmSync(join(data, 'beijing'), { recursive: true });
    const mismatch = await cli('demo', '--data', data, ...FREE_PORTS, '--exit-after-setup');
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toMatch(/^parley demo: E_PEER_ALREADY_PINNED: Washington has pinned other keys .* parley demo --reset/);
    expect((await onDisk(join(data, 'washington'))).config).toEqual(first.config);

    const reset = await cli('demo', '--data', data, '--reset', ...FREE_PORTS, '--tamper');
    expect(reset.code).toBe(0);
    expect(reset.out).toMatch(/set up now, new keys/);
    // --tamper: the one-word edit in the copy is named by the verifier.
    expect(reset.out).toMatch(/^INVALID at log washington\.parley\.example\/beijing, event seq \d+, line \d+: E_EVENT_SIGNATURE_INVALID/m);
    const second = await onDisk(join(data, 'washington'));
    expect(second.key).not.toBe(first.key);
    expect(messages(second)).toHaveLength(1);

    const foreign = scratch();
    mkdirSync(join(foreign, 'washington'));
    writeFileSync(join(foreign, 'washington', 'notes.txt'), 'not a demo node');
    for (const args of [['--reset'], []]) {
      const refused = await cli('demo', '--data', foreign, ...args, ...FREE_PORTS, '--exit-after-setup');
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/^parley demo: E_NODE_EXISTS: .*washington exists and was not set up by `parley demo`/);
      expect(readFileSync(join(foreign, 'washington', 'notes.txt'), 'utf8')).toBe('not a demo node');
      expect(existsSync(join(foreign, 'beijing'))).toBe(false);
    }
  });

  it('finishes a setup that was cut short (the marker written, no configuration yet)', async () => {
    const data = scratch();
    mkdirSync(join(data, 'washington'));
    writeFileSync(join(data, 'washington', 'demo.json'), JSON.stringify({ format: 'parley-demo-node/v1', node: 'washington' }));
    writeFileSync(join(data, 'washington', 'node.key'), '{}', { mode: 0o600 });
    const run = await cli('demo', '--data', data, ...FREE_PORTS, '--exit-after-setup');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(messages(await onDisk(join(data, 'washington')))).toHaveLength(1);
  });

  it('a taken port is refused with E_PORT_IN_USE, naming the port, before anything is set up', async () => {
    const taken: Server = await new Promise((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => resolve(server));
    });
    const { port } = taken.address() as { port: number };
    try {
      const data = scratch();
      const run = await cli('demo', '--data', data, '--us-port', String(port), '--cn-port', '0', '--exit-after-setup');
      expect(run.code).toBe(2);
      expect(run.err).toContain(`parley demo: E_PORT_IN_USE: Port ${port} (Washington's node) is already in use`);
      expect(run.err).not.toMatch(/\n\s+at /);
      expect(existsSync(join(data, 'washington'))).toBe(false);
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('`parley demo` keeps both nodes running for the printed commands until SIGTERM, then stops both and exits 0', async () => {
    const data = scratch();
    const child = spawn(process.execPath, [join(repoRoot, 'bin/parley.js'), 'demo', '--data', data, ...FREE_PORTS], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the demo did not come up: ${out}${err}`)), 180_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (out.includes('Both nodes run until Ctrl-C')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    const url = /Washington \(US\)\s+(http:\/\/\S+)/.exec(out)![1]!;
    expect(out).toContain(`curl -s -H "Authorization: Bearer $TOKEN" ${url}/v1/links`);
    const token = readFileSync(join(data, 'washington', 'operator.token'), 'utf8').trim();
    const links = await (await fetch(`${url}/v1/links`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(links).toEqual([expect.objectContaining({ peer: 'beijing', state: 'up' })]);

    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toMatch(/Both nodes stopped/);
    expect(err).toBe('');
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });
});
