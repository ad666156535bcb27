import { mkdtempSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyFile, publicKeysOf, saveNodeConfig, type NodeConfig } from '../config/index.js';
import type { PeerLink } from '../link/index.js';
import { freePort, openNode, type NodeOptions, type ParleyNode } from '../server/index.js';


export { freePort };

export interface NodeSetup {
  readonly name: string;
  readonly side: string;
  readonly timeZone: string;
  readonly port: number;
  readonly configPath: string;
  readonly dir: string;
}

export interface PairSetup {
  readonly base: string;
  readonly us: NodeSetup;
  readonly cn: NodeSetup;
}

/**
 * Writes two node folders (Washington and Beijing) that pin each other, on free loopback
 * ports. `peerUrl` lets a test put a proxy between them.
 */
export async function writePair(options: { base?: string; peerUrl?: (to: NodeSetup) => string; storage?: (name: string) => NodeConfig['storage'] } = {}): Promise<PairSetup> {
  const base = options.base ?? mkdtempSync(join(tmpdir(), 'parley-pair-'));
  const specs = [
    { name: 'washington', side: 'US', timeZone: 'America/New_York' },
    { name: 'beijing', side: 'CN', timeZone: 'Asia/Shanghai' },
  ];
  const setups: NodeSetup[] = [];
  const keys = [];
  for (const spec of specs) {
    const dir = join(base, spec.name);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    keys.push(publicKeysOf(`${spec.name}.parley.example`, await createKeyFile(join(dir, 'node.key'))));
    setups.push({ ...spec, port: await freePort(), configPath: join(dir, 'parley.json'), dir });
  }
  for (const [i, setup] of setups.entries()) {
    const other = setups[1 - i]!;
    const config: NodeConfig = {
      format: 'parley-node/v1', side: setup.side, name: setup.name, host: `${setup.name}.parley.example`,
      listen: { host: '127.0.0.1', port: setup.port }, timeZone: setup.timeZone,
      storage: options.storage?.(setup.name) ?? { dialect: 'sqlite', path: 'parley.db' }, keyFile: 'node.key',
      peers: [{
        name: other.name,
        url: options.peerUrl?.(other) ?? `http://127.0.0.1:${other.port}`,
        witnessKey: keys[1 - i]!.witnessKey,
        logKey: keys[1 - i]!.logKey,
        addedAt: '2026-01-01T00:00:00.000Z',
      }],
    };
    await saveNodeConfig(setup.configPath, config);
  }
  return { base, us: setups[0]!, cn: setups[1]! };
}

/** Fast link timing for tests: heartbeats and retries in tens of milliseconds. */
export const TEST_TIMING: NodeOptions = {
  logLevel: 'silent',
  linkTiming: { heartbeatMs: 200, retryMinMs: 20, retryMaxMs: 200, downAfterMs: 1_000, standbyPollMs: 100 },
};

export async function startNode(setup: NodeSetup, options: NodeOptions = TEST_TIMING): Promise<ParleyNode> {
  const node = await openNode(setup.configPath, { ...TEST_TIMING, ...options });
  await node.start();
  return node;
}

/** Polls until `check` returns a value other than undefined/false, or fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, ms = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface RunningPair {
  readonly setup: PairSetup;
  readonly us: ParleyNode;
  readonly cn: ParleyNode;
  /** Washington's link to Beijing, and Beijing's to Washington. */
  readonly usLink: PeerLink;
  readonly cnLink: PeerLink;
}

/** Writes a pair, starts both nodes, and adds them to `running`, which the test's afterEach stops. */
export async function startPair(running: ParleyNode[], options: NodeOptions = TEST_TIMING): Promise<RunningPair> {
  const setup = await writePair();
  const us = await startNode(setup.us, options);
  const cn = await startNode(setup.cn, options);
  running.push(us, cn);
  return { setup, us, cn, usLink: us.links.get('beijing')!.link, cnLink: cn.links.get('washington')!.link };
}
