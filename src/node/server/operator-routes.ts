import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { fromUtf8, ParleyError } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { LinkSender } from '../link/link-sender.js';
import { parseWith } from '../link/link-protocol.js';
import type { PeerLink } from '../link/peer-link.js';
import { linkStatus } from './link-status.js';
import { checkOperator } from './operator-token.js';

export interface OperatorRoutesContext {
  readonly store: Store;
  readonly links: ReadonlyMap<string, { readonly link: PeerLink; readonly sender: LinkSender }>;
  readonly token: string;
  readonly now: () => Date;
}

const recordSchema = z.strictObject({
  kind: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/).max(64),
  actor: z.string().min(1).max(200),
  body: z.record(z.string(), z.unknown()),
});
const pageSchema = z.strictObject({
  log: z.enum(['own', 'peer']).default('own'),
  from: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * The node's API for its own side (until user sign-in exists, behind the operator token): link
 * state, recording an event on a link, reading both logs of a link, incidents.
 */
export function registerOperatorRoutes(app: FastifyInstance, context: OperatorRoutesContext): void {
  const linkOf = (peer: string) => {
    const found = context.links.get(peer);
    if (!found) throw new ParleyError('E_PEER_NOT_PINNED', `This node has no link with a peer named ${peer}.`);
    return found;
  };
  void app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => checkOperator(request.headers.authorization, context.token));

    scope.get('/v1/links', async () => Promise.all([...context.links.values()].map(({ link, sender }) => linkStatus(context.store, link, sender))));

    scope.get<{ Params: { peer: string } }>('/v1/links/:peer', async (request) => {
      const { link, sender } = linkOf(request.params.peer);
      return linkStatus(context.store, link, sender);
    });

    scope.post<{ Params: { peer: string } }>('/v1/links/:peer/events', async (request, reply) => {
      const { link } = linkOf(request.params.peer);
      const entry = parseWith(recordSchema, request.body, 'event');
      const event = await link.record(entry.kind, entry.actor, entry.body as never);
      return reply.code(201).send({ log: link.ownOrigin, seq: event.seq, ts: event.ts, hash: Buffer.from(event.hash).toString('hex') });
    });

    scope.get<{ Params: { peer: string } }>('/v1/links/:peer/events', async (request) => {
      const { link } = linkOf(request.params.peer);
      const page = parseWith(pageSchema, request.query, 'query');
      const origin = page.log === 'own' ? link.ownOrigin : link.peerOrigin;
      const events = await context.store.readEvents(origin, page.from, page.limit);
      return { log: origin, events: events.map((e) => JSON.parse(fromUtf8(e.bytes)) as unknown) };
    });

    scope.post<{ Params: { id: string } }>('/v1/incidents/:id/close', async (request) => {
      const id = Number(request.params.id);
      const closed = Number.isSafeInteger(id) ? await context.store.closeIncident(id, context.now()) : undefined;
      if (!closed) throw new ParleyError('E_NOT_FOUND', `There is no incident ${request.params.id} on this node.`);
      return { ...closed, openedAt: closed.openedAt.toISOString(), closedAt: closed.closedAt?.toISOString() ?? null };
    });

    scope.get<{ Querystring: { open?: string } }>('/v1/incidents', async (request) => {
      const incidents = await context.store.listIncidents(request.query.open === undefined ? {} : { open: request.query.open !== 'false' });
      return incidents.map((i) => ({ ...i, openedAt: i.openedAt.toISOString(), closedAt: i.closedAt?.toISOString() ?? null }));
    });
  });
}
