import type { FastifyInstance } from 'fastify';
import type { Coordination } from '../../store/index.js';
import { checkOperator } from './operator-token.js';

/** The store channel on which every process of a side announces new events: `{origin, size}`. */
export const RECORD_CHANNEL = 'record';

/**
 * Live updates for this side's clients over WebSocket: each new event on any log of any link,
 * from whichever process of this side stored it. A message is a hint (`{type, origin, size}`);
 * the client reads the events it has not seen through the API, so a missed message loses nothing.
 */
export function registerLiveUpdates(app: FastifyInstance, context: { readonly store: Pick<Coordination, 'listen'>; readonly token: string }): void {
  app.get<{ Querystring: { token?: string } }>('/v1/live', { websocket: true }, async (socket, request) => {
    try {
      // Browsers cannot set headers on a WebSocket: the token may come as a query parameter.
      checkOperator(request.headers.authorization ?? `Bearer ${request.query.token ?? ''}`, context.token);
    } catch {
      socket.close(4401, 'unauthorized');
      return;
    }
    const unlisten = await context.store.listen(RECORD_CHANNEL, (payload) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ type: 'record', ...(JSON.parse(payload) as object) }));
    });
    socket.on('close', () => void unlisten());
    socket.send(JSON.stringify({ type: 'hello' }));
  });
}
