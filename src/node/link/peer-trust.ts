import { ParleyError } from '../../core/index.js';
import type { ParleyNode } from '../server/index.js';

/**
 * An administrator's decision to trust a link again after reviewing the evidence of
 * equivocation. The evidence stays; the decision becomes an event on our log towards the peer,
 * so both sides' records show who restored trust, when, and why.
 */
export async function restorePeerTrust(node: ParleyNode, peer: string, reason: string, administrator: string): Promise<{ changed: boolean }> {
  const entry = node.links.get(peer);
  if (!entry) throw new ParleyError('E_PEER_NOT_PINNED', `This node has no link with a peer named ${peer}.`);
  if (reason.trim().length < 10) throw new ParleyError('E_USAGE', 'Say why trust is restored (at least 10 characters): it becomes part of the record.');
  const pinned = await node.store.getPeer(peer);
  if (pinned?.trust !== 'untrusted') return { changed: false };
  const now = node.clock.now();
  const evidence = await node.store.listEquivocations(entry.link.peerOrigin);
  await node.store.setPeerTrust(peer, 'trusted', reason, now);
  await entry.link.record('link.trust.restored', administrator, {
    reason,
    previousReason: pinned.trustReason,
    evidence: evidence.map((e) => ({ kind: e.kind, position: e.position, recordedAt: e.recordedAt.toISOString() })),
  });
  await node.store.closeOpenIncident('equivocation', peer, now);
  return { changed: true };
}
