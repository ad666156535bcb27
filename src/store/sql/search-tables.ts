import type { Generated, Kysely, RawBuilder } from 'kysely';

/*
 * The search index's tables (type aliases, as Kysely's withTables wants) as Kysely sees them. They are kept apart from `Database` (the record
 * and the node's state): the index is derived, rebuildable, and only the search store reads it.
 * SQLite adds an FTS5 table over `text` that only SQL names (see sqlite/sqlite-search.ts).
 */

export type SearchIndexTable = {
  id: Generated<number>;
  log_id: number;
  seq: number;
  kind: string;
  channel: string | null;
  level: string | null;
  lang: string | null;
  /** The event's `ts`, as milliseconds since the Unix epoch (UTC), like every time column. */
  at: number;
  text: string;
};

export type SearchCursorsTable = {
  log_id: number;
  /** Every event of the log below this seq has been looked at by the indexer. */
  scanned: number;
};

export type SearchTables = {
  search_index: SearchIndexTable;
  search_cursors: SearchCursorsTable;
};

/** The part of a dialect that differs for search: its index, and how it matches and ranks words. */
export interface SearchDialect {
  /** Creates the dialect's text index over `search_index.text` (run by migration 0004). */
  createTextIndex(db: Kysely<unknown>): Promise<void>;
  /**
   * How rows containing every term are found (case-insensitive substrings) and ranked, higher
   * first. Terms are already split; `si` is `search_index`.
   */
  matching(terms: readonly string[]): TermMatching;
}

export interface TermMatching {
  /** A table to join for the match (SQLite's FTS5 table), or null. */
  readonly join: RawBuilder<unknown> | null;
  readonly where: readonly RawBuilder<unknown>[];
  readonly rank: RawBuilder<number>;
  /** Settings for the query's own transaction (`set local …`); none runs it outside a transaction. */
  readonly settings: readonly RawBuilder<unknown>[];
}

/** A LIKE pattern finding `term` anywhere, with `\` as the escape character. */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
