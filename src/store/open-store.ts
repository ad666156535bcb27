import { migrateToLatest } from './migrations/index.js';
import { openPostgresDialect } from './postgres/index.js';
import { sqlStore } from './sql/index.js';
import { openSqliteDialect } from './sqlite/index.js';
import type { StoreDialect } from './store-dialect.js';
import type { Store, StoreOptions } from './store.js';

/**
 * Opens the store and brings its schema to the latest migration before anything else can use it.
 * E_STORE_UNAVAILABLE if the database cannot be reached or opened.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const dialect = await openDialect(options);
  try {
    await migrateToLatest(dialect.db, dialect.schema, dialect.schemaName);
  } catch (error) {
    await dialect.coordination.close();
    await dialect.destroy();
    throw error;
  }
  return sqlStore(dialect);
}

function openDialect(options: StoreOptions): Promise<StoreDialect> {
  switch (options.dialect) {
    case 'sqlite':
      return openSqliteDialect(options.path);
    case 'postgres':
      return openPostgresDialect(options.url, options.schema);
    default: {
      const unknown: never = options;
      throw new TypeError(`Unknown store dialect ${JSON.stringify(unknown)}.`);
    }
  }
}
