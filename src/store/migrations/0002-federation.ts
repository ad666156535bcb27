import { sql, type Kysely, type Migration } from 'kysely';
import type { SchemaDialect } from '../store-dialect.js';

/** The link's durable state: pinned peers, the outbox cursor, seen nonces, incidents. */
export function federationMigration(t: SchemaDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('peers')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('log_key', 'text', (c) => c.notNull())
        .addColumn('witness_key', 'text', (c) => c.notNull())
        .addColumn('added_at', t.int64, (c) => c.notNull())
        .addColumn('trust', 'text', (c) => c.notNull().defaultTo('trusted').check(sql`trust in ('trusted', 'untrusted')`))
        .addColumn('trust_reason', 'text')
        .addColumn('trust_changed_at', t.int64)
        .execute();

      // Not a foreign key to peers: a cursor may outlive a peer's re-pinning, and it is only ever advanced.
      await db.schema
        .createTable('outbox_cursors')
        .addColumn('peer', 'text', (c) => c.primaryKey())
        .addColumn('last_acked_seq', t.int64, (c) => c.notNull())
        .execute();

      // The primary key is the replay check: two processes inserting one nonce cannot both succeed.
      await db.schema
        .createTable('seen_nonces')
        .addColumn('peer', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('expires_at', t.int64, (c) => c.notNull())
        .addPrimaryKeyConstraint('seen_nonces_pk', ['peer', 'nonce'])
        .execute();
      await db.schema.createIndex('seen_nonces_by_expiry').on('seen_nonces').column('expires_at').execute();

      await db.schema
        .createTable('incidents')
        .addColumn('id', t.int64, (c) => t.identity(c))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('opened_at', t.int64, (c) => c.notNull())
        .addColumn('closed_at', t.int64)
        .addColumn('details', 'text', (c) => c.notNull())
        .execute();
      // At most one open incident per kind and subject, decided by the database (two processes may both notice an outage).
      await db.schema
        .createIndex('incidents_one_open')
        .on('incidents')
        .columns(['kind', 'subject'])
        .unique()
        .where(sql.ref('closed_at'), 'is', null)
        .execute();
    },
  };
}
