import type { StoreDialect } from '../store-dialect.js';
import { postgresCoordination } from './postgres-coordination.js';
import { checkSchemaName, ensureSchema, postgresKysely, postgresLazyCommit } from './postgres-connection.js';
import { POSTGRES_MAX_PARAMETERS, postgresSchema, postgresViolation } from './postgres-schema.js';

/** For a side that wants HA: several node processes share one PostgreSQL (DESIGN §4). */
export async function openPostgresDialect(url: string, schema = 'public'): Promise<StoreDialect> {
  checkSchemaName(schema);
  await ensureSchema(url, schema);
  const db = postgresKysely(url, schema);
  return {
    name: 'postgres',
    capabilities: { advisoryLocks: true, notify: true },
    db,
    schema: postgresSchema,
    schemaName: schema,
    maxParameters: POSTGRES_MAX_PARAMETERS,
    lazyCommit: (write) => postgresLazyCommit(db, write),
    violation: postgresViolation,
    coordination: postgresCoordination(url, schema, db),
    destroy: () => db.destroy(),
  };
}
