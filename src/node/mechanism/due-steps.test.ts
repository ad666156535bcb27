import { describe, expect, it } from 'vitest';
import type { Message, MessageStatus } from '../../core/index.js';
import { dueSteps } from './due-steps.js';
import { emptyState } from './mechanism-state.js';

const SENT_AT = '2024-01-01T00:00:00.000Z';
const DEADLINE = '2024-01-01T00:15:00.000Z';
/** Long past the deadline and every rung of the escalation ladder. */
const YEARS_LATER = '2026-12-01T12:00:00.000Z';

function message(id: string, from: 'US' | 'CN', status: MessageStatus): Message {
  const delivered = status !== 'sent';
  return {
    id, channel: 'dtl', from, to: from === 'US' ? 'CN' : 'US', precedence: 'ROUTINE', thread: id, inReplyTo: null,
    content: { kind: 'text', lang: 'en', text: 'Acknowledge receipt.' }, sentAt: SENT_AT, ackDeadline: DEADLINE, sentWhileSuspended: false, status,
    receipt: delivered ? { log: 'beijing.parley.example/washington', seq: 1, hash: '0'.repeat(64) } : null,
    deliveredAt: delivered ? SENT_AT : null, seenAt: status === 'seen' || status === 'acknowledged' ? SENT_AT : null,
    acknowledgedAt: status === 'acknowledged' ? DEADLINE : null, overdueRecordedAt: null,
  };
}

const kindsDue = (messages: readonly Message[]): string[] => {
  const state = emptyState();
  for (const m of messages) state.messages.set(m.id, m);
  return dueSteps(state, 'US', YEARS_LATER, 'beijing').map((d) => `${d.kind} ${String(d.body.message)}${d.body.step ? ` ${String(d.body.step)}` : ''}`);
};

describe('what is due', () => {
  it('is nothing for an acknowledged message, from either side, however long ago its deadline passed', () => {
    expect(kindsDue([message('ours', 'US', 'acknowledged'), message('theirs', 'CN', 'acknowledged')])).toEqual([]);
  });

  it('is a receipt for the peer’s message not yet delivered, and overdue and every rung for ours not acknowledged', () => {
    expect(kindsDue([message('theirs', 'CN', 'sent')])).toEqual(['message.delivered theirs']);
    for (const status of ['sent', 'delivered', 'seen'] as const) {
      expect(kindsDue([message('ours', 'US', status)])).toEqual([
        'message.overdue ours', 'message.escalated ours duty-officer', 'message.escalated ours next-duty-role', 'message.escalated ours principal',
      ]);
    }
    // The same messages acknowledged among them change nothing.
    expect(kindsDue([message('a', 'US', 'acknowledged'), message('theirs', 'CN', 'sent'), message('b', 'CN', 'acknowledged')])).toEqual(['message.delivered theirs']);
  });
});
