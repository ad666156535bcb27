import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChannelEvent, type Channel } from './channel.js';
import { escalationAt } from './escalation.js';
import { addMillis, MINUTE } from './instant.js';
import { acknowledgedLate, applyMessageEvent, isOverdue, messageToSend, type Message, type MessageEvent } from './message.js';
import { attachTranslation, translationsOf } from './translation.js';
import { applyAll, CN, hoursAfter, refusalCode, step, T0, US } from './testing/fixtures.js';
import type { Precedence } from './vocabulary.js';

const proposed = applyChannelEvent(null, step('channel.proposed', US, T0, {
  channel: 'dtl', medium: 'direct-line', name: { en: 'DTL', zh: '直通电话' }, level: 'chief-of-staff',
  ends: [{ side: US, position: 'cjcs' }, { side: CN, position: 'jsd' }], ackMinutes: { PRIORITY: 60 },
}));
const channel: Channel = applyChannelEvent(proposed, step('channel.agreed', CN, T0, { channel: 'dtl' }));
const text = { kind: 'text' as const, lang: 'en' as const, text: 'Request immediate call' };
const minutes = (n: number) => addMillis(T0, n * MINUTE);

function sendOn(precedence: Precedence, on: Channel = channel, parent: Message | null = null, id = 'm1'): Message {
  const body = messageToSend({ message: id, precedence, content: text }, on, parent ? CN : US, T0, parent);
  return applyMessageEvent(null, step('message.sent', parent ? CN : US, T0, body));
}
const receipt = { log: 'beijing.parley.example/washington', seq: 7, hash: 'a'.repeat(64) };
const deliver = (at = minutes(0.1), side = CN) => step('message.delivered', side, at, { message: 'm1', receipt });
const see = (at = minutes(1), side = CN) => step('message.seen', side, at, { message: 'm1' });
const ack = (at = minutes(2), side = CN) => step('message.acknowledged', side, at, { message: 'm1' });
const overdue = (at = minutes(11), side = US) => step('message.overdue', side, at, { message: 'm1' });

const flash = sendOn('FLASH');
const delivered = applyMessageEvent(flash, deliver());

