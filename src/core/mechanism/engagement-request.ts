import type { Channel } from './channel.js';
import type { EventBody, MechanismEvent } from './event-catalogue.js';
import { reached, toMillis } from './instant.js';
import { refuse, requireParty, unhandled } from './refusal.js';
import type { EngagementKind, Instant, Level, Side, TimeOption } from './vocabulary.js';

/**
 * A request for a call, VTC, talks, visit or working group (DESIGN §2). The side whose turn it
 * is may accept an option on the table, counter with new options, or decline with a reason; the
 * asking side may withdraw; and a request nobody answers expires at its deadline. Who asked,
 * and every step, stays in the state: responsiveness is computed from it.
 */
export type RequestStatus = 'open' | 'accepted' | 'declined' | 'withdrawn' | 'expired';

export interface RequestStep {
  readonly kind: RequestEvent['kind'];
  readonly side: Side;
  readonly at: Instant;
}

export interface EngagementRequest {
  readonly id: string;
  /** The side that asked: "held at the latter's request" is this field. */
  readonly from: Side;
  readonly to: Side;
  readonly level: Level;
  readonly format: EngagementKind;
  readonly channel: string | null;
  readonly sentAt: Instant;
  readonly sentWhileSuspended: boolean;
  readonly status: RequestStatus;
  /** The options and agenda currently on the table: the latest proposal or counter-proposal. */
  readonly options: readonly TimeOption[];
  readonly agenda: readonly string[];
  readonly respondBy: Instant;
  /** Whose answer is awaited: the other side after each proposal. */
  readonly awaiting: Side;
  readonly accepted: TimeOption | null;
  readonly reason: string | null;
  readonly history: readonly RequestStep[];
}

export type RequestEvent = MechanismEvent<
  'request.sent' | 'request.accepted' | 'request.countered' | 'request.declined' | 'request.withdrawn' | 'request.expired'
>;

type Draft = Omit<EventBody<'request.sent'>, 'sentWhileSuspended'>;

/**
 * The body of a request about to be sent. A suspended channel does not stop a request (asking
 * to talk is exactly what one does then) but the record says it was sent while suspended.
 */
export function requestToSend(draft: Draft, channel: Channel | null): EventBody<'request.sent'> {
  if (channel && (channel.status === 'proposed' || channel.status === 'closed')) {
    refuse('E_CHANNEL_NOT_ACTIVE', `Channel ${channel.id} is ${channel.status}; a request can go over an agreed channel, or over none.`, { channel: channel.id });
  }
  return { ...draft, sentWhileSuspended: channel?.status === 'suspended' };
}

/** The request as it stands at `now`: an open request past its deadline has expired, whether or not the expiry is recorded yet. */
export function requestAt(request: EngagementRequest, now: Instant): EngagementRequest {
  if (request.status !== 'open' || !reached(now, request.respondBy)) return request;
  return { ...request, status: 'expired', history: [...request.history, { kind: 'request.expired', side: request.to, at: request.respondBy }] };
}

export function applyRequestEvent(request: EngagementRequest | null, event: RequestEvent): EngagementRequest {
  if (event.kind === 'request.sent') {
    if (request) refuse('E_TRANSITION_INVALID', `Request ${request.id} has already been sent.`, { request: request.id });
    if (event.to === event.side) refuse('E_WRONG_SIDE', 'A side cannot send a request to itself.', { side: event.side });
    checkProposal(event.options, event.respondBy, event.at);
    return {
      id: event.request, from: event.side, to: event.to, level: event.level, format: event.format, channel: event.channel,
      sentAt: event.at, sentWhileSuspended: event.sentWhileSuspended, status: 'open', options: event.options, agenda: event.agenda,
      respondBy: event.respondBy, awaiting: event.to, accepted: null, reason: null, history: [record(event)],
    };
  }
  if (!request) return refuse('E_TRANSITION_INVALID', 'No such request has been sent.', { kind: event.kind });
  requireParty([request.from, request.to], event.side, `request ${request.id}`);
  if (event.request !== request.id) refuse('E_TRANSITION_INVALID', `The step names request ${event.request}, not ${request.id}.`, { request: request.id });
  if (request.status === 'expired') refuse('E_REQUEST_EXPIRED', `Request ${request.id} expired unanswered at ${request.respondBy}.`, { request: request.id });
  if (request.status !== 'open') refuse('E_REQUEST_NOT_OPEN', `Request ${request.id} is already ${request.status}.`, { request: request.id, status: request.status });

  const late = reached(event.at, request.respondBy);
  if (event.kind === 'request.expired') {
    if (!late) refuse('E_TRANSITION_INVALID', `Request ${request.id} is not due to expire until ${request.respondBy}.`, { request: request.id });
    return { ...request, status: 'expired', history: [...request.history, record(event)] };
  }
  if (event.kind === 'request.withdrawn') {
    if (event.side !== request.from) refuse('E_WRONG_SIDE', `Only ${request.from}, which asked, can withdraw request ${request.id}.`, { request: request.id });
    return { ...request, status: 'withdrawn', reason: event.reason || null, history: [...request.history, record(event)] };
  }
  // An answer after the deadline is refused even before the expiry is recorded: a deadline means the same on both nodes.
  if (late) refuse('E_REQUEST_EXPIRED', `Request ${request.id} expired unanswered at ${request.respondBy}.`, { request: request.id });
  if (event.side !== request.awaiting) refuse('E_WRONG_SIDE', `Request ${request.id} awaits ${request.awaiting}'s answer.`, { request: request.id });
  const answered = [...request.history, record(event)];

  switch (event.kind) {
    case 'request.accepted': {
      const option = request.options.find((o) => o.id === event.option);
      if (!option) return refuse('E_REQUEST_OPTION_UNKNOWN', `Option ${event.option} is not on the table for request ${request.id}.`, { request: request.id, option: event.option });
      return { ...request, status: 'accepted', accepted: option, history: answered };
    }
    case 'request.countered':
      checkProposal(event.options, event.respondBy, event.at);
      return { ...request, options: event.options, agenda: event.agenda, respondBy: event.respondBy, awaiting: otherSide(request, event.side), history: answered };
    case 'request.declined':
      return { ...request, status: 'declined', reason: event.reason, history: answered };
    default:
      return unhandled(event);
  }
}

const record = (event: RequestEvent): RequestStep => ({ kind: event.kind, side: event.side, at: event.at });

const otherSide = (request: EngagementRequest, side: Side): Side => (side === request.from ? request.to : request.from);

function checkProposal(options: readonly TimeOption[], respondBy: Instant, at: Instant): void {
  if (toMillis(respondBy) <= toMillis(at)) refuse('E_DEADLINE_INVALID', `The response deadline ${respondBy} is not after ${at}.`, { respondBy });
  const ids = new Set(options.map((o) => o.id));
  if (ids.size !== options.length) refuse('E_EVENT_BODY_INVALID', 'Each time option needs its own id.', { options: options.map((o) => o.id) });
  const bad = options.find((o) => toMillis(o.end) <= toMillis(o.start));
  if (bad) refuse('E_DEADLINE_INVALID', `Time option ${bad.id} ends before it starts.`, { option: bad.id });
}
