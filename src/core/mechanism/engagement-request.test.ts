import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChannelEvent, type Channel } from './channel.js';
import { applyRequestEvent, requestAt, requestToSend, type EngagementRequest, type RequestEvent } from './engagement-request.js';
import { applyAll, CN, hoursAfter, refusalCode, step, T0, US } from './testing/fixtures.js';

const options = [{ id: 'a', start: hoursAfter(72), end: hoursAfter(73) }, { id: 'b', start: hoursAfter(96), end: hoursAfter(97) }];
const send = (at = T0) => step('request.sent', US, at, {
  request: 'r1', to: CN, level: 'chief-of-staff', format: 'vtc', channel: 'dtl', options, agenda: ['Crisis communication'],
  respondBy: hoursAfter(48), sentWhileSuspended: false,
});
const accept = (side = CN, option = 'a', hours = 1) => step('request.accepted', side, hoursAfter(hours), { request: 'r1', option });
const counter = (side = CN, hours = 2) => step('request.countered', side, hoursAfter(hours), {
  request: 'r1', options: [{ id: 'c', start: hoursAfter(120), end: hoursAfter(121) }], agenda: ['Taiwan'], respondBy: hoursAfter(hours + 48),
});
const decline = (side = CN, hours = 3) => step('request.declined', side, hoursAfter(hours), { request: 'r1', reason: 'Conditions are not right' });
const withdraw = (side = US, hours = 4) => step('request.withdrawn', side, hoursAfter(hours), { request: 'r1', reason: '' });
const expire = (hours = 48) => step('request.expired', CN, hoursAfter(hours), { request: 'r1' });

const sent = applyRequestEvent(null, send());

describe('an engagement request', () => {
  it('records who asked and the option accepted', () => {
    const done = applyRequestEvent(sent, accept());
    expect(done).toMatchObject({ from: US, to: CN, status: 'accepted', accepted: options[0] });
  });

  it('passes the turn back and forth with each counter-proposal', () => {
    const countered = applyRequestEvent(sent, counter());
    expect(countered).toMatchObject({ status: 'open', awaiting: US, agenda: ['Taiwan'], respondBy: hoursAfter(50) });
    expect(applyRequestEvent(countered, accept(US, 'c', 5))).toMatchObject({ status: 'accepted', accepted: { id: 'c' } });
  });

  it('expires at its deadline when nobody answers, recorded or not', () => {
    expect(requestAt(sent, hoursAfter(47.9)).status).toBe('open');
    expect(requestAt(sent, hoursAfter(48)).status).toBe('expired');
    expect(applyRequestEvent(sent, expire()).status).toBe('expired');
  });

  it.each<[string, EngagementRequest | null, RequestEvent, string]>([
    ['accepting after the deadline', sent, accept(CN, 'a', 48), 'E_REQUEST_EXPIRED'],
    ['accepting a recorded expired request', applyRequestEvent(sent, expire()), accept(CN, 'a', 1), 'E_REQUEST_EXPIRED'],
    ['accepting twice', applyRequestEvent(sent, accept()), accept(), 'E_REQUEST_NOT_OPEN'],
    ['countering a declined request', applyRequestEvent(sent, decline()), counter(), 'E_REQUEST_NOT_OPEN'],
    ['the asking side accepting its own request', sent, accept(US), 'E_WRONG_SIDE'],
    ['the asked side withdrawing it', sent, withdraw(CN), 'E_WRONG_SIDE'],
    ['a third side answering', sent, accept('RU'), 'E_WRONG_SIDE'],
    ['accepting an option no longer on the table', applyRequestEvent(sent, counter()), accept(US, 'a', 5), 'E_REQUEST_OPTION_UNKNOWN'],
    ['recording expiry before the deadline', sent, expire(47), 'E_TRANSITION_INVALID'],
    ['answering a request never sent', null, accept(), 'E_TRANSITION_INVALID'],
    ['sending the same request twice', sent, send(), 'E_TRANSITION_INVALID'],
    ['a deadline before the request is sent', null, { ...send(), respondBy: hoursAfter(-1) }, 'E_DEADLINE_INVALID'],
    ['a time option that ends before it starts', null, { ...send(), options: [{ id: 'x', start: hoursAfter(5), end: hoursAfter(4) }] }, 'E_DEADLINE_INVALID'],
  ])('refuses %s, changing nothing', (_name, request, event, code) => {
    expect(refusalCode(request, (r) => applyRequestEvent(r, event))).toBe(code);
  });

  it('over a suspended channel is sent, and marked as sent while suspended', () => {
    const proposed = applyChannelEvent(null, step('channel.proposed', US, T0, {
      channel: 'dtl', medium: 'direct-line', name: { en: 'DTL', zh: '直通电话' }, level: 'chief-of-staff',
      ends: [{ side: US, position: 'cjcs' }, { side: CN, position: 'jsd' }], ackMinutes: {},
    }));
    const active = applyChannelEvent(proposed, step('channel.agreed', CN, T0, { channel: 'dtl' }));
    const suspended: Channel = applyChannelEvent(active, step('channel.suspended', CN, T0, { scope: { kind: 'all' }, reason: 'Visit' }));
    const { sentWhileSuspended: _, request, kind: _k, side: _s, at: _a, ...rest } = send();
    expect(requestToSend({ request, ...rest }, suspended).sentWhileSuspended).toBe(true);
    expect(requestToSend({ request, ...rest }, active).sentWhileSuspended).toBe(false);
    expect(refusalCode(proposed, (c) => requestToSend({ request, ...rest }, c))).toBe('E_CHANNEL_NOT_ACTIVE');
  });

  it('is never both accepted and expired, and refused steps change nothing', () => {
    const anyStep = fc.oneof(
      fc.constantFrom<RequestEvent>(send(), decline(), decline(US), withdraw(), withdraw(CN)),
      fc.tuple(fc.constantFrom(US, CN), fc.constantFrom('a', 'b', 'c'), fc.double({ min: 0, max: 200, noNaN: true })).map(([s, o, h]) => accept(s, o, h)),
      fc.tuple(fc.constantFrom(US, CN), fc.double({ min: 0, max: 200, noNaN: true })).map(([s, h]) => counter(s, h)),
      fc.double({ min: 0, max: 300, noNaN: true }).map((h) => expire(h)),
    );
    fc.assert(
      fc.property(fc.array(anyStep, { maxLength: 25 }), fc.double({ min: 0, max: 400, noNaN: true }), (events, nowHours) => {
        const { state, applied } = applyAll<EngagementRequest | null, RequestEvent>(null, events, applyRequestEvent);
        expect(applied.reduce(applyRequestEvent, null)).toEqual(state);
        if (!state) return;
        const now = requestAt(state, hoursAfter(nowHours));
        const finals = now.history.filter((s) => s.kind !== 'request.sent' && s.kind !== 'request.countered');
        expect(finals.length).toBeLessThanOrEqual(1);
        expect(now.status === 'accepted' && now.history.some((s) => s.kind === 'request.expired')).toBe(false);
        if (state.status === 'accepted') expect(state.accepted).not.toBeNull();
      }),
    );
  });
});
