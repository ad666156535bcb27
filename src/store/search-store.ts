/**
 * What the search index keeps of one event: its searchable text and the columns a search filters
 * on. The caller extracts them from the event (the store never parses event bytes); the event
 * itself stays in `events`, verbatim.
 */
export interface SearchEntry {
  readonly seq: number;
  readonly kind: string;
  /** The event's `ts`. */
  readonly at: Date;
  readonly channel: string | null;
  readonly level: string | null;
  /** The language of the text when it is in one language (`en`, `zh`); null when bilingual or none. */
  readonly lang: string | null;
  readonly text: string;
}

export interface SearchQuery {
  /**
   * Words to find, separated by spaces; `"…"` keeps a phrase together. A hit contains every word
   * as a substring, ignoring case, in any language (Chinese needs no spaces). Empty: every entry
   * that passes the filters, newest first.
   */
  readonly text: string;
  /** Only these logs (by origin); default every log. */
  readonly origins?: readonly string[];
  readonly kinds?: readonly string[];
  readonly channel?: string;
  readonly level?: string;
  readonly lang?: string;
  /** Events at or after this time. */
  readonly from?: Date;
  /** Events before this time. */
  readonly to?: Date;
  /** 1 to 100. */
  readonly limit: number;
  readonly offset?: number;
}

/** A part of a snippet that matched a word: UTF-16 offsets into `snippet`, end exclusive. */
export interface SearchMark {
  readonly start: number;
  readonly end: number;
}

/** An indexed entry as found: where it is, and the part of its text around the match. */
export interface SearchHit extends Omit<SearchEntry, 'text'> {
  readonly origin: string;
  /** Up to about 160 characters around the first match, with `…` where the text was cut. */
  readonly snippet: string;
  readonly marks: readonly SearchMark[];
  /**
   * Higher is better; meaningful only within one result list. Words under three characters
   * (which a trigram index cannot look up) and empty queries rank 0: such hits come newest first.
   */
  readonly rank: number;
}

export interface SearchResult {
  readonly hits: readonly SearchHit[];
  /** Whether another page follows (`offset + limit`). */
  readonly more: boolean;
}

/**
 * Full-text search over the record, in English and Chinese: a side table filled from events
 * (SQLite FTS5 with the trigram tokenizer; PostgreSQL pg_trgm), never a change to `events`.
 * The index can always be rebuilt from the logs.
 */
export interface SearchStore {
  /**
   * Adds entries of one log. Idempotent per (log, seq): an entry already indexed is skipped, so
   * several processes may index the same events. `scanned` (default: one past the last entry's
   * seq) records that every event below it has been looked at, including those with nothing to
   * index; it only moves forward. Returns how many entries were new.
   */
  indexEvents(origin: string, entries: readonly SearchEntry[], scanned?: number): Promise<{ readonly added: number }>;
  /** How far `indexEvents` has looked at this log: the seq to continue from (0 if never). */
  searchScanned(origin: string): Promise<number>;
  /** E_SEARCH_QUERY_INVALID for a limit outside 1–100, a negative offset, or a query of more than 200 characters or 16 words. */
  search(query: SearchQuery): Promise<SearchResult>;
}
