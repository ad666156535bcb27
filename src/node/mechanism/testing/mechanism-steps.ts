import { fromUtf8 } from '../../../core/index.js';
import type { ParleyNode } from '../../server/index.js';
import type { Api, MechanismPair } from './mechanism-pair.js';
import { sameOnBoth } from './mechanism-pair.js';

/** Test data for the mechanism on two nodes: the Defense Telephone Link of the 2023 record and helpers around it. */
export const HOUR = 3_600_000;
export const inHours = (pair: MechanismPair, hours: number): string => new Date(pair.clock.now().getTime() + hours * HOUR).toISOString();

export const dtlProposal = (channel = 'dtl') => ({
  actor: 'washington/policy', channel, medium: 'secure-vtc', name: { en: 'Defense Telephone Link', zh: '国防部直通电话' }, level: 'chief-of-staff',
  ends: [{ side: 'US', position: 'cjcs' }, { side: 'CN', position: 'cmc-jsd' }], ackMinutes: {},
});

/** US proposes, CN agrees; resolves once both nodes show it active. */
export async function agreedChannel(pair: MechanismPair, channel = 'dtl'): Promise<void> {
  await pair.usApi.act('/channels', dtlProposal(channel));
  await sameOnBoth(pair, '/channels', (cs: { id: string }[]) => cs.some((c) => c.id === channel));
  await pair.cnApi.act(`/channels/${channel}/agree`, { actor: 'beijing/policy' });
  await sameOnBoth(pair, '/channels', (cs: { id: string; status: string }[]) => cs.some((c) => c.id === channel && c.status === 'active'));
}

export const vtcRequest = (pair: MechanismPair, request: string, respondInHours = 24 * 30) => ({
  actor: 'washington/policy', request, level: 'chief-of-staff', format: 'vtc', channel: 'dtl',
  options: [{ id: 'o1', start: inHours(pair, 24 * 40), end: inHours(pair, 24 * 40 + 1.5) }, { id: 'o2', start: inHours(pair, 24 * 41), end: inHours(pair, 24 * 41 + 1.5) }],
  agenda: ['Crisis communication'], respondBy: inHours(pair, respondInHours),
});

/** Waits until both nodes show the request and `until` holds for it. */
export const requestOnBoth = (pair: MechanismPair, request: string, until: (r: { status: string; awaiting: string }) => boolean = () => true) =>
  sameOnBoth(pair, `/requests/${request}`, (r) => r.id === request && until(r));

/** How many events of `kind` this node has signed on its link log and its internal log. */
export async function signedOfKind(node: ParleyNode, peer: string, kind: string): Promise<number> {
  const origins = [node.links.get(peer)!.link.ownOrigin, node.mechanism.internalLog.origin];
  let count = 0;
  for (const origin of origins) {
    if (!(await node.store.getLog(origin))) continue;
    for (const event of await node.store.readEvents(origin, 0, 100_000)) if ((JSON.parse(fromUtf8(event.bytes)) as { kind: string }).kind === kind) count++;
  }
  return count;
}

export type { Api };
