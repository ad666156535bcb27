import type { ColumnDataType, ColumnDefinitionBuilder, Kysely, RawBuilder, Transaction } from 'kysely';
import type { DialectCoordination, StoreCapabilities } from './coordination.js';
import type { Database } from './sql/database.js';
import type { SearchDialect } from './sql/search-tables.js';
import type { DialectName } from './store.js';

/** How a dialect spells the few column definitions that differ; the migrations are written once over it. */
export interface SchemaDialect {
  /** Byte strings (hashes, event bytes): BLOB / BYTEA. */
  readonly bytes: ColumnDataType;
  /** 64-bit integers: INTEGER (always 64-bit in SQLite) / BIGINT. */
  readonly int64: ColumnDataType;
  /** Makes an int64 column the table's database-assigned primary key. */
  identity(column: ColumnDefinitionBuilder): ColumnDefinitionBuilder;
  /**
   * Statements making a table refuse UPDATE, DELETE (and TRUNCATE): the record is append-only
   * in the database too, so a careless script cannot rewrite it. (A determined administrator
   * can drop a trigger; the signatures, the Merkle log and the peer's witness catch that.)
   */
  appendOnly(table: keyof Database): RawBuilder<unknown>[];
  /** The search index's text index, and how it matches and ranks words. */
  readonly search: SearchDialect;
}

export type ConstraintViolation = 'unique' | 'foreign-key';

/**
 * What each dialect folder provides. Everything else (the queries) is written once, over Kysely,
 * in `sql/`. Capabilities are declared here, never sniffed from a server.
 */
export interface StoreDialect {
  readonly name: DialectName;
  readonly capabilities: StoreCapabilities;
  readonly db: Kysely<Database>;
  readonly schema: SchemaDialect;
  /**
   * The database schema that holds the tables, where the dialect has schemas. Kysely's migrator
   * must be told: otherwise it takes a migration table in any schema of the database for its own.
   */
  readonly schemaName?: string;
  /** Bound parameters one statement may carry; batch inserts are chunked under it. */
  readonly maxParameters: number;
  /**
   * Runs a write in one transaction whose commit does not wait for the disk: it survives the
   * process being killed, but a power cut may lose it. Only for rows whose loss costs a repeat,
   * never the record (replay nonces: every effect of an exchange is idempotent).
   */
  lazyCommit<T>(write: (trx: Transaction<Database>) => Promise<T>): Promise<T>;
  /** Which constraint a failed statement violated, if that is why it failed. */
  violation(error: unknown): ConstraintViolation | undefined;
  readonly coordination: DialectCoordination;
  /** Closes the connections (after `coordination.close()`). */
  destroy(): Promise<void>;
}
