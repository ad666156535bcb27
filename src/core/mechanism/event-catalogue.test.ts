import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { applyChannelEvent } from './channel.js';
import { applyRequestEvent, requestToSend } from './engagement-request.js';
import { engagementToSchedule } from './engagement.js';
import { crossesLink, eventBodyOf, EVENT_CATALOGUE, INTERNAL_EVENT_KINDS, SHARED_EVENT_KINDS, matchingEventBody, parseEventBody, toMechanismEvent, type MechanismEventKind } from './event-catalogue.js';
import { messageToSend } from './message.js';
import { CN, hoursAfter, refusalCode, step, T0, US } from './testing/fixtures.js';

const kinds = Object.keys(EVENT_CATALOGUE) as MechanismEventKind[];

describe('the event catalogue', () => {
  it('names kinds the way the record spells them', () => {
    for (const kind of kinds) expect(kind).toMatch(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/);
  });

  it('keeps side-internal work off the link', () => {
    const internal = kinds.filter((kind) => !crossesLink(kind)).sort();
    expect([...INTERNAL_EVENT_KINDS].sort()).toEqual(internal);
    expect(SHARED_EVENT_KINDS.length + INTERNAL_EVENT_KINDS.length).toBe(kinds.length);
    expect(internal).toEqual(['engagement.note_added', 'jointdoc.draft_saved', 'message.escalated', 'readout.draft_saved', 'request.note_added']);
    expect(refusalCode('x', () => crossesLink('message.sent_twice'))).toBe('E_EVENT_KIND_UNKNOWN');
  });

  it('has no body field that would clash with the step\'s own kind, side or time', () => {
    for (const kind of kinds) {
      const body = EVENT_CATALOGUE[kind].body as z.ZodObject;
      for (const reserved of ['kind', 'side', 'at']) expect(Object.keys(body.shape), kind).not.toContain(reserved);
    }
  });

  it('refuses a bad body naming every field at fault', () => {
    try {
      parseEventBody('request.declined', { request: 'r 1', extra: true });
      expect.unreachable();
    } catch (err) {
      const { code, details } = err as { code: string; details: { issues: { path: string }[] } };
      expect(code).toBe('E_EVENT_BODY_INVALID');
      expect(details.issues.map((i) => i.path).sort()).toEqual(['', 'reason', 'request']);
    }
  });

  it('turns a record event into a step and back into the same body', () => {
    const body = { channel: 'dtl', reason: 'Replaced' };
    const event = toMechanismEvent({ kind: 'channel.closed', ts: T0, body }, US);
    expect(event).toEqual({ kind: 'channel.closed', side: US, at: T0, ...body });
    expect(eventBodyOf(event)).toEqual(body);
  });

  it('accepts every body the machines produce, so node and web app check the same shape', () => {
    const channel = applyChannelEvent(applyChannelEvent(null, step('channel.proposed', US, T0, {
      channel: 'dtl', medium: 'direct-line', name: { en: 'DTL', zh: '直通电话' }, level: 'chief-of-staff',
      ends: [{ side: US, position: 'cjcs' }, { side: CN, position: 'jsd' }], ackMinutes: {},
    })), step('channel.agreed', CN, T0, { channel: 'dtl' }));
    const requestBody = requestToSend({
      request: 'r1', to: CN, level: 'chief-of-staff', format: 'vtc', channel: 'dtl', options: [{ id: 'a', start: hoursAfter(72), end: hoursAfter(73) }], agenda: [], respondBy: hoursAfter(48),
    }, channel);
    expect(parseEventBody('request.sent', requestBody)).toEqual(requestBody);
    const messageBody = messageToSend({ message: 'm1', precedence: 'FLASH', content: { kind: 'text', lang: 'en', text: 'Call now' } }, channel, US, T0);
    expect(parseEventBody('message.sent', messageBody)).toEqual(messageBody);
    const accepted = applyRequestEvent(applyRequestEvent(null, step('request.sent', US, T0, requestBody)), step('request.accepted', CN, hoursAfter(1), { request: 'r1', option: 'a' }));
    const scheduleBody = engagementToSchedule(accepted, 'e1');
    expect(parseEventBody('engagement.scheduled', scheduleBody)).toEqual(scheduleBody);
  });

  it('checks one body object once, for every reader, and keeps each kind apart', () => {
    const body = { message: 'm1' };
    const first = matchingEventBody('message.seen', body);
    expect(first).toEqual({ message: 'm1' });
    // The same object again: the same checked value, whichever reader asks.
    expect(parseEventBody('message.seen', body)).toBe(first);
    // Checked as another kind, it is checked against that kind's schema.
    expect(matchingEventBody('message.sent', body)).toBeUndefined();
    const refusal = (() => {
      try {
        parseEventBody('message.sent', body);
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toMatchObject({ code: 'E_EVENT_BODY_INVALID', message: expect.stringContaining('channel') });
    // A refused body stays refused, with the same reasons, when read again.
    expect(() => parseEventBody('message.sent', body)).toThrow((refusal as Error).message);
    expect(matchingEventBody('message.seen', { message: '' })).toBeUndefined();
  });
});

