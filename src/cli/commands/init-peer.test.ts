import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKeyFile, loadNodeConfig } from '../../node/index.js';
import { repoRoot } from '../../test-support/vectors.js';
import { initNode } from './init-command.js';
import { addPeer } from './peer-command.js';

const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> => promise.then(() => undefined, (err) => (err as { code?: string }).code);
const scratch = (): string => mkdtempSync(join(tmpdir(), 'parley-init-'));

describe('parley init and parley peer add', () => {
  it('creates a key file only its owner can read, and a valid config, and never overwrites them', async () => {
    const data = join(scratch(), 'washington');
    const { configPath, witnessKey } = await initNode({ side: 'US', name: 'washington', data, port: 8401, timeZone: 'America/New_York' });
    expect(statSync(join(data, 'node.key')).mode & 0o777).toBe(0o600);
    const config = await loadNodeConfig(configPath);
    expect(config).toMatchObject({ side: 'US', name: 'washington', host: 'washington.parley.example', listen: { port: 8401 }, peers: [] });
    expect(witnessKey).toMatch(/^washington\.parley\.example\/witness\+[0-9a-f]{8}\+/);
    const keyText = readFileSync(join(data, 'node.key'), 'utf8');
    expect(readFileSync(configPath, 'utf8')).not.toContain(JSON.parse(keyText).log);
    expect(await codeOf(initNode({ side: 'US', name: 'washington', data }))).toBe('E_NODE_EXISTS');
    expect(readFileSync(join(data, 'node.key'), 'utf8')).toBe(keyText);
  });

  it('refuses bad input with a code and creates nothing', async () => {
    const base = scratch();
    expect(await codeOf(initNode({ side: 'usa', name: 'washington', data: join(base, 'a') }))).toBe('E_CONFIG_INVALID');
    expect(await codeOf(initNode({ side: 'US', name: 'Washington DC', data: join(base, 'b') }))).toBe('E_CONFIG_INVALID');
    expect(() => statSync(join(base, 'a'))).toThrow();
  });

  it('refuses to load a key file others can read', async () => {
    const data = join(scratch(), 'n');
    await initNode({ side: 'US', name: 'washington', data });
    chmodSync(join(data, 'node.key'), 0o644);
    expect(await codeOf(loadKeyFile(join(data, 'node.key')))).toBe('E_KEY_FILE_EXPOSED');
  });

  it('pins a peer once; the same pin again changes nothing; a changed key is refused', async () => {
    const base = scratch();
    const us = await initNode({ side: 'US', name: 'washington', data: join(base, 'washington') });
    const cn = await initNode({ side: 'CN', name: 'beijing', data: join(base, 'beijing'), port: 8402 });
    const other = await initNode({ side: 'CN', name: 'beijing', data: join(base, 'impostor') });
    const url = 'http://127.0.0.1:8402';
    expect(await addPeer(us.configPath, url, cn.witnessKey, cn.logKey)).toEqual({ name: 'beijing', added: true });
    expect(await addPeer(us.configPath, url, cn.witnessKey, cn.logKey)).toEqual({ name: 'beijing', added: false });
    expect(await codeOf(addPeer(us.configPath, url, other.witnessKey, other.logKey))).toBe('E_PEER_ALREADY_PINNED');
    expect(await codeOf(addPeer(us.configPath, url, cn.witnessKey, other.logKey))).toBe('E_PEER_ALREADY_PINNED');
    expect(await codeOf(addPeer(us.configPath, url, 'beijing.parley.example/witness+00000000+AAAA', cn.logKey))).toMatch(/^E_(KEY_INVALID|KEY_ID_MISMATCH|SIGNATURE_ALGORITHM_UNSUPPORTED)$/);
    expect(await codeOf(addPeer(us.configPath, url, us.witnessKey, us.logKey))).toBe('E_KEY_INVALID');
    // Keys in the wrong order, or a log key of another host, are refused before anything is written.
    expect(await codeOf(addPeer(us.configPath, 'http://127.0.0.1:8403', cn.logKey, cn.witnessKey))).toBe('E_KEY_INVALID');
    expect(await codeOf(addPeer(us.configPath, 'http://127.0.0.1:8403', cn.witnessKey, us.logKey))).toBe('E_KEY_INVALID');
    const config = await loadNodeConfig(us.configPath);
    expect(config.peers).toEqual([expect.objectContaining({ name: 'beijing', url, witnessKey: cn.witnessKey, logKey: cn.logKey })]);
  });

  it('works as commands, with exit codes', () => {
    const base = scratch();
    const parley = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'bin/parley.js'), ...args], { encoding: 'utf8' });
    const init = parley('init', '--side', 'US', '--name', 'washington', '--data', join(base, 'w'));
    expect(init.status).toBe(0);
    expect(init.stdout).toMatch(/Node washington \(US\) set up/);
    expect(parley('init', '--side', 'US', '--name', 'washington', '--data', join(base, 'w')).status).toBe(2);
    const keysOf = (stdout: string): string[] => [/witness +(\S+)/.exec(stdout)![1]!, /log +(\S+)/.exec(stdout)![1]!];
    const cn = parley('init', '--side', 'CN', '--name', 'beijing', '--data', join(base, 'b'));
    expect(parley('peer', 'add', 'http://127.0.0.1:8402', ...keysOf(cn.stdout), '--config', join(base, 'w/parley.json')).status).toBe(0);
    expect(parley('peer', 'add', 'http://127.0.0.1:8401', ...keysOf(init.stdout), '--config', join(base, 'b/parley.json')).status).toBe(0);
    expect(parley('peer', 'add', 'http://127.0.0.1:8401', ...keysOf(init.stdout).reverse(), '--config', join(base, 'b/parley.json')).status).toBe(2);
    expect(parley('peer', 'add', '--help').status).toBe(0);
    expect(parley('init', '--help').stdout).toMatch(/--side/);
  });
});
