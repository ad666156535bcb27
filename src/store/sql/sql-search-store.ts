import { sql, type RawBuilder } from 'kysely';
import { ParleyError } from '../../core/index.js';
import type { SearchEntry, SearchHit, SearchQuery, SearchStore } from '../search-store.js';
import { chunks, dateOf, millis } from './rows.js';
import type { SqlContext } from './sql-context.js';
import type { SearchIndexTable, SearchTables } from './search-tables.js';
import { queryTerms, snippetOf } from './search-terms.js';

const INDEX_COLUMNS = 8;
export const MAX_SEARCH_LIMIT = 100;

/** A row of the index as a search reads it: its columns, plus the log's origin and the rank. */
type HitRow = Omit<SearchIndexTable, 'id' | 'log_id'> & { origin: string; rank: number };

export function sqlSearchStore(ctx: SqlContext): SearchStore {
  const db = ctx.db.withTables<SearchTables>();
  const { search } = ctx.dialect.schema;

  return {
    async indexEvents(origin, entries, scanned) {
      const logId = await ctx.logId(origin);
      const through = scanned ?? (entries.length ? entries[entries.length - 1]!.seq + 1 : 0);
      return db.transaction().execute(async (tx) => {
        let added = 0;
        for (const chunk of chunks(entries, INDEX_COLUMNS, ctx.dialect.maxParameters)) {
          const result = await tx
            .insertInto('search_index')
            .values(chunk.map((entry) => indexRow(logId, entry)))
            .onConflict((oc) => oc.columns(['log_id', 'seq']).doNothing())
            .executeTakeFirst();
          added += Number(result.numInsertedOrUpdatedRows ?? 0);
        }
        if (through > 0) {
          await tx
            .insertInto('search_cursors')
            .values({ log_id: logId, scanned: through })
            .onConflict((oc) =>
              oc.column('log_id').doUpdateSet({ scanned: (eb) => eb.ref('excluded.scanned') }).where('search_cursors.scanned', '<', (eb) => eb.ref('excluded.scanned')),
            )
            .execute();
        }
        return { added };
      });
    },

    async searchScanned(origin) {
      const logId = await ctx.logId(origin);
      const row = await db.selectFrom('search_cursors').select('scanned').where('log_id', '=', logId).executeTakeFirst();
      return row?.scanned ?? 0;
    },

    async search(query) {
      checkPage(query);
      const terms = queryTerms(query.text);
      const match = search.matching(terms);
      const conditions = [...match.where, ...filters(query)];
      const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
      const offset = query.offset ?? 0;
      // One row more than asked tells whether another page follows.
      const statement = sql<HitRow>`
        select logs.origin, si.seq, si.kind, si.channel, si.level, si.lang, si.at, si.text, ${match.rank} as rank
        from search_index si join logs on logs.id = si.log_id ${match.join ?? sql``}
        ${where}
        order by rank desc, si.at desc, si.log_id, si.seq
        limit ${query.limit + 1} offset ${offset}`;
      const { rows } = match.settings.length
        ? await db.transaction().execute(async (tx) => {
            for (const setting of match.settings) await setting.execute(tx);
            return statement.execute(tx);
          })
        : await statement.execute(db);
      const hits = rows.slice(0, query.limit).map((row) => hitOf(row, terms));
      return { hits, more: rows.length > query.limit };
    },
  };
}

function checkPage(query: SearchQuery): void {
  const offset = query.offset ?? 0;
  if (!Number.isInteger(query.limit) || query.limit < 1 || query.limit > MAX_SEARCH_LIMIT || !Number.isInteger(offset) || offset < 0) {
    throw new ParleyError('E_SEARCH_QUERY_INVALID', `A search returns 1 to ${MAX_SEARCH_LIMIT} hits from an offset of 0 or more, not limit ${query.limit}, offset ${offset}.`, {
      limit: query.limit,
      offset,
    });
  }
}

function filters(query: SearchQuery): RawBuilder<unknown>[] {
  const list = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));
  const conditions: RawBuilder<unknown>[] = [];
  // An empty list asks for nothing, not for everything.
  if (query.origins) conditions.push(query.origins.length ? sql`logs.origin in (${list(query.origins)})` : sql`1 = 0`);
  if (query.kinds) conditions.push(query.kinds.length ? sql`si.kind in (${list(query.kinds)})` : sql`1 = 0`);
  if (query.channel !== undefined) conditions.push(sql`si.channel = ${query.channel}`);
  if (query.level !== undefined) conditions.push(sql`si.level = ${query.level}`);
  if (query.lang !== undefined) conditions.push(sql`si.lang = ${query.lang}`);
  if (query.from) conditions.push(sql`si.at >= ${millis(query.from)}`);
  if (query.to) conditions.push(sql`si.at < ${millis(query.to)}`);
  return conditions;
}

function indexRow(logId: number, entry: SearchEntry): Omit<SearchIndexTable, 'id'> {
  return {
    log_id: logId,
    seq: entry.seq,
    kind: entry.kind,
    channel: entry.channel,
    level: entry.level,
    lang: entry.lang,
    at: millis(entry.at),
    text: entry.text,
  };
}

function hitOf(row: HitRow, terms: readonly string[]): SearchHit {
  const { snippet, marks } = snippetOf(row.text, terms);
  return {
    origin: row.origin,
    seq: row.seq,
    kind: row.kind,
    at: dateOf(row.at),
    channel: row.channel,
    level: row.level,
    lang: row.lang,
    snippet,
    marks,
    rank: Number(row.rank),
  };
}
