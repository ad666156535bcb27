import { afterEach, describe, expect, it } from 'vitest';
import { contentHash, fromUtf8 } from '../../core/index.js';
import { sameOnBoth, startMechanismPair, type MechanismPair } from './testing/mechanism-pair.js';
import { agreedChannel, inHours, requestOnBoth, vtcRequest } from './testing/mechanism-steps.js';

let pair: MechanismPair | null = null;
afterEach(async () => {
  await pair?.stop();
  pair = null;
});

const eventsOf = async (pair: MechanismPair, which: 'us' | 'cn', log: 'own' | 'peer') => {
  const node = which === 'us' ? pair.us : pair.cn;
  const link = node.links.get(which === 'us' ? 'beijing' : 'washington')!.link;
  const records = await node.store.readEvents(log === 'own' ? link.ownOrigin : link.peerOrigin, 0, 10_000);
  return records.map((r) => ({ seq: r.seq, hash: Buffer.from(r.hash).toString('hex'), ...(JSON.parse(fromUtf8(r.bytes)) as { kind: string; body: Record<string, unknown> }) }));
};

describe('the mechanism across two nodes', () => {
  it('channel, FLASH message with a signed receipt, countered request, held VTC, minutes, both readouts and a plan in force: the same on both APIs', async () => {
    pair = await startMechanismPair();
    const p = pair;
    const { usApi, cnApi } = p;

    // A channel proposed by the US and agreed by China.
    await agreedChannel(p);

    // A FLASH message: delivered with Beijing's signed receipt naming the exact event, then acknowledged.
    await usApi.act('/messages', { actor: 'washington/duty-officer', message: 'm-1', channel: 'dtl', precedence: 'FLASH', content: { kind: 'text', lang: 'en', text: 'Request a call between principals.' } });
    const [delivered] = await sameOnBoth(p, '/messages', (ms) => ms[0]?.status === 'delivered');
    const sent = (await eventsOf(p, 'us', 'own')).find((e) => e.kind === 'message.sent')!;
    expect(delivered.event).toEqual({ log: 'washington.parley.example/beijing', seq: sent.seq, hash: sent.hash });
    expect(delivered.receipt).toEqual(delivered.event);
    const receipt = (await eventsOf(p, 'cn', 'own')).find((e) => e.kind === 'message.delivered')!;
    expect(receipt.body).toEqual({ message: 'm-1', receipt: delivered.event });
    expect(delivered.ackDeadline.utc).toBe(new Date(Date.parse(delivered.sentAt.utc) + 10 * 60_000).toISOString());
    expect(Object.keys(delivered.sentAt.local)).toEqual(['CN', 'US']);
    expect(delivered.sentAt.local.US.zone).toBe('America/New_York');
    await cnApi.act('/messages/m-1/seen', { actor: 'beijing/duty-officer' });
    await cnApi.act('/messages/m-1/acknowledge', { actor: 'beijing/duty-officer' });
    await cnApi.act('/messages/m-1/translations', { actor: 'beijing/interpreter', lang: 'zh', text: '请求安排双方首长通话。' });
    await cnApi.act('/messages/m-1/replies', { actor: 'beijing/duty-officer', message: 'm-2', precedence: 'IMMEDIATE', content: { kind: 'text', lang: 'zh', text: '收到。' } });
    const messages = await sameOnBoth(p, '/messages', (ms) => ms.length === 2 && ms[0].status === 'acknowledged' && ms[1].status === 'delivered');
    expect(messages[0]).toMatchObject({ overdue: false, acknowledgedLate: false, translations: [{ lang: 'zh', from: 'en', by: 'CN' }] });
    expect(messages[1]).toMatchObject({ thread: 'm-1', inReplyTo: 'm-1', from: 'CN', to: 'US' });

    // A request countered by China, then accepted by the US.
    await usApi.act('/requests', vtcRequest(p, 'r-1'));
    await requestOnBoth(p, 'r-1');
    await cnApi.act('/requests/r-1/counter', { actor: 'beijing/policy', options: [{ id: 'o3', start: inHours(p, 24 * 45), end: inHours(p, 24 * 45 + 1.5) }], agenda: ['Crisis communication', 'Taiwan'], respondBy: inHours(p, 24 * 20) });
    await requestOnBoth(p, 'r-1', (r) => r.awaiting === 'US');
    await usApi.act('/requests/r-1/accept', { actor: 'washington/policy', option: 'o3' });
    const request = await requestOnBoth(p, 'r-1', (r) => r.status === 'accepted');
    expect(request).toMatchObject({ from: 'US', accepted: { id: 'o3' }, history: [{ kind: 'request.sent' }, { kind: 'request.countered', side: 'CN' }, { kind: 'request.accepted', side: 'US' }] });

    // The VTC, held at the US's request.
    await usApi.act('/engagements', { actor: 'washington/policy', engagement: 'brown-liu', request: 'r-1' });
    await sameOnBoth(p, '/engagements', (es) => es.length === 1);
    await usApi.act('/engagements/brown-liu/start', { actor: 'washington/duty-officer' });
    await sameOnBoth(p, '/engagements/brown-liu', (e) => e.status === 'in-progress');
    await usApi.act('/engagements/brown-liu/attendance', { actor: 'washington/duty-officer', session: null, person: 'Gen. Charles Q. Brown Jr.', position: 'cjcs' });
    await cnApi.act('/engagements/brown-liu/attendance', { actor: 'beijing/duty-officer', session: null, person: 'Gen. Liu Zhenli', position: 'cmc-jsd' });
    await sameOnBoth(p, '/engagements/brown-liu', (e) => e.attendance.length === 2);
    await usApi.act('/engagements/brown-liu/end', { actor: 'washington/duty-officer' });
    const held = await sameOnBoth(p, '/engagements/brown-liu', (e) => e.status === 'held');
    expect(held).toMatchObject({ requestedBy: 'US', outcome: { kind: 'held' } });

    // Agreed minutes, in force once both cosigned the same hash.
    const minutesText = 'Both sides agreed to maintain military communication.';
    await usApi.act('/engagements/brown-liu/minutes', { actor: 'washington/policy', document: 'minutes-brown-liu', title: { en: 'Minutes', zh: '纪要' }, lang: 'en', text: minutesText });
    const [proposed] = await sameOnBoth(p, '/documents', (ds) => ds.length === 1);
    expect(proposed.versions[0]).toMatchObject({ status: 'proposed', hash: contentHash({ engagement: 'brown-liu', lang: 'en', text: minutesText }) });
    const hash = proposed.versions[0].hash as string;
    await usApi.act('/documents/minutes-brown-liu/cosign', { actor: 'washington/policy', version: 1, hash });
    await sameOnBoth(p, '/documents/minutes-brown-liu', (d) => d.versions[0].cosignedBy.length === 1);
    expect((await usApi.get('/documents/minutes-brown-liu')).body.inForce).toBeNull();
    await cnApi.act('/documents/minutes-brown-liu/cosign', { actor: 'beijing/policy', version: 1, hash });
    const minutes = await sameOnBoth(p, '/documents/minutes-brown-liu', (d) => d.inForce === 1);
    expect(minutes.versions[0]).toMatchObject({ status: 'in-force', cosignedBy: ['US', 'CN'] });

    // Both readouts, side by side; the US draft stays in Washington; the quote checks against the minutes.
    await usApi.act('/readouts/brown-liu/draft', { actor: 'washington/press', lang: 'en', text: 'Draft: not for release.' });
    const quoteText = 'maintain military communication';
    const start = Array.from(minutesText.slice(0, minutesText.indexOf(quoteText))).length;
    await usApi.act('/readouts/brown-liu/publish', { actor: 'washington/press', lang: 'en', text: 'General Brown stressed the importance of theater-level lines.',
      quotes: [{ text: quoteText, minutes: { document: 'minutes-brown-liu', version: 1, hash }, start, end: start + Array.from(quoteText).length }] });
    await cnApi.act('/readouts/brown-liu/publish', { actor: 'beijing/press', lang: 'zh', text: '刘振立强调，美方应尊重中方核心利益。' });
    await sameOnBoth(p, '/readouts/brown-liu', (r) => r.readouts.CN, (r) => r.readouts);
    await usApi.act('/readouts/brown-liu/CN/translations', { actor: 'washington/interpreter', lang: 'en', text: 'Liu Zhenli stressed that the US side should respect China\'s core interests.' });
    const readouts = await sameOnBoth(p, '/readouts/brown-liu', (r) => r.readouts.US && r.readouts.CN?.translations.length === 1, (r) => r.readouts);
    expect(readouts.readouts.CN.translations[0]).toMatchObject({ from: 'zh', lang: 'en', by: 'US' });
    expect(readouts.readouts.US.quotes[0].check).toEqual({ kind: 'verified' });
    expect(readouts.readouts.CN).toMatchObject({ side: 'CN', lang: 'zh' });
    expect((await usApi.get('/readouts/brown-liu')).body.ourDraft).toMatchObject({ side: 'US', text: 'Draft: not for release.' });
    expect((await cnApi.get('/readouts/brown-liu')).body.ourDraft).toBeNull();
    expect((await eventsOf(p, 'cn', 'peer')).some((e) => e.kind === 'readout.draft_saved')).toBe(false);
    expect((await eventsOf(p, 'us', 'own')).some((e) => e.kind === 'readout.draft_saved')).toBe(false);

    // The year's plan, in force when both cosigned, carried out by the held VTC.
    const heldAt = held.start.utc as string;
    const plan = { year: Number(heldAt.slice(0, 4)), entries: [{ id: 'cos-vtc', format: 'vtc', level: 'chief-of-staff', title: { en: 'Chiefs of staff VTC', zh: '总参谋长视频通话' }, window: { from: inHours(p, 0), to: inHours(p, 24 * 300) } }] };
    await cnApi.act('/documents', { actor: 'beijing/policy', document: 'plan', type: 'engagement-plan', title: { en: 'Engagement plan', zh: '交往计划' }, content: plan });
    const planHash = contentHash(plan);
    await sameOnBoth(p, '/documents/plan', (d) => d.versions.length === 1);
    await cnApi.act('/documents/plan/cosign', { actor: 'beijing/policy', version: 1, hash: planHash });
    await usApi.act('/documents/plan/cosign', { actor: 'washington/policy', version: 1, hash: planHash });
    const progress = await sameOnBoth(p, '/plan', (pl) => pl.held === 1);
    expect(progress.entries[0]).toMatchObject({ id: 'cos-vtc', status: 'held', engagement: 'brown-liu' });

    // The whole state is the same on both nodes, with nothing in conflict.
    for (const path of ['/channels', '/messages', '/requests', '/engagements', '/documents', '/responsiveness', '/conflicts']) await sameOnBoth(p, path);
    expect((await usApi.get('/conflicts')).body).toEqual([]);
    const [row] = (await usApi.get('/responsiveness')).body;
    expect(row).toMatchObject({ side: 'CN', level: 'chief-of-staff', asked: 1, accepted: 1, countered: 1 });
  }, 90_000);
});


describe('conflicts', () => {
  it('lists a peer event its machine refuses, on both nodes alike, and keeps folding the rest', async () => {
    pair = await startMechanismPair();
    const p = pair;
    // Beijing writes an agreement to a channel nobody proposed, past the API (which would refuse it).
    const raw = await fetch(`${p.cn.url}/v1/links/washington/events`, {
      method: 'POST', headers: { authorization: `Bearer ${p.cn.operatorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'channel.agreed', actor: 'beijing/policy', body: { channel: 'ghost' } }),
    });
    expect(raw.status).toBe(201);
    const [conflict] = await sameOnBoth(p, '/conflicts', (cs) => cs.length === 1);
    expect(conflict).toMatchObject({ origin: 'beijing.parley.example/washington', kind: 'channel.agreed', side: 'CN', code: 'E_CHANNEL_UNKNOWN' });
    await agreedChannel(p);
    expect((await p.usApi.get('/conflicts')).body).toHaveLength(1);
  }, 60_000);
});
