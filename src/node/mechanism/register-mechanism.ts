import type { FastifyInstance } from 'fastify';
import { ParleyError, type CryptoSuite, type Signer } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { parseWith } from '../link/link-protocol.js';
import type { LinkSender } from '../link/link-sender.js';
import type { PeerLink } from '../link/peer-link.js';
import type { Clock } from '../server/clock.js';
import { RECORD_CHANNEL } from '../server/live-updates.js';
import { checkOperator } from '../server/operator-token.js';
import { ENGAGEMENT_COMMANDS } from './engagement-commands.js';
import { InternalLog } from './internal-log.js';
import { linkMechanism, type LinkMechanism } from './link-mechanism.js';
import { MECHANISM_QUERIES } from './mechanism-queries.js';
import { MechanismWatch } from './mechanism-watch.js';
import { openApiDocument, type RegisteredRoute } from './openapi.js';
import { presentation } from './present-traffic.js';
import { TRAFFIC_COMMANDS } from './traffic-commands.js';

export const MECHANISM_COMMANDS = [...TRAFFIC_COMMANDS, ...ENGAGEMENT_COMMANDS];

export interface MechanismContext {
  readonly store: Store;
  readonly crypto: CryptoSuite;
  readonly clock: Clock;
  readonly host: string;
  /** The node's log key: it signs the internal log as it signs the shared ones. */
  readonly signer: Signer;
  readonly links: ReadonlyMap<string, { readonly link: PeerLink; readonly sender: LinkSender }>;
  readonly token: string;
  /** How often deadlines are checked; the record's changes also wake the check, at once or within a tenth of a second. */
  readonly checkMs?: number;
}

export interface NodeMechanism {
  readonly links: ReadonlyMap<string, LinkMechanism>;
  readonly watch: MechanismWatch;
  readonly internalLog: InternalLog;
  /** Every route the node registered after the mechanism, for the OpenAPI document and its test. */
  readonly routes: readonly RegisteredRoute[];
}

type Params = Record<string, string>;

/**
 * The mechanism on this node: one projection and one command queue per link, the watch that
 * keeps deadlines, and this side's API (validate → authorize → act → present). Starts and
 * stops with the server, so the node's own start() and stop() need nothing more.
 */
export async function registerMechanism(app: FastifyInstance, context: MechanismContext): Promise<NodeMechanism> {
  const { store, clock } = context;
  const internalLog = new InternalLog(store, context.crypto, context.signer, clock, context.host);
  // Other processes of this side learn of internal entries as of shared ones (HA).
  internalLog.onAppended((events) => void store.notify(RECORD_CHANNEL, JSON.stringify({ origin: internalLog.origin, size: events[events.length - 1]!.seq + 1 })).catch(() => undefined));
  const links = new Map([...context.links].map(([peer, { link, sender }]) => [peer, linkMechanism(store, link, sender, internalLog, clock)]));
  const watch = new MechanismWatch([...links.values()], store, clock, context.checkMs ?? 5_000, (error) => app.log.error({ err: error }, 'mechanism watch error'));
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });

  let unlisten: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    unlisten = await store.listen(RECORD_CHANNEL, (payload) => {
      const { origin } = JSON.parse(payload) as { origin: string };
      if ([...links.values()].some((l) => l.watches(origin))) watch.changed();
    });
    watch.start();
  });
  app.addHook('onClose', async () => {
    await watch.stop();
    await unlisten?.();
    await internalLog.settled();
  });

  const mechanismOf = (peer: string): LinkMechanism => {
    const found = links.get(peer);
    if (!found) throw new ParleyError('E_PEER_NOT_PINNED', `This node has no link with a peer named ${peer}.`);
    return found;
  };

  // The description of the API is public, like /v1/node: it holds no data.
  void app.register(async (scope) => {
    scope.get('/api/openapi.json', async () => openApiDocument(MECHANISM_COMMANDS, MECHANISM_QUERIES, routes));
  });
  void app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => checkOperator(request.headers.authorization, context.token));
    for (const route of MECHANISM_COMMANDS) {
      scope.post<{ Params: Params }>(`/v1/links/:peer${route.path}`, async (request, reply) => {
        const mechanism = mechanismOf(request.params.peer!);
        const { actor, ...input } = parseWith(route.input, request.body, 'request body') as { actor: string } & Record<string, unknown>;
        const recorded = await mechanism.commands.act(route.kind, actor, (command) => route.build(input, request.params, command));
        const p = presentation(mechanism.projection.view().zones, clock.now().toISOString());
        return reply.code(201).send({ recorded: { ...recorded, ts: p.time(recorded.ts) } });
      });
    }
    for (const route of MECHANISM_QUERIES) {
      scope.get<{ Params: Params }>(`/v1/links/:peer${route.path}`, async (request) => {
        const mechanism = mechanismOf(request.params.peer!);
        const query = route.query ? (parseWith(route.query, request.query, 'query') as Record<string, unknown>) : {};
        const view = await mechanism.projection.sync();
        return route.answer({ view, p: presentation(view.zones, clock.now().toISOString()) }, request.params, query);
      });
    }
  });
  return { links, watch, internalLog, routes };
}
