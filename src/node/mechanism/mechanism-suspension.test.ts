import { afterEach, describe, expect, it } from 'vitest';
import { sameOnBoth, startMechanismPair, type MechanismPair } from './testing/mechanism-pair.js';
import { agreedChannel, inHours, requestOnBoth } from './testing/mechanism-steps.js';

let pair: MechanismPair | null = null;
afterEach(async () => {
  await pair?.stop();
  pair = null;
});

describe('suspension, resumption and talks, through both APIs', () => {
  it('a level suspended with a reason, a request sent while suspended, an agreed resumption, talks in sessions', async () => {
    pair = await startMechanismPair();
    const p = pair;
    const { usApi, cnApi } = p;
    await agreedChannel(p, 'dtl');
    await usApi.act('/channels', { actor: 'washington/policy', channel: 'dpct', medium: 'dialogue', name: { en: 'Defense Policy Coordination Talks', zh: '国防政策协调对话' }, level: 'policy',
      ends: [{ side: 'US', position: 'dasd-china' }, { side: 'CN', position: 'oimc' }], ackMinutes: { ROUTINE: 24 * 60 } });
    await sameOnBoth(p, '/channels', (cs) => cs.length === 2);
    await cnApi.act('/channels/dpct/agree', { actor: 'beijing/policy' });
    await sameOnBoth(p, '/channels', (cs) => cs.every((c: { status: string }) => c.status === 'active'));

    // August 2022: China suspends the policy level, with its stated reason.
    await cnApi.act('/channels/suspension', { actor: 'beijing/mnd', scope: { kind: 'level', level: 'policy' }, reason: 'Countermeasures after the visit to Taiwan' });
    let channels = await sameOnBoth(p, '/channels', (cs) => cs.some((c: { status: string }) => c.status === 'suspended'));
    expect(channels.map((c: { id: string; status: string }) => [c.id, c.status])).toEqual([['dtl', 'active'], ['dpct', 'suspended']]);
    expect(channels[1].suspension).toMatchObject({ by: 'CN', reason: 'Countermeasures after the visit to Taiwan', scope: { kind: 'level', level: 'policy' } });

    // Asking is still possible, and the record says it was asked while suspended.
    const talks = { actor: 'washington/policy', request: 'dpct-2024', level: 'policy', format: 'talks', channel: 'dpct',
      options: [{ id: 'jan', start: inHours(p, 24 * 30), end: inHours(p, 24 * 32) }], agenda: ['Plan for the next year'], respondBy: inHours(p, 24 * 20) };
    await usApi.act('/requests', talks);
    expect(await requestOnBoth(p, 'dpct-2024')).toMatchObject({ sentWhileSuspended: true, awaiting: 'CN' });

    // November 2023: the US proposes resuming everything; China agrees; the request is then accepted.
    await usApi.act('/channels/resumption-proposal', { actor: 'washington/policy', scope: { kind: 'all' } });
    await sameOnBoth(p, '/channels', (cs) => cs[1].suspension?.resumptionProposedBy === 'US');
    expect((await usApi.post('/channels/resumption', { actor: 'washington/policy', scope: { kind: 'all' } })).body.code).toBe('E_SCOPE_EMPTY');
    await cnApi.act('/channels/resumption', { actor: 'beijing/policy', scope: { kind: 'all' } });
    channels = await sameOnBoth(p, '/channels', (cs) => cs.every((c: { status: string }) => c.status === 'active'));
    await cnApi.act('/requests/dpct-2024/accept', { actor: 'beijing/policy', option: 'jan' });
    await requestOnBoth(p, 'dpct-2024', (r) => r.status === 'accepted');

    // January 2024 DPCT: two sessions with attendance, then held.
    await cnApi.act('/engagements', { actor: 'beijing/policy', engagement: 'dpct-jan', request: 'dpct-2024' });
    await sameOnBoth(p, '/engagements', (es) => es.length === 1);
    await usApi.act('/engagements/dpct-jan/start', { actor: 'washington/policy' });
    await sameOnBoth(p, '/engagements/dpct-jan', (e) => e.status === 'in-progress');
    await usApi.act('/engagements/dpct-jan/sessions', { actor: 'washington/policy', session: 'day-1', agenda: ['Plan for the next year'] });
    await sameOnBoth(p, '/engagements/dpct-jan', (e) => e.sessions.length === 1);
    await cnApi.act('/engagements/dpct-jan/attendance', { actor: 'beijing/policy', session: 'day-1', person: 'Maj. Gen. Song Yanchao', position: 'oimc' });
    await usApi.act('/engagements/dpct-jan/attendance', { actor: 'washington/policy', session: 'day-1', person: 'Michael Chase', position: 'dasd-china' });
    await sameOnBoth(p, '/engagements/dpct-jan', (e) => e.attendance.length === 2);
    await cnApi.act('/engagements/dpct-jan/sessions/day-1/close', { actor: 'beijing/policy' });
    await sameOnBoth(p, '/engagements/dpct-jan', (e) => e.sessions[0].closedAt !== null);
    await cnApi.act('/engagements/dpct-jan/end', { actor: 'beijing/policy' });
    const engagement = await sameOnBoth(p, '/engagements/dpct-jan', (e) => e.status === 'held');
    expect(engagement).toMatchObject({ requestedBy: 'US', format: 'talks', outcome: { kind: 'held', by: 'CN' }, sessions: [{ id: 'day-1', agenda: ['Plan for the next year'] }] });
    expect(engagement.attendance.map((a: { side: string; person: string }) => a.side).sort()).toEqual(['CN', 'US']);

    // An internal note stays on its side.
    await usApi.act('/engagements/dpct-jan/notes', { actor: 'washington/policy', text: 'Push for theater-level lines next time.' });
    expect((await usApi.get('/notes')).body).toMatchObject([{ subject: 'engagement', id: 'dpct-jan', by: 'washington/policy' }]);
    expect((await cnApi.get('/notes')).body).toEqual([]);
    expect(await sameOnBoth(p, '/conflicts')).toEqual([]);
  }, 90_000);
});
