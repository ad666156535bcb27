import { sql } from 'kysely';
import { ParleyError } from '../../core/index.js';
import { charCount, TRIGRAM } from '../sql/search-terms.js';
import { containsPattern, type SearchDialect } from '../sql/search-tables.js';

/** The trigram tokenizer came with SQLite 3.34.0 (2020-12). */
const TRIGRAM_SINCE = [3, 34, 0];

const atLeast = (version: string, wanted: readonly number[]): boolean => {
  const parts = version.split('.').map(Number);
  for (let i = 0; i < wanted.length; i++) if ((parts[i] ?? 0) !== wanted[i]) return (parts[i] ?? 0) > wanted[i]!;
  return true;
};

/** An FTS5 phrase: the term in double quotes, inner quotes doubled, so no query syntax leaks in. */
const phrase = (term: string): string => `"${term.replaceAll('"', '""')}"`;

/**
 * SQLite: an FTS5 table with the trigram tokenizer, over `search_index.text` as external content
 * (the text is stored once). Trigrams need no word boundaries, so Chinese, written without
 * spaces, is found like English; matching ignores case. Kept current by triggers on
 * `search_index`, so a row and its index entry are written in the same statement.
 *
 * A trigram index cannot look up a substring shorter than three characters (FTS5 returns nothing
 * for it), so such terms are matched with LIKE on `search_index`, which scans the rows the other
 * terms and filters leave.
 */
export const sqliteSearch: SearchDialect = {
  async createTextIndex(db) {
    const { rows } = await sql<{ version: string }>`select sqlite_version() as version`.execute(db);
    const version = rows[0]?.version ?? '0';
    if (!atLeast(version, TRIGRAM_SINCE)) {
      throw new ParleyError('E_SEARCH_INDEX_UNAVAILABLE', `SQLite ${version} has no trigram tokenizer for the search index; it needs ${TRIGRAM_SINCE.join('.')} or later.`, { version });
    }
    await sql`create virtual table search_text using fts5(text, content = 'search_index', content_rowid = 'id', tokenize = 'trigram')`.execute(db);
    await sql`create trigger search_index_added after insert on search_index
              begin insert into search_text (rowid, text) values (new.id, new.text); end`.execute(db);
    await sql`create trigger search_index_removed after delete on search_index
              begin insert into search_text (search_text, rowid, text) values ('delete', old.id, old.text); end`.execute(db);
  },

  matching(terms) {
    const indexed = terms.filter((t) => charCount(t) >= TRIGRAM);
    const scanned = terms.filter((t) => charCount(t) < TRIGRAM);
    const where = scanned.map((t) => sql`si.text like ${containsPattern(t)} escape '\\'`);
    if (indexed.length === 0) return { join: null, where, rank: sql<number>`0`, settings: [] };
    return {
      join: sql`join search_text on search_text.rowid = si.id`,
      where: [sql`search_text match ${indexed.map(phrase).join(' ')}`, ...where],
      // bm25() is lower for a better match.
      rank: sql<number>`-bm25(search_text)`,
      settings: [],
    };
  },
};
