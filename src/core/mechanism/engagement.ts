import type { EngagementRequest } from './engagement-request.js';
import type { EventBody, MechanismEvent } from './event-catalogue.js';
import { toMillis } from './instant.js';
import { refuse, requireParty, unhandled } from './refusal.js';
import type { EngagementKind, Instant, Level, Side } from './vocabulary.js';

/**
 * An engagement comes from an accepted request: a call or VTC with a start, an end and who
 * attended, or multi-day talks with sessions, agenda items and attendance per session. Its
 * outcome — held, postponed or cancelled, by whom and why — is part of the record, so "the talks
 * were cancelled by the other side" can be checked.
 */
export type EngagementStatus = 'scheduled' | 'in-progress' | 'held' | 'postponed' | 'cancelled';

export interface Session {
  readonly id: string;
  readonly agenda: readonly string[];
  readonly openedAt: Instant;
  readonly closedAt: Instant | null;
}

export interface Attendance {
  readonly session: string | null;
  readonly person: string;
  readonly position: string | null;
  readonly side: Side;
  readonly at: Instant;
}

export interface Engagement {
  readonly id: string;
  readonly request: string;
  /** Who asked for it: "held at the latter's request". */
  readonly requestedBy: Side;
  readonly parties: readonly [Side, Side];
  readonly format: EngagementKind;
  readonly level: Level;
  readonly channel: string | null;
  readonly start: Instant;
  readonly end: Instant;
  readonly agenda: readonly string[];
  readonly planEntry: string | null;
  readonly status: EngagementStatus;
  readonly startedAt: Instant | null;
  readonly endedAt: Instant | null;
  readonly sessions: readonly Session[];
  readonly attendance: readonly Attendance[];
  /** The latest postponement or cancellation, or the end of a held engagement. */
  readonly outcome: { readonly kind: 'held' | 'postponed' | 'cancelled'; readonly by: Side; readonly reason: string | null; readonly at: Instant } | null;
}

export type EngagementEvent = MechanismEvent<
  | 'engagement.started' | 'engagement.attended' | 'engagement.session_opened' | 'engagement.session_closed'
  | 'engagement.ended' | 'engagement.postponed' | 'engagement.rescheduled' | 'engagement.cancelled'
>;

/** The schedule an accepted request implies: its accepted option, kind, level and agenda. */
export function engagementToSchedule(request: EngagementRequest, engagement: string, planEntry: string | null = null): EventBody<'engagement.scheduled'> {
  if (request.status !== 'accepted' || !request.accepted) {
    return refuse('E_ENGAGEMENT_REQUEST_NOT_ACCEPTED', `Request ${request.id} is ${request.status}, not accepted.`, { request: request.id });
  }
  return {
    engagement, request: request.id, format: request.format, level: request.level, channel: request.channel,
    start: request.accepted.start, end: request.accepted.end, agenda: [...request.agenda], planEntry,
  };
}

/** The engagement a `engagement.scheduled` step creates; it must match the accepted request it names. */
export function scheduleEngagement(request: EngagementRequest, event: MechanismEvent<'engagement.scheduled'>): Engagement {
  const expected = engagementToSchedule(request, event.engagement, event.planEntry);
  // The agenda may be refined when scheduling; who asked, what, at which level and when may not.
  const fixed = ['request', 'format', 'level', 'channel', 'start', 'end'] as const;
  const differs = fixed.filter((field) => event[field] !== expected[field]);
  if (differs.length > 0) {
    refuse('E_TRANSITION_INVALID', `The schedule of ${event.engagement} does not match request ${request.id} as accepted (${differs.join(', ')}).`, { request: request.id, differs });
  }
  requireParty([request.from, request.to], event.side, `request ${request.id}`);
  return {
    id: event.engagement, request: request.id, requestedBy: request.from, parties: [request.from, request.to], format: event.format,
    level: event.level, channel: event.channel, start: event.start, end: event.end, agenda: event.agenda, planEntry: event.planEntry,
    status: 'scheduled', startedAt: null, endedAt: null, sessions: [], attendance: [], outcome: null,
  };
}

