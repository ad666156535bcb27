import {
  acknowledgedLate, isOverdue, renderShortCode, requestAt, translationsOf, type Channel, type CodeList, type EngagementRequest, type Instant, type Message,
  type PositionDirectory, type Side, type Translation,
} from '../../core/index.js';
import type { Conflict } from './link-projection.js';
import type { MechanismState } from './mechanism-state.js';
import { presentTime, type TimeView } from './present-time.js';

/** What every presenter needs: the sides' clocks and the time the answer is given at. */
export interface Presentation {
  readonly zones: Readonly<Record<Side, string>>;
  readonly now: Instant;
  readonly time: (at: Instant) => TimeView;
  readonly maybeTime: (at: Instant | null) => TimeView | null;
}

export const presentation = (zones: Readonly<Record<Side, string>>, now: Instant): Presentation => ({
  zones, now, time: (at) => presentTime(at, zones), maybeTime: (at) => presentTime(at, zones),
});

/*
 * Presenters list every outgoing field by name: nothing reaches a client because a state
 * object happened to carry it, and a renamed field inside the machines cannot change the API.
 */

export const presentDirectory = (directory: PositionDirectory) => ({
  positions: directory.positions.map((p) => ({ id: p.id, side: p.side, level: p.level, title: p.title, holder: p.holder })),
  counterparts: directory.counterparts.map((c) => ({ level: c.level, positions: c.positions })),
});

export const presentChannel = (c: Channel, p: Presentation) => ({
  id: c.id, medium: c.medium, name: c.name, level: c.level, ends: c.ends.map((e) => ({ side: e.side, position: e.position })),
  ackMinutes: c.ackMinutes, status: c.status, proposedBy: c.proposedBy,
  suspension: c.suspension && { by: c.suspension.by, at: p.time(c.suspension.at), reason: c.suspension.reason, scope: c.suspension.scope, resumptionProposedBy: c.suspension.resumptionProposedBy },
  closed: c.closed && { by: c.closed.by, at: p.time(c.closed.at), reason: c.closed.reason },
});

export function presentRequest(stored: EngagementRequest, p: Presentation) {
  // As it stands now: an open request past its deadline shows as expired before the expiry is recorded.
  const r = requestAt(stored, p.now);
  return {
    id: r.id, from: r.from, to: r.to, level: r.level, format: r.format, channel: r.channel, sentAt: p.time(r.sentAt), sentWhileSuspended: r.sentWhileSuspended,
    status: r.status, expiryRecorded: stored.history.some((s) => s.kind === 'request.expired'),
    options: r.options.map((o) => ({ id: o.id, start: p.time(o.start), end: p.time(o.end) })), agenda: r.agenda, respondBy: p.time(r.respondBy), awaiting: r.awaiting,
    accepted: r.accepted && { id: r.accepted.id, start: p.time(r.accepted.start), end: p.time(r.accepted.end) }, reason: r.reason,
    history: r.history.map((s) => ({ kind: s.kind, side: s.side, at: p.time(s.at) })),
  };
}

const presentTranslation = (t: Translation) => ({ of: t.of, from: t.from, lang: t.lang, text: t.text, by: t.by });

export function presentMessage(m: Message, state: MechanismState, codeLists: readonly CodeList[], p: Presentation) {
  const event = state.messageEvents.get(m.id) ?? null;
  const list = m.content.kind === 'short-code' ? codeLists.find((l) => l.id === (m.content as { list: string }).list) : undefined;
  return {
    id: m.id, channel: m.channel, from: m.from, to: m.to, precedence: m.precedence, thread: m.thread, inReplyTo: m.inReplyTo, content: m.content,
    // A short code is shown in the words both sides agreed, in both languages.
    rendered: m.content.kind === 'short-code' && list ? renderShortCode(list, m.content.code) : null,
    event, sentAt: p.time(m.sentAt), ackDeadline: p.time(m.ackDeadline), sentWhileSuspended: m.sentWhileSuspended, status: m.status,
    receipt: m.receipt, deliveredAt: p.maybeTime(m.deliveredAt), seenAt: p.maybeTime(m.seenAt), acknowledgedAt: p.maybeTime(m.acknowledgedAt),
    overdue: isOverdue(m, p.now), acknowledgedLate: acknowledgedLate(m), overdueRecordedAt: p.maybeTime(m.overdueRecordedAt),
    escalations: (state.internal.escalations.get(m.id) ?? []).map((e) => ({ step: e.step, at: p.time(e.at) })),
    translations: event ? translationsOf(event, state.translations).map(presentTranslation) : [],
  };
}

export const presentConflict = (c: Conflict, p: Presentation) => ({
  origin: c.origin, seq: c.seq, kind: c.kind, side: c.side, ts: p.time(c.ts), code: c.code, message: c.message,
});

export { presentTranslation };
