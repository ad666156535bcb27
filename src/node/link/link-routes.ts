import type { FastifyInstance } from 'fastify';
import type { CryptoSuite } from '../../core/index.js';
import type { FederationStore } from '../../store/index.js';
import type { Clock } from '../server/clock.js';
import { verifyLinkRequest } from './link-auth.js';
import { decodeExchange, encodeExchange, EXCHANGE_MEDIA_TYPE, MAX_LINK_BODY_BYTES, syncRequestHeaderSchema } from './link-protocol.js';
import { SYNC_PATH } from './http-link-transport.js';
import type { PeerLink } from './peer-link.js';

export interface LinkRoutesContext {
  readonly crypto: CryptoSuite;
  readonly clock: Clock;
  readonly host: string;
  readonly store: Pick<FederationStore, 'rememberNonce'>;
  readonly links: ReadonlyMap<string, PeerLink>;
}

/**
 * The node-to-node endpoint. The body is kept as raw bytes until the signature over its hash
 * has been checked: authenticate, then parse, then act. Refusals are answered in JSON, as
 * everywhere else; an exchange is answered as an exchange (see link-protocol.ts).
 */
export function registerLinkRoutes(app: FastifyInstance, context: LinkRoutesContext): void {
  const byHost = new Map([...context.links.values()].map((link) => [link.peerHost, link]));
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_LINK_BODY_BYTES }, (_request, body, done) => done(null, body));
    scope.post(SYNC_PATH, async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const peer = await verifyLinkRequest(
        {
          crypto: context.crypto,
          host: context.host,
          now: context.clock.now(),
          peerKey: (host) => {
            const link = byHost.get(host);
            return link && { name: link.peer.name, publicKey: link.peerLogPublicKey };
          },
          rememberNonce: (name, nonce, expiresAt) => context.store.rememberNonce(name, nonce, expiresAt),
        },
        { method: request.method, path: request.url, headers: request.headers, body: raw },
      );
      const link = context.links.get(peer)!;
      const { header, events } = decodeExchange(raw, syncRequestHeaderSchema, 'exchange');
      const answer = await link.receive({ ...header, events });
      return reply.type(EXCHANGE_MEDIA_TYPE).send(Buffer.from(encodeExchange(answer).buffer));
    });
  });
}
