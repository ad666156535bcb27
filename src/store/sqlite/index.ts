import type { StoreDialect } from '../store-dialect.js';
import { sqliteCoordination } from './sqlite-coordination.js';
import { sharedSqliteKysely, sqliteLazyCommit } from './sqlite-connection.js';
import { SQLITE_MAX_PARAMETERS, sqliteSchema, sqliteViolation } from './sqlite-schema.js';

/** The embedded default: one file, one node process. */
export async function openSqliteDialect(path: string): Promise<StoreDialect> {
  const { db, release } = sharedSqliteKysely(path);
  return {
    name: 'sqlite',
    capabilities: { advisoryLocks: false, notify: false },
    db,
    schema: sqliteSchema,
    maxParameters: SQLITE_MAX_PARAMETERS,
    lazyCommit: (write) => sqliteLazyCommit(db, write),
    violation: sqliteViolation,
    coordination: sqliteCoordination(path),
    destroy: release,
  };
}
