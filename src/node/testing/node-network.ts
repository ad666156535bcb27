import { mkdtempSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKeyFile, publicKeysOf, saveNodeConfig, type NodeConfig } from '../config/index.js';
import { freePort, type NodeSetup } from './node-pair.js';

export interface NodeSpec {
  readonly name: string;
  readonly side: string;
  readonly timeZone: string;
}

/**
 * Writes node folders for any set of bilateral links, e.g. Washington linked to Beijing and to
 * Moscow, each link pinned on both ends, every node on a free loopback port.
 */
export async function writeNetwork(nodes: readonly NodeSpec[], links: readonly (readonly [string, string])[]): Promise<Map<string, NodeSetup>> {
  const base = mkdtempSync(join(tmpdir(), 'parley-network-'));
  const setups = new Map<string, NodeSetup>();
  const keys = new Map<string, { witnessKey: string; logKey: string }>();
  for (const spec of nodes) {
    const dir = join(base, spec.name);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const { witnessKey, logKey } = publicKeysOf(`${spec.name}.parley.example`, await createKeyFile(join(dir, 'node.key')));
    keys.set(spec.name, { witnessKey, logKey });
    setups.set(spec.name, { ...spec, port: await freePort(), configPath: join(dir, 'parley.json'), dir });
  }
  for (const setup of setups.values()) {
    const peers = links
      .filter((pair) => pair.includes(setup.name))
      .map((pair) => setups.get(pair[0] === setup.name ? pair[1] : pair[0])!)
      .map((other) => ({ name: other.name, url: `http://127.0.0.1:${other.port}`, ...keys.get(other.name)!, addedAt: '2026-01-01T00:00:00.000Z' }));
    const config: NodeConfig = {
      format: 'parley-node/v1', side: setup.side, name: setup.name, host: `${setup.name}.parley.example`,
      listen: { host: '127.0.0.1', port: setup.port }, timeZone: setup.timeZone,
      storage: { dialect: 'sqlite', path: 'parley.db' }, keyFile: 'node.key', peers,
    };
    await saveNodeConfig(setup.configPath, config);
  }
  return setups;
}
