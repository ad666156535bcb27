import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Database } from '../sql/database.js';
import type { SchemaDialect } from '../store-dialect.js';
import { recordMigration } from './0001-record.js';
import { federationMigration } from './0002-federation.js';
import { sideInternalMigration } from './0003-side-internal.js';
import { searchMigration } from './0004-search.js';

/**
 * Migrations are code, written once over the dialect's column spellings, and run in name order
 * on every open. They only go forward: the record is never migrated down.
 */
export function migrations(t: SchemaDialect): Record<string, Migration> {
  return {
    '0001-record': recordMigration(t),
    '0002-federation': federationMigration(t),
    '0003-side-internal': sideInternalMigration(t),
    '0004-search': searchMigration(t),
  };
}

/** Brings the database to the latest schema; a no-op when it is there already. Returns the names applied now. */
export async function migrateToLatest(db: Kysely<Database>, t: SchemaDialect, schemaName?: string): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations(t) },
    migrationTableName: 'store_migrations',
    migrationLockTableName: 'store_migration_lock',
    ...(schemaName === undefined ? {} : { migrationTableSchema: schemaName }),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error;
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
