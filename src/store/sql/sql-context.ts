import { isParleyError, ParleyError } from '../../core/index.js';
import type { Kysely, Transaction } from 'kysely';
import type { StoreDialect } from '../store-dialect.js';
import { BatchInsert } from './batch-insert.js';
import type { Database } from './database.js';
import { EVENT_ROW_COLUMNS } from './rows.js';

export type Executor = Kysely<Database> | Transaction<Database>;

/** What every part of the SQL store shares: the dialect and the origin → id cache. */
export interface SqlContext {
  readonly dialect: StoreDialect;
  readonly db: Kysely<Database>;
  /** The log's id; E_LOG_UNKNOWN if there is none. Logs are never deleted, so ids are cached for good. */
  logId(origin: string, executor?: Executor): Promise<number>;
  /** The batch inserts of the hot path, compiled for this dialect. */
  readonly inserts: { readonly events: BatchInsert<'events'>; readonly merkleHashes: BatchInsert<'merkle_hashes'> };
}

export function sqlContext(dialect: StoreDialect): SqlContext {
  const ids = new Map<string, number>();
  return {
    dialect,
    db: dialect.db,
    inserts: { events: new BatchInsert('events', EVENT_ROW_COLUMNS), merkleHashes: new BatchInsert('merkle_hashes', ['log_id', 'idx', 'hash']) },
    async logId(origin, executor = dialect.db) {
      const cached = ids.get(origin);
      if (cached !== undefined) return cached;
      const row = await executor.selectFrom('logs').select('id').where('origin', '=', origin).executeTakeFirst();
      if (!row) throw new ParleyError('E_LOG_UNKNOWN', `No log "${origin}" is stored.`, { origin });
      ids.set(origin, row.id);
      return row.id;
    },
  };
}

/**
 * Runs a write and turns the named constraint violation into a ParleyError a caller can act on;
 * the constraint, not a read before the write, is what decides under concurrency.
 */
export async function refusing<T>(
  ctx: SqlContext,
  write: () => Promise<T>,
  refusals: { readonly unique?: () => ParleyError; readonly foreignKey?: () => ParleyError },
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isParleyError(error)) throw error;
    const violation = ctx.dialect.violation(error);
    const refusal = violation === 'unique' ? refusals.unique : violation === 'foreign-key' ? refusals.foreignKey : undefined;
    throw refusal ? refusal() : error;
  }
}
