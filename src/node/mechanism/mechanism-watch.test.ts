import { afterEach, describe, expect, it } from 'vitest';
import { eventually } from '../testing/node-pair.js';
import type { LinkMechanism } from './link-mechanism.js';
import { emptyState } from './mechanism-state.js';
import { MechanismWatch } from './mechanism-watch.js';
import { FakeClock, sameOnBoth, startMechanismPair, type MechanismPair } from './testing/mechanism-pair.js';
import { agreedChannel, HOUR, requestOnBoth, signedOfKind, vtcRequest } from './testing/mechanism-steps.js';

let pair: MechanismPair | null = null;
afterEach(async () => {
  await pair?.stop();
  pair = null;
});

const MINUTE = 60_000;
/** Both nodes check their deadlines at the shared fake clock's time, as their timers would. */
const checkBoth = (p: MechanismPair) => Promise.all([p.us.mechanism.watch.check(), p.cn.mechanism.watch.check()]);
const incidents = async (p: MechanismPair, which: 'us' | 'cn', kind: string) => (await (which === 'us' ? p.us : p.cn).store.listIncidents({ open: true })).filter((i) => i.kind === kind);

describe('the watch, with a fake clock', () => {
  it('expires an unanswered request once, on the asking side, with an incident', async () => {
    pair = await startMechanismPair();
    const p = pair;
    await agreedChannel(p);
    await p.usApi.act('/requests', vtcRequest(p, 'r-ignored', 1));
    await requestOnBoth(p, 'r-ignored');
    await checkBoth(p);
    expect(await signedOfKind(p.us, 'beijing', 'request.expired')).toBe(0);

    p.clock.advance(2 * HOUR);
    // Before the expiry is recorded, the request already reads as expired.
    expect((await p.cnApi.get('/requests/r-ignored')).body).toMatchObject({ status: 'expired', expiryRecorded: false });
    await checkBoth(p);
    await checkBoth(p);
    const request = await requestOnBoth(p, 'r-ignored', (r) => (r as unknown as { expiryRecorded: boolean }).expiryRecorded);
    expect(request).toMatchObject({ status: 'expired', history: [{ kind: 'request.sent' }, { kind: 'request.expired', side: 'US' }] });
    expect(await signedOfKind(p.us, 'beijing', 'request.expired')).toBe(1);
    expect(await signedOfKind(p.cn, 'washington', 'request.expired')).toBe(0);
    expect(await incidents(p, 'us', 'request.expired')).toMatchObject([{ subject: 'beijing/r-ignored', details: { request: 'r-ignored' } }]);
    expect((await p.usApi.get('/responsiveness')).body).toMatchObject([{ side: 'CN', asked: 1, expiredUnanswered: 1 }]);
  }, 60_000);

  it('records an unacknowledged FLASH message overdue once on the sender\'s node, and escalates it there rung by rung', async () => {
    pair = await startMechanismPair();
    const p = pair;
    await agreedChannel(p);
    await p.usApi.act('/messages', { actor: 'washington/duty-officer', message: 'm-flash', channel: 'dtl', precedence: 'FLASH', content: { kind: 'text', lang: 'en', text: 'Unusual activity near the median line: please explain.' } });
    await sameOnBoth(p, '/messages/m-flash', (m) => m.status === 'delivered');

    p.clock.advance(9 * MINUTE);
    await checkBoth(p);
    expect(await signedOfKind(p.us, 'beijing', 'message.overdue')).toBe(0);

    p.clock.advance(1 * MINUTE);
    await checkBoth(p);
    await checkBoth(p);
    const withoutEscalations = ({ escalations: _internal, ...shared }: Record<string, unknown>) => shared;
    let message = await sameOnBoth(p, '/messages/m-flash', (m) => m.overdueRecordedAt !== null, withoutEscalations);
    expect(message).toMatchObject({ overdue: true, status: 'delivered' });
    expect(await signedOfKind(p.us, 'beijing', 'message.overdue')).toBe(1);
    expect(await signedOfKind(p.cn, 'washington', 'message.overdue')).toBe(0);
    expect((await incidents(p, 'us', 'message.overdue')).map((i) => i.subject)).toEqual(['beijing/m-flash']);
    expect((await p.usApi.get('/messages/m-flash')).body.escalations.map((e: { step: string }) => e.step)).toEqual(['duty-officer']);

    p.clock.advance(10 * MINUTE);
    await checkBoth(p);
    p.clock.advance(10 * MINUTE);
    await checkBoth(p);
    await checkBoth(p);
    message = (await p.usApi.get('/messages/m-flash')).body;
    expect(message.escalations.map((e: { step: string }) => e.step)).toEqual(['duty-officer', 'next-duty-role', 'principal']);
    expect((await incidents(p, 'us', 'message.escalated')).map((i) => i.subject).sort()).toEqual(['beijing/m-flash/duty-officer', 'beijing/m-flash/next-duty-role', 'beijing/m-flash/principal']);
    // Escalation is the sender's own watch floor: on its internal log only, never on the link.
    expect(await signedOfKind(p.us, 'beijing', 'message.escalated')).toBe(3);
    const usOwn = await p.us.store.readEvents(p.us.links.get('beijing')!.link.ownOrigin, 0, 10_000);
    expect(usOwn.some((e) => e.kind === 'message.escalated')).toBe(false);
    expect((await p.cnApi.get('/messages/m-flash')).body.escalations).toEqual([]);
    expect(await incidents(p, 'cn', 'message.escalated')).toEqual([]);

    // A late acknowledgement still counts, and stays visibly late.
    await p.cnApi.act('/messages/m-flash/acknowledge', { actor: 'beijing/duty-officer' });
    message = await sameOnBoth(p, '/messages/m-flash', (m) => m.status === 'acknowledged', withoutEscalations);
    expect(message).toMatchObject({ acknowledgedLate: true, overdue: false });
  }, 60_000);

  it('receipts a message at once, by itself, naming the received event', async () => {
    pair = await startMechanismPair();
    const p = pair;
    await agreedChannel(p);
    await p.cnApi.act('/messages', { actor: 'beijing/duty-officer', message: 'm-cn', channel: 'dtl', precedence: 'ROUTINE', content: { kind: 'text', lang: 'zh', text: '例行通报。' } });
    const message = await eventually(async () => {
      const m = (await p.cnApi.get('/messages/m-cn')).body;
      return m.status === 'delivered' ? m : undefined;
    }, 10_000, 'the receipt');
    expect(message.receipt).toEqual(message.event);
    expect(await signedOfKind(p.us, 'beijing', 'message.delivered')).toBe(1);
  }, 60_000);
});

describe('the watch under a flood of changes', () => {
  it('checks the first change at once and folds a burst of later ones together', async () => {
    let syncs = 0;
    const link = {
      peer: 'beijing', actor: 'node:washington', shouldAct: () => true, watches: () => true,
      projection: { sync: async () => { syncs++; return { state: emptyState(), ourSide: 'US' } } },
    } as unknown as LinkMechanism;
    const watch = new MechanismWatch([link], { openIncident: async () => { throw new Error('nothing is due'); } }, new FakeClock(), 3_600_000, (error) => { throw error; });
    watch.start();
    await eventually(async () => syncs === 1, 1_000, 'the check at start');
    for (let batch = 0; batch < 50; batch++) watch.changed();
    await eventually(async () => syncs === 2, 1_000, 'one check for the burst');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(syncs).toBe(2);
    watch.changed();
    await eventually(async () => syncs === 3, 1_000, 'a later change');
    await watch.stop();
  });
});
