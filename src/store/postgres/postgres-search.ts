import { sql, type Kysely } from 'kysely';
import { ParleyError } from '../../core/index.js';
import { charCount, TRIGRAM } from '../sql/search-terms.js';
import { containsPattern, type SearchDialect } from '../sql/search-tables.js';

const codeOf = (error: unknown): string | undefined => (error as { code?: string } | null)?.code;

/**
 * The refusal for a failed CREATE EXTENSION: the package is missing (58P01, undefined_file) or
 * the user may not create it (42501). Search does not quietly degrade to a sequential scan.
 */
export function extensionRefusal(cause: unknown): ParleyError {
  const why = codeOf(cause) === '58P01'
    ? 'the extension is not installed on the database server (Debian: the postgresql-contrib package of its major version)'
    : codeOf(cause) === '42501'
      ? 'this database user may not create it'
      : (cause as Error).message;
  return new ParleyError('E_SEARCH_INDEX_UNAVAILABLE', `PostgreSQL cannot create the pg_trgm extension the search index needs: ${why}.`, { cause: (cause as Error).message });
}

/**
 * Installs pg_trgm if the database has none, and returns the schema it lives in. An extension
 * is one per database, so it goes where extensions conventionally live (public), shared by every
 * Parley schema of the database; only without a public schema does it go into the store's own.
 * Two stores migrating at once may both try to create it: the loser's duplicate is fine.
 */
async function trigramSchema(db: Kysely<unknown>): Promise<string> {
  const installed = async () =>
    (await sql<{ schema: string }>`select n.nspname as schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm'`.execute(db)).rows[0]?.schema;
  const found = await installed();
  if (found !== undefined) return found;
  const { rows } = await sql<{ public: boolean }>`select exists (select 1 from pg_namespace where nspname = 'public') as public`.execute(db);
  // Migrations run in a transaction: a savepoint keeps it usable after a failed CREATE.
  await sql`savepoint search_extension`.execute(db);
  try {
    await (rows[0]?.public ? sql`create extension if not exists pg_trgm schema public` : sql`create extension if not exists pg_trgm`).execute(db);
    await sql`release savepoint search_extension`.execute(db);
  } catch (cause) {
    await sql`rollback to savepoint search_extension`.execute(db);
    if (codeOf(cause) !== '23505' && codeOf(cause) !== '42710') throw extensionRefusal(cause);
  }
  const schema = await installed();
  if (schema === undefined) throw extensionRefusal(new Error('pg_trgm is not listed in pg_extension after CREATE EXTENSION'));
  return schema;
}

/**
 * The row's text case-folded once: a subquery PostgreSQL must not flatten (`offset 0`), since
 * every reference to a flattened one would fold the text again, and folding dominates the cost.
 */
const FOLDED = sql`cross join lateral (select once.text, char_length(once.text) as length from (select lower(si.text) as text offset 0) once offset 0) folded`;

/** How often `term` (lowercase) occurs in the row's folded text. */
const occurrences = (term: string) => sql<number>`((folded.length - char_length(replace(folded.text, ${term}, '')))::float8 / ${charCount(term)})`;

/**
 * PostgreSQL: a GIN index with pg_trgm's trigram operator class, which serves ILIKE '%term%'
 * directly: substring matching that ignores case and needs no word boundaries, so Chinese is
 * found like English, and both dialects find the same rows. A `to_tsvector('simple', …)` index
 * was left out on purpose: it splits on word boundaries, finds no Chinese words inside a
 * sentence, and would match other rows than SQLite.
 *
 * pg_trgm ranks by similarity of whole strings, which says little for a short query in a long
 * text, so the rank is computed here: for each term of three or more characters, its count in
 * the text, saturating and normalized by length (the shape of BM25 without the document
 * frequency). Shorter terms are matched (ILIKE, with the index unable to help) but not ranked,
 * as in SQLite.
 */
export const postgresSearch: SearchDialect = {
  async createTextIndex(db) {
    const schema = await trigramSchema(db);
    await sql`create index search_index_text on search_index using gin (text ${sql.id(schema, 'gin_trgm_ops')})`.execute(db);
  },

  matching(terms) {
    // Backslash is PostgreSQL's default LIKE escape; spelling it out would hide the constant pattern behind like_escape().
    const where = terms.map((t) => sql`si.text ilike ${containsPattern(t)}`);
    const ranked = terms.filter((t) => charCount(t) >= TRIGRAM).map((t) => t.toLowerCase());
    if (ranked.length === 0) return { join: null, where, rank: sql<number>`0`, settings: [] };
    // tf / (tf + c), spelled 1 - c / (tf + c) so that each count is computed once.
    const c = sql`(1.2 * (0.25 + 0.75 * folded.length / 300.0))`;
    const parts = ranked.map((t) => sql`(1 - ${c} / (${occurrences(t)} + ${c}))`);
    // The planner prices ILIKE as a cheap operator, but under a UTF-8 locale it case-folds every
    // row (about 10 µs for a short text): with any word the index can look up, a sequential scan
    // is never the faster plan, yet it is the one chosen. Shorter words alone cannot use the index.
    return { join: FOLDED, where, rank: sql<number>`(${sql.join(parts, sql` + `)})`, settings: [sql`set local enable_seqscan = off`] };
  },
};
