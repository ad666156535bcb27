import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ParleyError, toBase64 } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import { parseWith } from '../link/link-protocol.js';
import type { PeerLink } from '../link/peer-link.js';
import { StoredTree } from '../record/stored-tree.js';
import { nodeCrypto } from '../crypto/index.js';
import { checkOperator } from './operator-token.js';

const which = z.enum(['own', 'peer']).default('own');
const count = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * The record as tools expect it (DESIGN §3): each log's latest checkpoint as a C2SP signed note
 * with its cosignatures (text/plain, as tlog clients fetch it), and RFC 9162 inclusion and
 * consistency proofs computed from the stored hashes, base64 like the C2SP tlog formats.
 */
export function registerRecordRoutes(app: FastifyInstance, context: { readonly store: Store; readonly links: ReadonlyMap<string, { readonly link: PeerLink }>; readonly token: string }): void {
  const originOf = (peer: string, log: 'own' | 'peer'): string => {
    const found = context.links.get(peer);
    if (!found) throw new ParleyError('E_PEER_NOT_PINNED', `This node has no link with a peer named ${peer}.`);
    return log === 'own' ? found.link.ownOrigin : found.link.peerOrigin;
  };
  const sizeOf = async (origin: string, size: number): Promise<void> => {
    const held = await context.store.logSize(origin);
    if (size > held) throw new ParleyError('E_PROOF_RANGE', `${origin} holds ${held} events; there is no tree of size ${size} yet.`, { size, held });
  };
  void app.register(async (scope) => {
    scope.addHook('onRequest', async (request) => checkOperator(request.headers.authorization, context.token));

    scope.get<{ Params: { peer: string } }>('/v1/links/:peer/checkpoint', async (request, reply) => {
      const { log } = parseWith(z.object({ log: which }), request.query, 'query');
      const origin = originOf(request.params.peer, log);
      const latest = await context.store.latestCheckpoint(origin);
      if (!latest) throw new ParleyError('E_CHECKPOINT_UNKNOWN', `${origin} has no checkpoint yet; one is signed with the first exchange.`);
      return reply.type('text/plain; charset=utf-8').send(latest.note + latest.cosignatures.map((c) => c.line).join(''));
    });

    scope.get<{ Params: { peer: string } }>('/v1/links/:peer/proof/inclusion', async (request) => {
      const query = parseWith(z.object({ log: which, index: count, size: count }), request.query, 'query');
      const origin = originOf(request.params.peer, query.log);
      if (query.index >= query.size) throw new ParleyError('E_PROOF_RANGE', `The index ${query.index} must be below the tree size ${query.size}.`);
      await sizeOf(origin, query.size);
      const tree = new StoredTree(context.store, nodeCrypto, origin);
      const proof = await tree.inclusionProof(query.index, query.size);
      return { origin, index: query.index, size: query.size, root: toBase64(await tree.root(query.size)), proof: proof.map(toBase64) };
    });

    scope.get<{ Params: { peer: string } }>('/v1/links/:peer/proof/consistency', async (request) => {
      const query = parseWith(z.object({ log: which, from: count, to: count }), request.query, 'query');
      const origin = originOf(request.params.peer, query.log);
      if (query.from > query.to) throw new ParleyError('E_PROOF_RANGE', `The old size ${query.from} must not exceed the new size ${query.to}.`);
      await sizeOf(origin, query.to);
      const tree = new StoredTree(context.store, nodeCrypto, origin);
      const proof = await tree.consistencyProof(query.from, query.to);
      return { origin, from: query.from, to: query.to, root: toBase64(await tree.root(query.to)), proof: proof.map(toBase64) };
    });
  });
}
