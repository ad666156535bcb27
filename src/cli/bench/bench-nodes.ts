import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createKeyFile, freePort, publicKeysOf, saveNodeConfig, type NodeConfig } from '../../node/index.js';

export type BenchDialect = 'sqlite' | 'postgres';

export const BENCH_PG_URL = process.env.PARLEY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface BenchNodeSetup {
  readonly name: 'washington' | 'beijing';
  readonly configPath: string;
  readonly port: number;
}

/** Two node folders that pin each other, and how to remove everything they stored. */
export interface BenchNodes {
  readonly washington: BenchNodeSetup;
  readonly beijing: BenchNodeSetup;
  remove(): Promise<void>;
}

async function withAdmin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: BENCH_PG_URL, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/**
 * Writes Washington's and Beijing's folders as `parley init` and `peer add` would, each with its
 * own storage: a SQLite file in its folder, or its own PostgreSQL database (a node's configuration
 * names a database, not a schema), created here and dropped by remove(). The node test helpers
 * are not part of the build, so the benchmark, which runs from it, writes its own pair.
 */
export async function writeBenchNodes(dialect: BenchDialect): Promise<BenchNodes> {
  const base = await mkdtemp(join(tmpdir(), 'parley-bench-link-'));
  const tag = randomBytes(4).toString('hex');
  const databases: string[] = [];
  const remove = async (): Promise<void> => {
    if (databases.length > 0) {
      await withAdmin(async (client) => {
        for (const name of databases) await client.query(`drop database if exists "${name}" with (force)`);
      });
    }
    await rm(base, { recursive: true, force: true });
  };
  try {
    const names = ['washington', 'beijing'] as const;
    const sides = { washington: { side: 'US', timeZone: 'America/New_York' }, beijing: { side: 'CN', timeZone: 'Asia/Shanghai' } };
    const setups = [];
    for (const name of names) {
      const dir = join(base, name);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const keys = publicKeysOf(`${name}.parley.example`, await createKeyFile(join(dir, 'node.key')));
      let storage: NodeConfig['storage'] = { dialect: 'sqlite', path: 'parley.db' };
      if (dialect === 'postgres') {
        const database = `parley_bench_${tag}_${name}`;
        await withAdmin((client) => client.query(`create database "${database}"`));
        databases.push(database);
        const url = new URL(BENCH_PG_URL);
        url.pathname = `/${database}`;
        storage = { dialect: 'postgres', url: url.toString() };
      }
      setups.push({ name, dir, keys, storage, port: await freePort(), configPath: join(dir, 'parley.json') });
    }
    for (const [i, setup] of setups.entries()) {
      const other = setups[1 - i]!;
      await saveNodeConfig(setup.configPath, {
        format: 'parley-node/v1', side: sides[setup.name].side, name: setup.name, host: `${setup.name}.parley.example`,
        listen: { host: '127.0.0.1', port: setup.port }, timeZone: sides[setup.name].timeZone, storage: setup.storage, keyFile: 'node.key',
        peers: [{ name: other.name, url: `http://127.0.0.1:${other.port}`, witnessKey: other.keys.witnessKey, logKey: other.keys.logKey, addedAt: new Date().toISOString() }],
      });
    }
    const [washington, beijing] = setups.map(({ name, configPath, port }) => ({ name, configPath, port }));
    return { washington: washington!, beijing: beijing!, remove };
  } catch (error) {
    await remove().catch(() => undefined);
    throw error;
  }
}
