import {
  checkQuote, type Engagement, type JointDocument, type PlanProgress, type Readout, type ResponsivenessRow, type Side,
} from '../../core/index.js';
import type { MechanismState } from './mechanism-state.js';
import { presentTranslation, type Presentation } from './present-traffic.js';

export const presentEngagement = (e: Engagement, p: Presentation) => ({
  id: e.id, request: e.request, requestedBy: e.requestedBy, parties: e.parties, format: e.format, level: e.level, channel: e.channel,
  start: p.time(e.start), end: p.time(e.end), agenda: e.agenda, planEntry: e.planEntry, status: e.status,
  startedAt: p.maybeTime(e.startedAt), endedAt: p.maybeTime(e.endedAt),
  sessions: e.sessions.map((s) => ({ id: s.id, agenda: s.agenda, openedAt: p.time(s.openedAt), closedAt: p.maybeTime(s.closedAt) })),
  attendance: e.attendance.map((a) => ({ session: a.session, person: a.person, position: a.position, side: a.side, at: p.time(a.at) })),
  outcome: e.outcome && { kind: e.outcome.kind, by: e.outcome.by, reason: e.outcome.reason, at: p.time(e.outcome.at) },
});

/** One side's published readout, each quote checked against the agreed minutes it points at. */
function presentReadout(r: Readout, state: MechanismState, p: Presentation) {
  if (!r.published) return null;
  return {
    side: r.side, lang: r.published.lang, text: r.published.text, publishedAt: p.time(r.published.at),
    quotes: r.published.quotes.map((q) => {
      const minutes = state.documents.get(q.minutes.document);
      return { text: q.text, minutes: q.minutes, start: q.start, end: q.end, check: minutes ? checkQuote(q, minutes) : { kind: 'minutes-not-agreed' as const } };
    }),
    translations: r.translations.map(presentTranslation),
  };
}

/** Both sides' readouts of one engagement side by side, and this side's internal draft (never the peer's). */
export function presentReadouts(engagement: Engagement, state: MechanismState, ourSide: Side, p: Presentation) {
  const bySide = Object.fromEntries(engagement.parties.map((side) => {
    const readout = state.readouts.get(`${engagement.id}|${side}`);
    return [side, readout ? presentReadout(readout, state, p) : null];
  }));
  const draft = state.internal.readoutDrafts.get(engagement.id);
  return {
    engagement: engagement.id, readouts: bySide,
    ourDraft: draft ? { side: ourSide, lang: draft.lang, text: draft.text, savedAt: p.time(draft.at), by: draft.actor } : null,
  };
}

export function presentDocument(d: JointDocument, state: MechanismState, p: Presentation) {
  const draft = state.internal.documentDrafts.get(d.id);
  return {
    id: d.id, type: d.type, title: d.title, parties: d.parties,
    inForce: d.versions.find((v) => v.status === 'in-force')?.version ?? null,
    versions: d.versions.map((v) => ({
      version: v.version, hash: v.hash, content: v.content, proposedBy: v.proposedBy, proposedAt: p.time(v.proposedAt), cosignedBy: v.cosignedBy,
      status: v.status, inForceAt: p.maybeTime(v.inForceAt),
    })),
    ourDraft: draft ? { content: draft.content, savedAt: p.time(draft.at), by: draft.actor } : null,
  };
}

export const presentPlanProgress = (document: string, version: number, progress: PlanProgress, p: Presentation) => ({
  document, version, held: progress.held, pending: progress.pending, missed: progress.missed, unplanned: progress.unplanned,
  entries: progress.entries.map((e) => ({
    id: e.entry.id, format: e.entry.format, level: e.entry.level, title: e.entry.title,
    window: { from: p.time(e.entry.window.from), to: p.time(e.entry.window.to) }, status: e.status, engagement: e.engagement,
  })),
});

export const presentResponsiveness = (row: ResponsivenessRow) => ({
  side: row.side, level: row.level, period: row.period, asked: row.asked, accepted: row.accepted, countered: row.countered, declined: row.declined,
  expiredUnanswered: row.expiredUnanswered, withdrawn: row.withdrawn, open: row.open, medianMillisToAnswer: row.medianMillisToAnswer,
});
