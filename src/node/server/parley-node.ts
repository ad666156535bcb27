import { dirname, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import websocket from '@fastify/websocket';
import { openStore, type Store } from '../../store/index.js';
import { withRecentEvents } from '../record/recent-events.js';
import { loadKeyFile, loadNodeConfig, publicKeysOf, type NodeConfig, type NodeKeys } from '../config/index.js';
import { nodeCrypto, SignatureWorker } from '../crypto/index.js';
import { HttpLinkTransport } from '../link/http-link-transport.js';
import { registerLinkRoutes } from '../link/link-routes.js';
import { DEFAULT_LINK_TIMING, LinkSender, type LinkTiming } from '../link/link-sender.js';
import { LinkTester } from '../link/link-tester.js';
import { PeerLink } from '../link/peer-link.js';
import { registerSearch } from '../search/index.js';
import { registerMechanism, type NodeMechanism } from '../mechanism/index.js';
import { systemClock, type Clock } from './clock.js';
import { registerErrorReplies } from './error-replies.js';
import { registerHealthRoutes } from './health-routes.js';
import { Housekeeping } from './housekeeping.js';
import { registerLiveUpdates, RECORD_CHANNEL } from './live-updates.js';
import { registerNodeInfoRoutes } from './node-info-routes.js';
import { loadOrCreateOperatorToken } from './operator-token.js';
import { registerOperatorRoutes } from './operator-routes.js';
import { registerRecordRoutes } from './record-routes.js';
import { registerWebApp } from './web-app.js';

export interface NodeOptions {
  readonly clock?: Clock;
  /** Overrides the configured port (0: any free port, for tests). */
  readonly port?: number;
  /** pino log level; 'silent' in tests. Keys and request bodies are never logged. */
  readonly logLevel?: string;
  /** Heartbeat, retry and outage thresholds of the links (tests shorten them). */
  readonly linkTiming?: Partial<LinkTiming>;
  /** How often the hourly link test is checked for being due or missed. */
  readonly linkTestCheckMs?: number;
  /**
   * false: the hourly link test is not run. For a node driven by a clock that jumps (the demo
   * reconstructs years of history on a simulated clock): a test would be recorded for an hour
   * the clock only passed through, and the hours it jumped over would read as missed tests.
   */
  readonly linkTests?: boolean;
  /** How often the mechanism's deadlines (expiry, overdue, escalation) are checked. */
  readonly mechanismCheckMs?: number;
}

export interface NodeLink {
  readonly link: PeerLink;
  readonly sender: LinkSender;
  readonly tester: LinkTester;
  readonly transport: HttpLinkTransport;
}

/** Everything long-lived in the node has start() and stop(). */
export interface ParleyNode {
  readonly config: NodeConfig;
  readonly store: Store;
  readonly keys: NodeKeys;
  readonly clock: Clock;
  readonly links: ReadonlyMap<string, NodeLink>;
  /** The secret that authorizes this side's own tools on the API (file `operator.token`). */
  readonly operatorToken: string;
  /** Channels, requests, messages, engagements, readouts and joint documents on each link. */
  readonly mechanism: NodeMechanism;
  /** The base URL once started. */
  readonly url: string;
  readonly stopping: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Opens a node from its configuration: key file, storage (migrations run on open), and one link
 * per pinned peer with both its logs. Nothing listens or sends until start().
 */
export async function openNode(configPath: string, options: NodeOptions = {}): Promise<ParleyNode> {
  const config = await loadNodeConfig(configPath);
  const folder = dirname(resolve(configPath));
  const keys = await loadKeyFile(resolve(folder, config.keyFile));
  const operatorToken = await loadOrCreateOperatorToken(resolve(folder, 'operator.token'));
  const storage = config.storage.dialect === 'sqlite' ? { dialect: 'sqlite' as const, path: resolve(folder, config.storage.path) } : config.storage;
  const store = withRecentEvents(await openStore(storage));
  const clock = options.clock ?? systemClock;
  const timing = { ...DEFAULT_LINK_TIMING, ...options.linkTiming };
  const app: FastifyInstance = Fastify({
    logger: { level: options.logLevel ?? process.env.PARLEY_LOG_LEVEL ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["parley-signature"]'] },
    bodyLimit: 1024 * 1024,
  });
  let stopping = false;
  // Once stopping, every answer closes its connection (`Connection: close`, RFC 9112 §9.6). The
  // server's close reaps only the connections idle at that moment; one whose request was still in
  // flight (a peer's exchange) would stay open after its answer, and the close would wait until
  // the client let go, up to the keep-alive timeout (72 s). Two nodes stopping at once would each
  // wait so for the other, whose connection is let go only when that process exits.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (stopping) reply.header('connection', 'close');
    done(null, payload);
  });

  const links = new Map<string, NodeLink>();
  // One worker for the whole node checks the signatures of large batches from any peer.
  const signatures = new SignatureWorker(nodeCrypto);
  try {
    for (const peer of config.peers) {
      const self = { name: config.name, host: config.host, side: config.side, timeZone: config.timeZone };
      const link = new PeerLink(store, nodeCrypto, clock, keys, self, peer, { checkpointEveryMs: timing.checkpointEveryMs, signatures });
      await link.open();
      const transport = new HttpLinkTransport(nodeCrypto, keys.log, clock, { url: peer.url, from: config.host, to: link.peerHost }, 15_000);
      const sender = new LinkSender(link, transport, store, clock, timing, (error) => app.log.error({ err: error, peer: peer.name }, 'link error'));
      const tester = new LinkTester(link, store, clock, options.linkTestCheckMs ?? 30_000, (error) => app.log.error({ err: error, peer: peer.name }, 'link test error'));
      tester.shouldAct = () => sender.status().sending;
      link.deliversItself = () => sender.delivering();
      link.heardFromPeer = () => sender.heardFromPeer();
      links.set(peer.name, { link, sender, tester, transport });
    }
  } catch (error) {
    await signatures.close();
    await store.close();
    throw error;
  }

  const housekeeping = new Housekeeping(store, clock, 60_000, (error) => app.log.error({ err: error }, 'housekeeping error'));
  const mechanism = await registerMechanism(app, { store, crypto: nodeCrypto, clock, host: config.host, signer: keys.log, links, token: operatorToken, checkMs: options.mechanismCheckMs });
  let url = '';
  let unlisten: (() => Promise<void>) | null = null;
  const node: ParleyNode = {
    config, store, keys, clock, links, operatorToken, mechanism,
    get url() {
      return url;
    },
    get stopping() {
      return stopping;
    },
    async start() {
      // Every process hears of new events in any process of this side (LISTEN/NOTIFY on
      // PostgreSQL): the sender wakes for its own log, live clients are told.
      unlisten = await store.listen(RECORD_CHANNEL, (payload) => {
        const { origin, wake } = JSON.parse(payload) as { origin: string; wake?: boolean };
        if (wake === false) return;
        for (const { link, sender } of links.values()) if (link.ownOrigin === origin) sender.wake();
      });
      url = await app.listen({ host: config.listen.host, port: options.port ?? config.listen.port });
      for (const { sender, tester } of links.values()) {
        sender.start();
        if (options.linkTests !== false) tester.start();
      }
      housekeeping.start();
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      // Senders finish the exchange in flight; then the server drains in-flight requests; then
      // every queued append commits; only then does the store close.
      await Promise.all([...links.values()].map(({ sender, tester }) => Promise.all([sender.stop(), tester.stop()])));
      for (const { transport } of links.values()) transport.close();
      await housekeeping.stop();
      await app.close();
      await Promise.all([...links.values()].map(({ link }) => link.own.settled()));
      await unlisten?.();
      await signatures.close();
      await store.close();
    },
  };
  for (const { link, sender } of links.values()) {
    link.onChange((change) => {
      // This process's own sender is woken at once; other processes of the side hear of it
      // through the store (on PostgreSQL a round trip through the server, and then this
      // process's second wake is a no-op).
      if (change.wake && change.origin === link.ownOrigin) sender.wake();
      void store.notify(RECORD_CHANNEL, JSON.stringify(change)).catch(() => undefined);
    });
  }
  registerErrorReplies(app);
  await app.register(websocket);
  registerHealthRoutes(app, node);
  registerNodeInfoRoutes(app, node, publicKeysOf(config.host, keys));
  registerLinkRoutes(app, { crypto: nodeCrypto, clock, host: config.host, store, links: new Map([...links].map(([name, l]) => [name, l.link])) });
  registerOperatorRoutes(app, { store, links, token: operatorToken, now: () => clock.now() });
  registerRecordRoutes(app, { store, links, token: operatorToken });
  registerLiveUpdates(app, { store, token: operatorToken });
  registerSearch(app, { store, links, token: operatorToken, timeZone: config.timeZone, log: app.log });
  await registerWebApp(app);
  return node;
}
