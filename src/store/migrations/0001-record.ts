import { sql, type Kysely, type Migration } from 'kysely';
import type { SchemaDialect } from '../store-dialect.js';

/**
 * The record (DESIGN §3): logs, their events verbatim, Merkle hashes, checkpoints with
 * cosignatures, and evidence of equivocation. These tables hold what crosses the link.
 */
export function recordMigration(t: SchemaDialect): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('logs')
        .addColumn('id', t.int64, (c) => t.identity(c))
        .addColumn('origin', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('own', 'peer', 'internal')`))
        .addColumn('peer', 'text')
        .addColumn('size', t.int64, (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', t.int64, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('events')
        .addColumn('log_id', t.int64, (c) => c.notNull().references('logs.id'))
        .addColumn('seq', t.int64, (c) => c.notNull())
        .addColumn('hash', t.bytes, (c) => c.notNull())
        .addColumn('leaf_hash', t.bytes, (c) => c.notNull())
        .addColumn('bytes', t.bytes, (c) => c.notNull())
        .addColumn('ts', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('peer_log', 'text')
        .addColumn('peer_seq', t.int64)
        .addColumn('peer_hash', t.bytes)
        .addPrimaryKeyConstraint('events_pk', ['log_id', 'seq'])
        .execute();
      // "The latest link test", "open requests": the node asks for events of a kind, newest first.
      await db.schema.createIndex('events_by_kind').on('events').columns(['log_id', 'kind', 'seq']).execute();

      await db.schema
        .createTable('merkle_hashes')
        .addColumn('log_id', t.int64, (c) => c.notNull().references('logs.id'))
        .addColumn('idx', t.int64, (c) => c.notNull())
        .addColumn('hash', t.bytes, (c) => c.notNull())
        .addPrimaryKeyConstraint('merkle_hashes_pk', ['log_id', 'idx'])
        .execute();

      await db.schema
        .createTable('checkpoints')
        .addColumn('log_id', t.int64, (c) => c.notNull().references('logs.id'))
        .addColumn('size', t.int64, (c) => c.notNull())
        .addColumn('root', t.bytes, (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('created_at', t.int64, (c) => c.notNull())
        .addPrimaryKeyConstraint('checkpoints_pk', ['log_id', 'size'])
        .execute();

      await db.schema
        .createTable('cosignatures')
        .addColumn('log_id', t.int64, (c) => c.notNull())
        .addColumn('size', t.int64, (c) => c.notNull())
        .addColumn('witness', 'text', (c) => c.notNull())
        .addColumn('line', 'text', (c) => c.notNull())
        .addColumn('cosigned_at', t.int64, (c) => c.notNull())
        .addPrimaryKeyConstraint('cosignatures_pk', ['log_id', 'size', 'witness'])
        .addForeignKeyConstraint('cosignatures_checkpoint', ['log_id', 'size'], 'checkpoints', ['log_id', 'size'])
        .execute();

      await db.schema
        .createTable('equivocations')
        .addColumn('id', t.int64, (c) => t.identity(c))
        .addColumn('log_id', t.int64, (c) => c.notNull().references('logs.id'))
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('checkpoint', 'event')`))
        .addColumn('position', t.int64, (c) => c.notNull())
        .addColumn('first', t.bytes, (c) => c.notNull())
        .addColumn('second', t.bytes, (c) => c.notNull())
        .addColumn('digest', t.bytes, (c) => c.notNull())
        .addColumn('recorded_at', t.int64, (c) => c.notNull())
        .addUniqueConstraint('equivocations_once', ['log_id', 'kind', 'position', 'digest'])
        .execute();

      for (const table of ['events', 'merkle_hashes', 'checkpoints', 'equivocations'] as const) {
        for (const statement of t.appendOnly(table)) await statement.execute(db);
      }
    },
  };
}
