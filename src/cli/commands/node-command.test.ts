import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, openNode } from '../../node/index.js';
import { repoRoot } from '../../test-support/vectors.js';
import { initNode } from './init-command.js';
import { addPeer } from './peer-command.js';

async function twoConfigs() {
  const base = mkdtempSync(join(tmpdir(), 'parley-node-'));
  const us = await initNode({ side: 'US', name: 'washington', data: join(base, 'washington'), timeZone: 'America/New_York', port: await freePort() });
  const cn = await initNode({ side: 'CN', name: 'beijing', data: join(base, 'beijing'), port: 8402, timeZone: 'Asia/Shanghai' });
  await addPeer(us.configPath, 'http://127.0.0.1:8402', cn.witnessKey, cn.logKey);
  return { base, us, cn };
}

describe('the node process', () => {
  it('serves health, readiness and its public identity; one own log per pinned peer; stops cleanly', async () => {
    const { us } = await twoConfigs();
    const node = await openNode(us.configPath, { port: 0, logLevel: 'silent' });
    await node.start();
    try {
      expect(await (await fetch(`${node.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${node.url}/readyz`);
      expect(ready.status).toBe(200);
      const info = await (await fetch(`${node.url}/v1/node`)).json();
      expect(info).toMatchObject({ name: 'washington', side: 'US', timeZone: 'America/New_York', witnessKey: us.witnessKey });
      expect(info.logs).toEqual([expect.objectContaining({ origin: 'washington.parley.example/beijing', peer: 'beijing', size: 1 })]); // link.opened
      expect(info.logs[0].logKey).toMatch(/^washington\.parley\.example\/beijing\+[0-9a-f]{8}\+/);
      expect(JSON.stringify(info)).not.toMatch(/PRIVATE|seed/i);
    } finally {
      await node.stop();
    }
    await expect(fetch(`${node.url}/healthz`)).rejects.toThrow();
    // Reopening finds the same log, not a second one.
    const again = await openNode(us.configPath, { port: 0, logLevel: 'silent' });
    expect((await again.store.listLogs({ role: 'own' })).map((l) => l.origin)).toEqual(['washington.parley.example/beijing']);
    await again.stop();
  });

  it('`parley node` starts, answers, and exits 0 on SIGTERM', async () => {
    const { us } = await twoConfigs();
    const child = spawn(process.execPath, [join(repoRoot, 'bin/parley.js'), 'node', '--config', us.configPath], {
      env: { ...process.env, PARLEY_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`node did not start: ${out}`)), 20_000);
      child.stdout.on('data', () => {
        const match = /listening on (\S+)/.exec(out);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    });
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(out).toMatch(/Node washington stopped/);
    expect(existsSync(join(us.configPath, '..', 'parley.db'))).toBe(true);
  });

  it('refuses to start without a valid configuration, with a code', async () => {
    const child = spawn(process.execPath, [join(repoRoot, 'bin/parley.js'), 'node', '--config', join(tmpdir(), 'no-such-parley.json')], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
    expect(err).toMatch(/E_CONFIG_INVALID/);
  });

  it('refuses a taken port with a code, not a stack trace', async () => {
    const { us } = await twoConfigs();
    const blocker = await openNode(us.configPath, { logLevel: 'silent' });
    await blocker.start();
    try {
      const child = spawn(process.execPath, [join(repoRoot, 'bin/parley.js'), 'node', '--config', us.configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(2);
      expect(err).toMatch(/E_PORT_IN_USE/);
      expect(err).not.toMatch(/at .*\.js:\d+/);
    } finally {
      await blocker.stop();
    }
  });
});
