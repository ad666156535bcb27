import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fromUtf8, LevelSchema, ParleyError } from '../../core/index.js';
import type { SearchHit, Store } from '../../store/index.js';
import { parseWith } from '../link/link-protocol.js';
import type { PeerLink } from '../link/peer-link.js';
import { checkOperator } from '../server/operator-token.js';
import { SearchIndexer } from './search-indexer.js';

export interface SearchContext {
  readonly store: Store;
  readonly links: ReadonlyMap<string, { readonly link: PeerLink }>;
  readonly token: string;
  /** This side's IANA time zone: hits show their time on both sides' clocks. */
  readonly timeZone: string;
  readonly log: FastifyBaseLogger;
}

const DAY = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A UTC date (a whole day) or an RFC 3339 time. */
const when = z.string().refine((s) => (DATE.test(s) || /^\d{4}-\d{2}-\d{2}T/.test(s)) && !Number.isNaN(Date.parse(s)), 'a date like 2023-12-21 or a time like 2023-12-21T13:00:00Z');
const list = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

const querySchema = z.strictObject({
  q: z.string().trim().min(1).max(200),
  peer: z.string().min(1).optional(),
  kind: list.pipe(z.array(z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/).max(64)).max(50)).optional(),
  channel: z.string().min(1).max(100).optional(),
  level: LevelSchema.optional(),
  from: when.optional(),
  to: when.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** `to` as a date includes that whole (UTC) day. */
const fromTime = (s: string) => new Date(Date.parse(DATE.test(s) ? `${s}T00:00:00Z` : s));
const toTime = (s: string) => new Date(Date.parse(DATE.test(s) ? `${s}T00:00:00Z` : s) + (DATE.test(s) ? DAY : 0));

const clock = (timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/**
 * Search over the record, for this side (behind the operator token): `GET /v1/search?q=…` with
 * optional `peer`, `kind` (comma-separated or repeated), `channel`, `level`, `from`, `to` (a UTC
 * date or an RFC 3339 time; a date `to` includes its day), `limit` (1–100, default 20), `offset`.
 * Hits from both logs of each link, best first, each with its event as signed, its time in UTC
 * and on both sides' clocks. Also keeps the index current (SearchIndexer), from the node's start
 * until it stops.
 */
export function registerSearch(app: FastifyInstance, context: SearchContext): void {
  const links = [...context.links].map(([peer, { link }]) => ({ peer, link }));
  const indexer = new SearchIndexer({
    store: context.store,
    links: links.map((l) => l.link),
    onError: (error) => context.log.error({ err: error }, 'search indexing error'),
  });
  app.addHook('onReady', () => indexer.start());
  app.addHook('onClose', () => indexer.stop());

  const peerZones = new Map<string, string>();
  const peerZone = async (link: PeerLink): Promise<string | undefined> => {
    const known = peerZones.get(link.peer.name);
    if (known) return known;
    const zone = (await link.peerIdentity())?.timeZone;
    if (zone) peerZones.set(link.peer.name, zone);
    return zone;
  };

  void app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => checkOperator(request.headers.authorization, context.token));

    scope.get('/v1/search', async (request) => {
      const query = parseWith(querySchema, request.query, 'query');
      const searched = query.peer === undefined ? links : links.filter((l) => l.peer === query.peer);
      if (query.peer !== undefined && searched.length === 0) throw new ParleyError('E_PEER_NOT_PINNED', `This node has no link with a peer named ${query.peer}.`);
      const result = await context.store.search({
        text: query.q,
        origins: searched.flatMap(({ link }) => [link.ownOrigin, link.peerOrigin]),
        ...(query.kind ? { kinds: query.kind } : {}),
        ...(query.channel ? { channel: query.channel } : {}),
        ...(query.level ? { level: query.level } : {}),
        ...(query.from ? { from: fromTime(query.from) } : {}),
        ...(query.to ? { to: toTime(query.to) } : {}),
        limit: query.limit,
        offset: query.offset,
      });
      const events = await eventsOf(context.store, result.hits);
      const hits = await Promise.all(
        result.hits.map(async (hit) => {
          const { peer, link } = searched.find(({ link }) => link.ownOrigin === hit.origin || link.peerOrigin === hit.origin)!;
          const zones = [context.timeZone, await peerZone(link)].filter((z): z is string => z !== undefined);
          return {
            peer,
            log: hit.origin === link.ownOrigin ? 'own' : 'peer',
            origin: hit.origin,
            seq: hit.seq,
            kind: hit.kind,
            ts: hit.at.toISOString(),
            local: Object.fromEntries(zones.map((zone) => [zone, clock(zone).format(hit.at)])),
            channel: hit.channel,
            level: hit.level,
            lang: hit.lang,
            snippet: hit.snippet,
            marks: hit.marks,
            rank: hit.rank,
            event: events.get(`${hit.origin} ${hit.seq}`) ?? null,
          };
        }),
      );
      return { q: query.q, limit: query.limit, offset: query.offset, more: result.more, hits };
    });
  });
}

/** The signed events of the hits, one query per log. */
async function eventsOf(store: Store, hits: readonly SearchHit[]): Promise<Map<string, unknown>> {
  const events = new Map<string, unknown>();
  for (const origin of new Set(hits.map((h) => h.origin))) {
    const seqs = hits.filter((h) => h.origin === origin).map((h) => h.seq);
    const records = await store.readEventsAt(origin, seqs);
    records.forEach((record, i) => record && events.set(`${origin} ${seqs[i]}`, JSON.parse(fromUtf8(record.bytes)) as unknown));
  }
  return events;
}
