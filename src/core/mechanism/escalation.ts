import { addMillis, millisBetween, reached } from './instant.js';
import { isOverdue, type Message } from './message.js';
import type { Instant } from './vocabulary.js';

/**
 * Who on the SENDING side must act on an unacknowledged message (DESIGN §2): when the deadline
 * passes, the duty officer; one more acknowledgement window later, the next duty role; one more,
 * the principal. Stepping by the message's own window keeps FLASH urgent (10-minute steps) and
 * ROUTINE calm (48-hour steps). The node's scheduler calls this with its clock; nothing here waits.
 */
export const ESCALATION_LADDER = ['duty-officer', 'next-duty-role', 'principal'] as const;
export type EscalationStep = (typeof ESCALATION_LADDER)[number];

export interface Escalation {
  /** The highest rung reached at `now`, or null when nothing is overdue. */
  readonly step: EscalationStep | null;
  /** When the next rung is reached, or null at the top of the ladder or once acknowledged. */
  readonly nextAt: Instant | null;
}

export function escalationAt(message: Message, now: Instant): Escalation {
  const window = millisBetween(message.sentAt, message.ackDeadline);
  const rungAt = (i: number): Instant => addMillis(message.ackDeadline, i * window);
  if (!isOverdue(message, now)) {
    return { step: null, nextAt: message.status === 'acknowledged' ? null : rungAt(0) };
  }
  let reachedRung = 0;
  while (reachedRung + 1 < ESCALATION_LADDER.length && reached(now, rungAt(reachedRung + 1))) reachedRung++;
  const next = reachedRung + 1 < ESCALATION_LADDER.length ? rungAt(reachedRung + 1) : null;
  return { step: ESCALATION_LADDER[reachedRung]!, nextAt: next };
}
