import { dirname, resolve } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../store/index.js';
import { loadKeyFile, loadNodeConfig, publicKeysOf, type NodeConfig, type NodeKeys } from '../config/index.js';
import { systemClock, type Clock } from './clock.js';
import { registerHealthRoutes } from './health-routes.js';
import { registerNodeInfoRoutes } from './node-info-routes.js';

export interface NodeOptions {
  readonly clock?: Clock;
  /** Overrides the configured port (0: any free port, for tests). */
  readonly port?: number;
  /** pino log level; 'silent' in tests. Keys and request bodies are never logged. */
  readonly logLevel?: string;
}

/** Everything long-lived in the node has start() and stop(). */
export interface ParleyNode {
  readonly config: NodeConfig;
  readonly store: Store;
  readonly keys: NodeKeys;
  readonly clock: Clock;
  /** The base URL once started. */
  readonly url: string;
  readonly stopping: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Opens a node from its configuration: key file, storage (migrations run on open), and one own
 * log per pinned peer. Nothing listens until start().
 */
export async function openNode(configPath: string, options: NodeOptions = {}): Promise<ParleyNode> {
  const config = await loadNodeConfig(configPath);
  const folder = dirname(resolve(configPath));
  const keys = await loadKeyFile(resolve(folder, config.keyFile));
  const storage = config.storage.dialect === 'sqlite' ? { dialect: 'sqlite' as const, path: resolve(folder, config.storage.path) } : config.storage;
  const store = await openStore(storage);
  const clock = options.clock ?? systemClock;
  for (const peer of config.peers) {
    await store.createLog({ origin: `${config.host}/${peer.name}`, role: 'own', peer: peer.name, createdAt: clock.now() });
  }
  const app: FastifyInstance = Fastify({
    logger: { level: options.logLevel ?? process.env.PARLEY_LOG_LEVEL ?? 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] },
    bodyLimit: 1024 * 1024,
  });
  let url = '';
  let stopping = false;
  const node: ParleyNode = {
    config, store, keys, clock,
    get url() {
      return url;
    },
    get stopping() {
      return stopping;
    },
    async start() {
      url = await app.listen({ host: config.listen.host, port: options.port ?? config.listen.port });
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      // close() stops accepting connections and waits for in-flight requests before the store closes.
      await app.close();
      await store.close();
    },
  };
  registerHealthRoutes(app, node);
  registerNodeInfoRoutes(app, node, publicKeysOf(config.host, keys));
  return node;
}