const MULTI_SESSION: readonly EngagementKind[] = ['talks', 'visit', 'working-group'];

export function applyEngagementEvent(engagement: Engagement, event: EngagementEvent): Engagement {
  requireParty(engagement.parties, event.side, `engagement ${engagement.id}`);
  if (event.engagement !== engagement.id) refuse('E_TRANSITION_INVALID', `The step names engagement ${event.engagement}, not ${engagement.id}.`, {});
  const refuseNow = (what: string): never =>
    refuse('E_TRANSITION_INVALID', `Engagement ${engagement.id} is ${engagement.status}: it cannot ${what}.`, { engagement: engagement.id, status: engagement.status });
  const openSession = engagement.sessions.find((s) => s.closedAt === null);

  switch (event.kind) {
    case 'engagement.started':
      if (engagement.status !== 'scheduled') return refuseNow('start');
      return { ...engagement, status: 'in-progress', startedAt: event.at };
    case 'engagement.session_opened':
      if (engagement.status !== 'in-progress') return refuseNow('open a session');
      if (!MULTI_SESSION.includes(engagement.format)) refuse('E_TRANSITION_INVALID', `A ${engagement.format} has no sessions; only talks, visits and working groups do.`, {});
      if (openSession) refuse('E_TRANSITION_INVALID', `Session ${openSession.id} is still open; close it first.`, { session: openSession.id });
      if (engagement.sessions.some((s) => s.id === event.session)) refuse('E_TRANSITION_INVALID', `Session ${event.session} was already held.`, {});
      return { ...engagement, sessions: [...engagement.sessions, { id: event.session, agenda: event.agenda, openedAt: event.at, closedAt: null }] };
    case 'engagement.session_closed':
      if (openSession?.id !== event.session) refuse('E_TRANSITION_INVALID', `Session ${event.session} is not open.`, { session: event.session });
      return { ...engagement, sessions: engagement.sessions.map((s) => (s.id === event.session ? { ...s, closedAt: event.at } : s)) };
    case 'engagement.attended':
      if (engagement.status !== 'in-progress') return refuseNow('record attendance');
      if (event.session !== null && openSession?.id !== event.session) refuse('E_TRANSITION_INVALID', `Session ${event.session} is not open.`, { session: event.session });
      return { ...engagement, attendance: [...engagement.attendance, { session: event.session, person: event.person, position: event.position, side: event.side, at: event.at }] };
    case 'engagement.ended':
      if (engagement.status !== 'in-progress') return refuseNow('end');
      if (openSession) refuse('E_TRANSITION_INVALID', `Session ${openSession.id} is still open; close it first.`, { session: openSession.id });
      return { ...engagement, status: 'held', endedAt: event.at, outcome: { kind: 'held', by: event.side, reason: null, at: event.at } };
    case 'engagement.postponed':
      if (engagement.status !== 'scheduled') return refuseNow('be postponed');
      return { ...engagement, status: 'postponed', outcome: { kind: 'postponed', by: event.side, reason: event.reason, at: event.at } };
    case 'engagement.rescheduled':
      if (engagement.status !== 'postponed') return refuseNow('be rescheduled');
      if (toMillis(event.end) <= toMillis(event.start)) refuse('E_DEADLINE_INVALID', 'The new time ends before it starts.', {});
      return { ...engagement, status: 'scheduled', start: event.start, end: event.end };
    case 'engagement.cancelled':
      if (engagement.status !== 'scheduled' && engagement.status !== 'postponed') return refuseNow('be cancelled');
      return { ...engagement, status: 'cancelled', outcome: { kind: 'cancelled', by: event.side, reason: event.reason, at: event.at } };
    default:
      return unhandled(event);
  }
}
