import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyEngagementEvent, engagementToSchedule, scheduleEngagement, type Engagement, type EngagementEvent } from './engagement.js';
import { applyRequestEvent, type EngagementRequest } from './engagement-request.js';
import type { EngagementKind } from './vocabulary.js';
import { applyAll, CN, hoursAfter, refusalCode, step, T0, US } from './testing/fixtures.js';

function acceptedRequest(format: EngagementKind): EngagementRequest {
  const sent = applyRequestEvent(null, step('request.sent', US, T0, {
    request: 'r1', to: CN, level: 'chief-of-staff', format, channel: 'vtc', options: [{ id: 'a', start: hoursAfter(72), end: hoursAfter(73) }],
    agenda: ['Crisis communication'], respondBy: hoursAfter(48), sentWhileSuspended: false,
  }));
  return applyRequestEvent(sent, step('request.accepted', CN, hoursAfter(1), { request: 'r1', option: 'a' }));
}
const schedule = (format: EngagementKind): Engagement => {
  const request = acceptedRequest(format);
  return scheduleEngagement(request, step('engagement.scheduled', US, hoursAfter(2), engagementToSchedule(request, 'e1')));
};
const e = { engagement: 'e1' };
const start = (side = US) => step('engagement.started', side, hoursAfter(72), e);
const end = (side = US) => step('engagement.ended', side, hoursAfter(73), e);
const open = (session = 's1') => step('engagement.session_opened', CN, hoursAfter(72.1), { ...e, session, agenda: ['Maritime safety'] });
const closeSession = (session = 's1') => step('engagement.session_closed', CN, hoursAfter(72.5), { ...e, session });
const attend = (side = CN, session: string | null = null) => step('engagement.attended', side, hoursAfter(72.2), { ...e, session, person: 'Adm. Liu Zhenli', position: 'cn-jsd' });
const postpone = (side = CN) => step('engagement.postponed', side, hoursAfter(10), { ...e, reason: 'Schedule conflict' });
const reschedule = () => step('engagement.rescheduled', US, hoursAfter(11), { ...e, start: hoursAfter(200), end: hoursAfter(201) });
const cancel = (side = CN) => step('engagement.cancelled', side, hoursAfter(12), { ...e, reason: 'Political situation' });

const vtc = schedule('vtc');
const talks = schedule('talks');
const run = (from: Engagement, events: EngagementEvent[]) => events.reduce(applyEngagementEvent, from);

describe('an engagement', () => {
  it('is scheduled from the accepted option, remembering who asked', () => {
    expect(vtc).toMatchObject({ requestedBy: US, status: 'scheduled', start: hoursAfter(72), end: hoursAfter(73), format: 'vtc' });
  });

  it('is held with start, end and attendance', () => {
    const held = run(vtc, [start(), attend(CN), attend(US), end()]);
    expect(held).toMatchObject({ status: 'held', startedAt: hoursAfter(72), endedAt: hoursAfter(73), outcome: { kind: 'held' } });
    expect(held.attendance.map((a) => a.side)).toEqual([CN, US]);
  });

  it('as talks has sessions with their own agenda and attendance', () => {
    const held = run(talks, [start(), open('s1'), attend(CN, 's1'), closeSession('s1'), open('s2'), closeSession('s2'), end()]);
    expect(held.sessions.map((s) => [s.id, s.closedAt !== null])).toEqual([['s1', true], ['s2', true]]);
    expect(held.attendance[0]).toMatchObject({ session: 's1', person: 'Adm. Liu Zhenli' });
  });

  it('records who postponed or cancelled it, and why', () => {
    expect(run(vtc, [postpone(), reschedule()])).toMatchObject({ status: 'scheduled', start: hoursAfter(200), outcome: { kind: 'postponed', by: CN } });
    expect(run(vtc, [postpone(), cancel()]).outcome).toEqual({ kind: 'cancelled', by: CN, reason: 'Political situation', at: hoursAfter(12) });
  });

  it.each<[string, Engagement, EngagementEvent, string]>([
    ['starting twice', run(vtc, [start()]), start(CN), 'E_TRANSITION_INVALID'],
    ['ending before it starts', vtc, end(), 'E_TRANSITION_INVALID'],
    ['sessions on a VTC', run(vtc, [start()]), open(), 'E_TRANSITION_INVALID'],
    ['a second session while one is open', run(talks, [start(), open('s1')]), open('s2'), 'E_TRANSITION_INVALID'],
    ['ending talks with a session open', run(talks, [start(), open('s1')]), end(), 'E_TRANSITION_INVALID'],
    ['attendance at a session not open', run(talks, [start()]), attend(CN, 's9'), 'E_TRANSITION_INVALID'],
    ['cancelling a held engagement', run(vtc, [start(), end()]), cancel(), 'E_TRANSITION_INVALID'],
    ['postponing one in progress', run(vtc, [start()]), postpone(), 'E_TRANSITION_INVALID'],
    ['a third side acting', vtc, start('RU'), 'E_WRONG_SIDE'],
  ])('refuses %s, changing nothing', (_name, engagement, event, code) => {
    expect(refusalCode(engagement, (g) => applyEngagementEvent(g, event))).toBe(code);
  });

  it('is scheduled only from an accepted request, as accepted', () => {
    const open = applyRequestEvent(null, step('request.sent', US, T0, {
      request: 'r2', to: CN, level: 'policy', format: 'talks', channel: null, options: [{ id: 'a', start: hoursAfter(72), end: hoursAfter(73) }], agenda: [], respondBy: hoursAfter(48), sentWhileSuspended: false,
    }));
    expect(refusalCode(open, (r) => engagementToSchedule(r, 'e2'))).toBe('E_ENGAGEMENT_REQUEST_NOT_ACCEPTED');
    const request = acceptedRequest('vtc');
    const moved = step('engagement.scheduled', US, hoursAfter(2), { ...engagementToSchedule(request, 'e1'), start: hoursAfter(80) });
    expect(refusalCode(request, (r) => scheduleEngagement(r, moved))).toBe('E_TRANSITION_INVALID');
  });

  it('ends in one outcome, and a held one has a start before its end, whatever the steps', () => {
    const anyStep = fc.constantFrom(start(), start(CN), end(), open('s1'), open('s2'), closeSession('s1'), closeSession('s2'), attend(), attend(CN, 's1'), postpone(), reschedule(), cancel());
    fc.assert(
      fc.property(fc.constantFrom(vtc, talks), fc.array(anyStep, { maxLength: 25 }), (initial, events) => {
        const { state, applied } = applyAll(initial, events, applyEngagementEvent);
        expect(applied.reduce(applyEngagementEvent, initial)).toEqual(state);
        expect(applied.filter((x) => x.kind === 'engagement.ended' || x.kind === 'engagement.cancelled').length).toBeLessThanOrEqual(1);
        if (state.status === 'held') expect(state.startedAt !== null && state.sessions.every((s) => s.closedAt !== null)).toBe(true);
      }),
    );
  });
});
