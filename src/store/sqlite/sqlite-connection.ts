import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, sql, SqliteDialect, type SqliteDatabase, type Transaction } from 'kysely';
import { ParleyError } from '../../core/index.js';
import type { Database as Tables } from '../sql/database.js';

const STATEMENT_CACHE_SIZE = 256;

/**
 * 16 KiB pages, not SQLite's default 4 KiB. An event row is 0.3–2 KB of signed bytes, and a
 * commit writes each page it dirtied to the WAL with a call of its own: at 4 KiB the commit of a
 * batch of 500 events took 4–5 ms, most of it in those calls, and 2–2.6 ms at 16 KiB (measured
 * on the project's machine, 40 batches of 500 rows of 1.4 KB).
 */
const PAGE_SIZE = 16_384;

/**
 * Opens the database file with the settings the record needs:
 * - WAL, so readers never block the writer;
 * - synchronous=FULL: every commit fsyncs the WAL. A delivery receipt promises the peer that
 *   its events are stored; with NORMAL a power cut could lose commits we had already receipted;
 * - foreign keys on (SQLite leaves them off by default);
 * - a busy timeout, so a short-lived second process (a CLI command) waits instead of failing.
 */
export function openSqliteFile(path: string): Database.Database {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    // Only a new database takes it (before its first table; an existing one keeps its size).
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.pragma('journal_mode = WAL');
    // SQLite copies the WAL back into the database every 1,000 pages by default: 16 MB at 16 KiB
    // pages, a copy long enough to show in the latency of the next commit. 256 pages keep each
    // copy at the 4 MB it was with 4 KiB pages.
    db.pragma('wal_autocheckpoint = 256');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    return db;
  } catch (cause) {
    throw new ParleyError('E_STORE_UNAVAILABLE', `Cannot open the SQLite database at ${path}: ${(cause as Error).message}`, { path });
  }
}

/**
 * Kysely prepares every statement anew; better-sqlite3 statements are reusable, so this keeps the
 * most recent ones (batch inserts of a given size recur) and saves re-parsing SQL on hot paths.
 *
 * It also turns Kysely's `begin` into `begin immediate`: a deferred transaction that reads first
 * and writes later fails at once with SQLITE_BUSY if another process wrote meanwhile, whereas an
 * immediate one takes the write lock up front and waits for it under the busy timeout.
 */
function withStatementCache(db: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(text) {
      const sql = text === 'begin' ? 'begin immediate' : text;
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = db.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, statement);
      return statement;
    },
  };
}

interface SharedConnection {
  readonly db: Kysely<Tables>;
  stores: number;
}

const connections = new Map<string, SharedConnection>();

/**
 * One connection per database file per process, shared by every store opened on that file.
 * better-sqlite3 is synchronous: two connections in one process would wait for each other's
 * write lock while blocking the very thread that must release it. Sharing one connection lets
 * Kysely's connection mutex put their transactions one after the other instead.
 */
export function sharedSqliteKysely(path: string): { readonly db: Kysely<Tables>; release(): Promise<void> } {
  const key = resolve(path);
  let shared = connections.get(key);
  if (!shared) {
    const database = withStatementCache(openSqliteFile(key));
    shared = { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database }) }), stores: 0 };
    connections.set(key, shared);
  }
  const connection = shared;
  connection.stores++;
  let released = false;
  return {
    db: connection.db,
    async release() {
      if (released) return;
      released = true;
      if (--connection.stores > 0) return;
      connections.delete(key);
      await connection.db.destroy();
    },
  };
}

/**
 * A transaction committed under synchronous=NORMAL: in WAL mode its commit is in the WAL, which
 * outlives the process, but is not fsynced. The connection is held for the whole of it (Kysely's
 * connection mutex), so no other commit runs while the setting is relaxed.
 */
export function sqliteLazyCommit<T>(db: Kysely<Tables>, write: (trx: Transaction<Tables>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (connection) => {
    await sql`pragma synchronous = NORMAL`.execute(connection);
    try {
      return await connection.transaction().execute(write);
    } finally {
      await sql`pragma synchronous = FULL`.execute(connection);
    }
  });
}
