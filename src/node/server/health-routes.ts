import type { FastifyInstance } from 'fastify';
import type { ParleyNode } from './parley-node.js';

/** Liveness (the process answers) and readiness (it can serve: storage reachable, not shutting down). */
export function registerHealthRoutes(app: FastifyInstance, node: ParleyNode): void {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    if (node.stopping) return reply.code(503).send({ status: 'stopping' });
    try {
      await node.store.listLogs();
      return { status: 'ready', time: node.clock.now().toISOString() };
    } catch {
      return reply.code(503).send({ status: 'storage unavailable' });
    }
  });
}
