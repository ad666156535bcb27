import pg from 'pg';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import { ParleyError } from '../../core/index.js';
import type { Database } from '../sql/database.js';

const INT8_OID = 20;

/** BIGINT arrives as text (JavaScript numbers are not 64-bit); read it exactly, or refuse. */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`The 64-bit integer ${text} is too large to read exactly.`);
  return value;
}

// Per connection, not pg's global parser table, so other users of pg in the process are unaffected.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID ? parseInt8 : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

// Unquoted identifiers only, and short enough that `schema/channel` fits a 63-byte channel name.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,31}$/;

export function checkSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) throw new TypeError(`Schema name "${schema}" must match ${SCHEMA_NAME}.`);
}

/** Every connection of the store sees only its schema, through search_path set at connection start. */
export function connectionConfig(url: string, schema: string, applicationName = 'parley'): pg.ClientConfig {
  return {
    connectionString: url,
    types,
    options: `-c search_path=${schema}`,
    application_name: applicationName.slice(0, 63),
    // Keepalives let a dead peer connection be noticed, so a lost leader's lock is released.
    keepAlive: true,
    connectionTimeoutMillis: 10_000,
  };
}

/** Where the database is, without any password the URL may hold. */
function describe(url: string): string {
  try {
    const { host, pathname } = new URL(url);
    return `${host}${pathname}`;
  } catch {
    return 'the configured URL';
  }
}

export async function connectClient(url: string, schema: string, applicationName?: string): Promise<pg.Client> {
  const client = new pg.Client(connectionConfig(url, schema, applicationName));
  try {
    await client.connect();
  } catch (cause) {
    await client.end().catch(() => undefined);
    throw new ParleyError('E_STORE_UNAVAILABLE', `Cannot connect to PostgreSQL at ${describe(url)}: ${(cause as Error).message}`);
  }
  return client;
}

/** Creates the schema if missing; checks first, since CREATE needs a privilege the schema's users may lack. */
export async function ensureSchema(url: string, schema: string): Promise<void> {
  const client = await connectClient(url, 'public');
  try {
    const { rowCount } = await client.query('select 1 from pg_namespace where nspname = $1', [schema]);
    if (rowCount === 0) await client.query(`create schema if not exists "${schema}"`);
  } catch (error) {
    // Two processes creating the schema at once: the loser's unique violation means it exists.
    if ((error as { code?: string }).code !== '23505') throw error;
  } finally {
    await client.end();
  }
}

export function postgresKysely(url: string, schema: string): Kysely<Database> {
  const pool = new pg.Pool({ ...connectionConfig(url, schema), max: 10 });
  // An idle connection dropped by the server must not end the process; the next query reports it.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** A transaction whose commit returns before its WAL record is flushed (`synchronous_commit = off`, for it alone). */
export function postgresLazyCommit<T>(db: Kysely<Database>, write: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    await sql`set local synchronous_commit = off`.execute(trx);
    return write(trx);
  });
}
