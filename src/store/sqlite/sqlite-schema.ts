import { sql } from 'kysely';
import type { ConstraintViolation, SchemaDialect } from '../store-dialect.js';
import { sqliteSearch } from './sqlite-search.js';

export const sqliteSchema: SchemaDialect = {
  bytes: 'blob',
  int64: 'integer',
  // `integer primary key` makes the column the rowid: assigned by SQLite, no extra index.
  identity: (column) => column.primaryKey(),
  appendOnly: (table) =>
    ['update', 'delete'].map((operation) =>
      sql`create trigger ${sql.id(`${table}_no_${operation}`)} before ${sql.raw(operation)} on ${sql.table(table)}
          begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`,
    ),
  search: sqliteSearch,
};

/** SQLITE_MAX_VARIABLE_NUMBER in the SQLite that better-sqlite3 bundles (the default since 3.32). */
export const SQLITE_MAX_PARAMETERS = 32766;

export function sqliteViolation(error: unknown): ConstraintViolation | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return 'unique';
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign-key';
  return undefined;
}
