import type { FastifyInstance } from 'fastify';
import type { ParleyNode } from './parley-node.js';

/** What a node says about itself: who it is, its public keys, its logs. Never anything secret. */
export function registerNodeInfoRoutes(app: FastifyInstance, node: ParleyNode, keys: { witnessKey: string; logKeyFor(peer: string): string }): void {
  app.get('/v1/node', async () => {
    const logs = await node.store.listLogs({ role: 'own' });
    return {
      name: node.config.name,
      side: node.config.side,
      host: node.config.host,
      timeZone: node.config.timeZone,
      witnessKey: keys.witnessKey,
      logs: logs.map((log) => ({ origin: log.origin, peer: log.peer, size: log.size, logKey: keys.logKeyFor(log.peer ?? '') })),
      peers: node.config.peers.map((p) => ({ name: p.name, url: p.url })),
    };
  });
}
