import { sql } from 'kysely';
import type { ConstraintViolation, SchemaDialect } from '../store-dialect.js';
import { postgresSearch } from './postgres-search.js';

export const postgresSchema: SchemaDialect = {
  bytes: 'bytea',
  int64: 'bigint',
  identity: (column) => column.primaryKey().generatedByDefaultAsIdentity(),
  appendOnly: (table) => [
    sql`create or replace function refuse_change() returns trigger language plpgsql as $$
        begin raise exception '% is append-only', tg_table_name; end $$`,
    sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function refuse_change()`,
    // Row triggers do not see TRUNCATE.
    sql`create trigger ${sql.id(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function refuse_change()`,
  ],
  search: postgresSearch,
};

/** The wire protocol counts bind parameters in 16 bits. */
export const POSTGRES_MAX_PARAMETERS = 65535;

export function postgresViolation(error: unknown): ConstraintViolation | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '23505') return 'unique';
  if (code === '23503') return 'foreign-key';
  return undefined;
}
