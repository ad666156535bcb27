import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { openStore, type DialectName, type Store, type StoreOptions } from '../index.js';

/*
 * Databases for the storage suite. Every store a test opens lives in its own place (a temp
 * directory for SQLite, a `parley_test_<random>` schema for PostgreSQL), so parallel test files
 * and reruns never meet, and cleanup() removes it.
 */

export const PG_URL = process.env.PARLEY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const IN_CI = process.env.CI === 'true';

let postgresProblem: Promise<string | undefined> | undefined;

/** The URL without its password, for messages. */
function shown(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'PARLEY_TEST_PG_URL';
  }
}

/** Why PostgreSQL cannot be used here, or undefined if it can. */
function probePostgres(): Promise<string | undefined> {
  return (postgresProblem ??= (async () => {
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return undefined;
    } catch (error) {
      return (error as Error).message || String(error);
    } finally {
      await client.end().catch(() => undefined);
    }
  })());
}

/**
 * Whether the suite runs for `dialect`. Outside CI an unreachable PostgreSQL skips its half of
 * the suite, saying so; under CI=true it does not skip: every PostgreSQL test fails, naming why.
 */
export async function runsHere(dialect: DialectName): Promise<boolean> {
  if (dialect !== 'postgres') return true;
  const problem = await probePostgres();
  if (problem === undefined || IN_CI) return true;
  console.warn(`Skipping the PostgreSQL storage suite: cannot reach ${shown(PG_URL)} (${problem}). Under CI=true this fails instead.`);
  return false;
}

export type Place = StoreOptions;

export class TestStores {
  private readonly opened: Store[] = [];
  private readonly places = new Map<Store, Place>();
  private readonly removals: (() => Promise<void>)[] = [];

  constructor(readonly dialect: DialectName) {}

  /** A store on a new, empty database. */
  async fresh(): Promise<Store> {
    return this.openAt(await this.newPlace());
  }

  /** Another store on the same database, as a second node process would open it. */
  another(store: Store): Promise<Store> {
    return this.openAt(this.placeOf(store));
  }

  async newPlace(): Promise<Place> {
    if (this.dialect === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'parley-store-'));
      this.removals.push(async () => rmSync(dir, { recursive: true, force: true }));
      return { dialect: 'sqlite', path: join(dir, 'parley.db') };
    }
    const problem = await probePostgres();
    if (problem !== undefined) {
      throw new Error(`PostgreSQL is unreachable at ${shown(PG_URL)} (${problem}) and CI=true: the PostgreSQL storage suite must run in CI. Start PostgreSQL or set PARLEY_TEST_PG_URL.`);
    }
    const schema = `parley_test_${randomBytes(6).toString('hex')}`;
    this.removals.push(async () => {
      await withPostgres((client) => client.query(`drop schema if exists "${schema}" cascade`));
    });
    return { dialect: 'postgres', url: PG_URL, schema };
  }

  async openAt(place: Place): Promise<Store> {
    const store = await openStore(place);
    this.opened.push(store);
    this.places.set(store, place);
    return store;
  }

  /** Runs SQL beside the store, as a person with database access could. */
  async rawQuery(store: Store, statement: string): Promise<unknown[]> {
    const place = this.placeOf(store);
    if (place.dialect === 'sqlite') {
      const db = new Database(place.path);
      try {
        const prepared = db.prepare(statement);
        return prepared.reader ? prepared.all() : (prepared.run(), []);
      } finally {
        db.close();
      }
    }
    return withPostgres(async (client) => {
      await client.query(`set search_path to "${place.schema}"`);
      return (await client.query(statement)).rows;
    });
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.opened.splice(0).map((store) => store.close()));
    for (const remove of this.removals.splice(0)) await remove();
    this.places.clear();
  }

  private placeOf(store: Store): Place {
    const place = this.places.get(store);
    if (!place) throw new Error('This store was not opened by these TestStores.');
    return place;
  }
}

async function withPostgres<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
