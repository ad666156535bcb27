import { escalationAt, ESCALATION_LADDER, isOverdue, reached, type Instant, type MechanismEventKind, type Side } from '../../core/index.js';
import type { MechanismState } from './mechanism-state.js';

/** A step the node takes by itself for its users, and the incident it opens (if any) so the duty officer sees it. */
export interface DueStep {
  readonly kind: MechanismEventKind;
  readonly body: Record<string, unknown>;
  readonly incident: { readonly kind: string; readonly subject: string; readonly details: Record<string, unknown> } | null;
}

/**
 * What this side's node must record at `now`, from the state alone: a signed receipt for every
 * message of the peer not yet receipted (naming the exact event received); the expiry of our
 * unanswered requests past their deadline; our messages overdue for acknowledgement; and the
 * rungs of the escalation ladder our unacknowledged messages reached. Each duty falls to one
 * side's node only (the receiver receipts; the asker expires; the sender records overdue and
 * escalates), so the two nodes never record the same fact twice.
 */
export function dueSteps(state: MechanismState, ourSide: Side, now: Instant, link: string): DueStep[] {
  const due: DueStep[] = [];
  for (const message of state.messages.values()) {
    // Nothing is ever due for an acknowledged message: it is receipted, not overdue, and climbs no
    // rung. Nearly every message of a long record is, so the check costs a field read for those.
    if (message.status === 'acknowledged') continue;
    if (message.to === ourSide && message.status === 'sent') {
      due.push({ kind: 'message.delivered', body: { message: message.id, receipt: state.messageEvents.get(message.id) }, incident: null });
    }
    if (message.from !== ourSide) continue;
    const subject = `${link}/${message.id}`;
    if (isOverdue(message, now) && message.overdueRecordedAt === null) {
      due.push({
        kind: 'message.overdue', body: { message: message.id },
        incident: { kind: 'message.overdue', subject, details: { peer: link, message: message.id, precedence: message.precedence, ackDeadline: message.ackDeadline } },
      });
    }
    const step = escalationAt(message, now).step;
    const recorded = state.internal.escalations.get(message.id)?.length ?? 0;
    for (let rung = recorded; step !== null && rung <= ESCALATION_LADDER.indexOf(step); rung++) {
      const name = ESCALATION_LADDER[rung]!;
      due.push({
        kind: 'message.escalated', body: { message: message.id, step: name },
        incident: { kind: 'message.escalated', subject: `${subject}/${name}`, details: { peer: link, message: message.id, step: name } },
      });
    }
  }
  for (const request of state.requests.values()) {
    if (request.from === ourSide && request.status === 'open' && reached(now, request.respondBy)) {
      due.push({
        kind: 'request.expired', body: { request: request.id },
        incident: { kind: 'request.expired', subject: `${link}/${request.id}`, details: { peer: link, request: request.id, respondBy: request.respondBy, awaiting: request.awaiting } },
      });
    }
  }
  return due;
}