describe('a message', () => {
  it('has the default deadline of its precedence, or the one the channel agreed', () => {
    expect(sendOn('FLASH').ackDeadline).toBe(minutes(10));
    expect(sendOn('IMMEDIATE').ackDeadline).toBe(minutes(30));
    expect(sendOn('PRIORITY').ackDeadline).toBe(minutes(60));
    expect(sendOn('ROUTINE').ackDeadline).toBe(hoursAfter(48));
  });

  it('goes sent, delivered by receipt, seen, acknowledged — by the receiving side', () => {
    const done = [see(), ack()].reduce(applyMessageEvent, delivered);
    expect(done).toMatchObject({ status: 'acknowledged', receipt, seenAt: minutes(1), acknowledgedAt: minutes(2) });
    expect(isOverdue(done, minutes(60))).toBe(false);
  });

  it('is overdue once its deadline passes unacknowledged, and a late acknowledgement stays late', () => {
    expect(isOverdue(delivered, minutes(9.9))).toBe(false);
    expect(isOverdue(delivered, minutes(10))).toBe(true);
    const late = applyMessageEvent(applyMessageEvent(delivered, overdue()), ack(minutes(12)));
    expect(late.overdueRecordedAt).toBe(minutes(11));
    expect(acknowledgedLate(late)).toBe(true);
  });

  it('threads a reply under the message it answers', () => {
    const reply = sendOn('FLASH', channel, flash, 'm2');
    expect(reply).toMatchObject({ thread: 'm1', inReplyTo: 'm1', from: CN, to: US });
  });

  it('may go over a suspended channel, marked as sent while suspended', () => {
    const suspended = applyChannelEvent(channel, step('channel.suspended', CN, T0, { scope: { kind: 'all' }, reason: 'Visit' }));
    expect(sendOn('FLASH', suspended).sentWhileSuspended).toBe(true);
  });

  it.each<[string, Message | null, MessageEvent, string]>([
    ['the sender recording delivery of its own message', flash, deliver(minutes(0.1), US), 'E_WRONG_SIDE'],
    ['the sender acknowledging its own message', delivered, ack(minutes(2), US), 'E_WRONG_SIDE'],
    ['acknowledging before the receipt', flash, ack(), 'E_TRANSITION_INVALID'],
    ['seeing before the receipt', flash, see(), 'E_TRANSITION_INVALID'],
    ['a second receipt', delivered, deliver(), 'E_TRANSITION_INVALID'],
    ['recording overdue before the deadline', delivered, overdue(minutes(9)), 'E_TRANSITION_INVALID'],
    ['recording overdue twice', applyMessageEvent(delivered, overdue()), overdue(minutes(12), CN), 'E_TRANSITION_INVALID'],
    ['a step for a message never sent', null, ack(), 'E_TRANSITION_INVALID'],
    ['acknowledging at a time before the receipt', delivered, ack(T0), 'E_TRANSITION_INVALID'],
  ])('refuses %s, changing nothing', (_name, message, event, code) => {
    expect(refusalCode(message, (m) => applyMessageEvent(m, event))).toBe(code);
  });

  it('refuses to send on a channel not agreed, or to reply across channels', () => {
    expect(refusalCode(proposed, (c) => messageToSend({ message: 'x', precedence: 'FLASH', content: text }, c, US, T0))).toBe('E_CHANNEL_NOT_ACTIVE');
    const other = { ...channel, id: 'vtc' };
    expect(refusalCode(flash, (p) => messageToSend({ message: 'x', precedence: 'FLASH', content: text }, other, CN, T0, p))).toBe('E_MESSAGE_THREAD_INVALID');
  });

  it('is acknowledged only after a receipt, and refused steps change nothing', () => {
    const anyStep = fc.tuple(
      fc.constantFrom<(at: string, side: string) => MessageEvent>(deliver, see, ack, overdue),
      fc.double({ min: 0, max: 30, noNaN: true }),
      fc.constantFrom(US, CN),
    ).map(([make, m, side]) => make(minutes(m), side));
    fc.assert(
      fc.property(fc.array(anyStep, { maxLength: 20 }), (events) => {
        const { state, applied } = applyAll<Message, MessageEvent>(flash, events, applyMessageEvent);
        expect(applied.reduce(applyMessageEvent, flash)).toEqual(state);
        if (state.status === 'acknowledged') expect(state.receipt).not.toBeNull();
        if (state.acknowledgedAt) expect(state.deliveredAt! <= state.acknowledgedAt).toBe(true);
        expect(applied.filter((e) => e.kind !== 'message.overdue').every((e) => e.side === CN)).toBe(true);
      }),
    );
  });
});

describe('escalation on the sending side', () => {
  it('climbs duty officer, next duty role, principal, one window apart', () => {
    expect(escalationAt(delivered, minutes(5))).toEqual({ step: null, nextAt: minutes(10) });
    expect(escalationAt(delivered, minutes(10))).toEqual({ step: 'duty-officer', nextAt: minutes(20) });
    expect(escalationAt(delivered, minutes(25))).toEqual({ step: 'next-duty-role', nextAt: minutes(30) });
    expect(escalationAt(delivered, minutes(300))).toEqual({ step: 'principal', nextAt: null });
  });

  it('stops once the message is acknowledged', () => {
    expect(escalationAt(applyMessageEvent(delivered, ack(minutes(15))), minutes(40))).toEqual({ step: null, nextAt: null });
  });
});

describe('a translation', () => {
  const ref = { log: 'washington.parley.example/beijing', seq: 3, hash: 'b'.repeat(64) };
  const attach = (of = ref, from: 'en' | 'zh' = 'en', lang: 'en' | 'zh' = 'zh') => step('translation.attached', CN, T0, { of, from, lang, text: '请求立即通话' });

  it('is attached to the exact event it translates', () => {
    const t = attachTranslation(attach(), { ref, lang: 'en' });
    expect(translationsOf(ref, [t])).toEqual([{ of: ref, from: 'en', lang: 'zh', text: '请求立即通话', by: CN }]);
    expect(translationsOf({ ...ref, hash: 'c'.repeat(64) }, [t])).toEqual([]);
  });

  it.each([
    ['naming another event', attach({ ...ref, hash: 'c'.repeat(64) }), 'E_TRANSITION_INVALID'],
    ['from a language the original is not in', attach(ref, 'zh', 'en'), 'E_EVENT_BODY_INVALID'],
    ['into the same language', attach(ref, 'en', 'en'), 'E_EVENT_BODY_INVALID'],
  ])('refuses one %s', (_name, event, code) => {
    expect(refusalCode(ref, () => attachTranslation(event, { ref, lang: 'en' }))).toBe(code);
  });
});
