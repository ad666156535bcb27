import { describe, expect, it } from 'vitest';
import { utf8 } from '../../core/index.js';
import type { EventRecord, LogStore } from '../../store/index.js';
import type { PeerLink } from '../link/peer-link.js';
import { LinkProjection } from './link-projection.js';

const OWN = 'washington.parley.example/beijing';
const PEER = 'beijing.parley.example/washington';
const INTERNAL = 'washington.parley.example/internal';

/** A store holding only the events handed to it; `readEvents` is all the fold uses. */
function recordStore(): { store: LogStore; append(origin: string, ts: number, peerSeq?: number, step?: { kind: string; body: unknown }): void } {
  const logs = new Map<string, EventRecord[]>([[OWN, []], [PEER, []]]);
  const store = {
    readEvents: async (origin: string, from: number, limit: number) => (logs.get(origin) ?? []).slice(from, from + limit),
  } as unknown as LogStore;
  const append = (origin: string, ts: number, peerSeq?: number, step?: { kind: string; body: unknown }): void => {
    const events = logs.get(origin)!;
    const other = origin === OWN ? PEER : OWN;
    // Unless a step is given, a body the schema refuses: every event is a conflict, so the conflicts list the fold order.
    const { kind, body } = step ?? { kind: 'message.sent', body: { text: `${origin} ${events.length}` } };
    events.push({
      seq: events.length, bytes: utf8(JSON.stringify({ body })), hash: new Uint8Array(32), leafHash: new Uint8Array(32),
      ts: new Date(Date.UTC(2024, 0, 1) + ts * 1000).toISOString(), kind, actor: 'duty-officer',
      peer: peerSeq === undefined ? null : { log: other, seq: peerSeq, hash: '0'.repeat(64) },
    });
  };
  return { store, append };
}

const link = {
  ownOrigin: OWN, peerOrigin: PEER, self: { side: 'US', timeZone: 'America/New_York' }, peer: { name: 'beijing' },
  peerIdentity: async () => ({ side: 'CN', timeZone: 'Asia/Shanghai' }),
} as unknown as PeerLink;

const order = async (projection: LinkProjection) => (await projection.sync()).conflicts.map((c) => `${c.origin === OWN ? 'US' : 'CN'}${c.seq}`);

describe('the projection of a link', () => {
  it('folds a peer event that belongs before ones already applied where the order puts it, near or far back', async () => {
    const { store, append } = recordStore();
    const projection = new LinkProjection(store, link, INTERNAL);
    for (let i = 0; i < 6000; i++) append(OWN, 10 + i);
    await projection.sync();
    // Signed long ago (after our event 10), arriving only now: older than the snapshots kept.
    append(PEER, 10 + 20, 10);
    const far = await order(projection);
    expect(projection.refolds).toBe(1);
    // As a process starting now would fold it (on a tie in time, CN comes before US).
    expect(far).toEqual(await order(new LinkProjection(store, link, INTERNAL)));
    expect(far.indexOf('CN0')).toBe(20);
    // Signed by Beijing after it had seen our event 5900, at a time before our last 50.
    append(PEER, 10 + 5950, 5900);
    const near = await order(projection);
    expect(projection.refolds).toBe(2);
    expect(near.indexOf('CN1')).toBe(5951);
    expect(near).toEqual(await order(new LinkProjection(store, link, INTERNAL)));
  });

  it('undoes the steps a late peer event comes before, and folds them again after it', async () => {
    const { store, append } = recordStore();
    const proposal = (channel: string) => ({
      kind: 'channel.proposed',
      body: {
        channel, medium: 'secure-vtc', name: { en: 'Defense Telephone Link', zh: '国防部直通电话' }, level: 'chief-of-staff',
        ends: [{ side: 'US', position: 'cjcs' }, { side: 'CN', position: 'cmc-jsd' }], ackMinutes: {},
      },
    });
    const projection = new LinkProjection(store, link, INTERNAL);
    append(OWN, 0, undefined, proposal('dtl'));
    for (let i = 1; i < 200; i++) append(OWN, i, undefined, i % 2 ? undefined : proposal(`c${i}`));
    await projection.sync();
    // Beijing agreed to the link after seeing our proposal, at a time before our last 150 events.
    append(PEER, 50, 0, { kind: 'channel.agreed', body: { channel: 'dtl' } });
    const view = await projection.sync();
    expect(projection.refolds).toBe(1);
    const fresh = await new LinkProjection(store, link, INTERNAL).sync();
    expect(view.state.channels.find((c) => c.id === 'dtl')?.status).toBe('active');
    expect(view.state.channels).toEqual(fresh.state.channels);
    expect(view.conflicts).toEqual(fresh.conflicts);
  });
});
