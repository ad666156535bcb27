import type { Kysely, Migration } from 'kysely';
import type { SchemaDialect } from '../store-dialect.js';

/**
 * Full-text search over the record (issue 7): a side table filled from the events, with each
 * dialect's text index over it. `events` does not change; the index is derived data and can be
 * rebuilt from the logs at any time, so it is not append-only.
 */
export function searchMigration(t: SchemaDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('search_index')
        // SQLite's FTS5 table refers to rows by this key (a rowid that VACUUM never renumbers).
        .addColumn('id', t.int64, (c) => t.identity(c))
        .addColumn('log_id', t.int64, (c) => c.notNull().references('logs.id'))
        .addColumn('seq', t.int64, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('channel', 'text')
        .addColumn('level', 'text')
        .addColumn('lang', 'text')
        .addColumn('at', t.int64, (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        // One entry per event: what makes indexing idempotent, whichever process indexes first.
        .addUniqueConstraint('search_index_once', ['log_id', 'seq'])
        .execute();
      // Date ranges, and the newest-first order of searches without a ranked word.
      await db.schema.createIndex('search_index_by_time').on('search_index').columns(['at']).execute();

      await db.schema
        .createTable('search_cursors')
        .addColumn('log_id', t.int64, (c) => c.primaryKey().references('logs.id'))
        .addColumn('scanned', t.int64, (c) => c.notNull())
        .execute();

      await t.search.createTextIndex(db);
    },
  };
}
