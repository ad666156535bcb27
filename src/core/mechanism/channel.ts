import type { MechanismEvent } from './event-catalogue.js';
import { refuse, requireParty, unhandled } from './refusal.js';
import type { AckMinutes, ChannelMedium, ChannelScope, Bilingual, Instant, Level, Side } from './vocabulary.js';

/**
 * A channel between two counterpart positions (DESIGN §2):
 * `proposed → active ⇄ suspended → closed`. Establishing and resuming need both sides;
 * suspending and closing are unilateral, because either side can in fact stop answering.
 */
export type ChannelStatus = 'proposed' | 'active' | 'suspended' | 'closed';

export interface ChannelEnd {
  readonly side: Side;
  readonly position: string;
}

export interface ChannelSuspension {
  readonly by: Side;
  readonly at: Instant;
  readonly reason: string;
  /** How wide the suspension was when it was announced: it is resumed as a whole or channel by channel. */
  readonly scope: ChannelScope;
  /** The side that has proposed resuming, waiting for the other's agreement. */
  readonly resumptionProposedBy: Side | null;
}

export interface Channel {
  readonly id: string;
  readonly medium: ChannelMedium;
  readonly name: Bilingual;
  readonly level: Level;
  readonly ends: readonly [ChannelEnd, ChannelEnd];
  /** The agreed acknowledgement windows, overriding the defaults per precedence. */
  readonly ackMinutes: AckMinutes;
  readonly status: ChannelStatus;
  readonly proposedBy: Side;
  readonly suspension: ChannelSuspension | null;
  readonly closed: { readonly by: Side; readonly at: Instant; readonly reason: string } | null;
}

export type ChannelEvent = MechanismEvent<
  'channel.proposed' | 'channel.agreed' | 'channel.suspended' | 'channel.resumption_proposed' | 'channel.resumed' | 'channel.closed'
>;

export const channelSides = (channel: Channel): readonly Side[] => channel.ends.map((end) => end.side);

/** Whether a suspension or resumption announced with this scope covers the channel. */
export function scopeCovers(scope: ChannelScope, channel: Channel): boolean {
  switch (scope.kind) {
    case 'channel': return scope.channel === channel.id;
    case 'level': return scope.level === channel.level;
    case 'all': return true;
    default: return unhandled(scope);
  }
}

/** The channel after one step; refuses (and so changes nothing) when the step does not fit. */
export function applyChannelEvent(channel: Channel | null, event: ChannelEvent): Channel {
  if (event.kind === 'channel.proposed') {
    if (channel) refuse('E_TRANSITION_INVALID', `Channel ${channel.id} already exists.`, { channel: channel.id });
    const [a, b] = event.ends;
    if (a.side === b.side) refuse('E_COUNTERPART_INVALID', 'A channel connects positions of two different sides.', { ends: event.ends });
    requireParty([a.side, b.side], event.side, `channel ${event.channel}`);
    return {
      id: event.channel, medium: event.medium, name: event.name, level: event.level, ends: [a, b],
      ackMinutes: event.ackMinutes, status: 'proposed', proposedBy: event.side, suspension: null, closed: null,
    };
  }
  if (!channel) return refuse('E_CHANNEL_UNKNOWN', 'No such channel has been proposed.', { kind: event.kind });
  requireParty(channelSides(channel), event.side, `channel ${channel.id}`);
  const refuseIn = (what: string): never =>
    refuse('E_TRANSITION_INVALID', `Channel ${channel.id} is ${channel.status}: it cannot be ${what}.`, { channel: channel.id, status: channel.status });

  switch (event.kind) {
    case 'channel.agreed':
      requireCovered(channel, { kind: 'channel', channel: event.channel });
      if (channel.status !== 'proposed') return refuseIn('agreed');
      if (event.side === channel.proposedBy) refuse('E_WRONG_SIDE', `${event.side} proposed channel ${channel.id}; the other side must agree it.`, { channel: channel.id });
      return { ...channel, status: 'active' };

    case 'channel.suspended':
      requireCovered(channel, event.scope);
      if (channel.status === 'suspended') refuse('E_CHANNEL_SUSPENDED', `Channel ${channel.id} is already suspended.`, { channel: channel.id });
      if (channel.status !== 'active') return refuseIn('suspended');
      return { ...channel, status: 'suspended', suspension: { by: event.side, at: event.at, reason: event.reason, scope: event.scope, resumptionProposedBy: null } };

    case 'channel.resumption_proposed': {
      requireCovered(channel, event.scope);
      const suspension = channel.suspension;
      if (channel.status !== 'suspended' || !suspension) return refuseIn('proposed for resumption');
      if (suspension.resumptionProposedBy !== null) {
        refuse('E_TRANSITION_INVALID', `Resuming channel ${channel.id} is already proposed by ${suspension.resumptionProposedBy}; the other side agrees by resuming it.`, { channel: channel.id });
      }
      return { ...channel, suspension: { ...suspension, resumptionProposedBy: event.side } };
    }

    case 'channel.resumed': {
      requireCovered(channel, event.scope);
      const proposer = channel.suspension?.resumptionProposedBy ?? null;
      if (channel.status !== 'suspended') return refuseIn('resumed');
      if (proposer === null) refuse('E_TRANSITION_INVALID', `Nobody has proposed resuming channel ${channel.id}; propose it first, then the other side agrees.`, { channel: channel.id });
      if (proposer === event.side) refuse('E_WRONG_SIDE', `${event.side} proposed resuming channel ${channel.id}; the other side must agree.`, { channel: channel.id });
      return { ...channel, status: 'active', suspension: null };
    }

    case 'channel.closed':
      requireCovered(channel, { kind: 'channel', channel: event.channel });
      if (channel.status === 'closed') return refuseIn('closed');
      return { ...channel, status: 'closed', suspension: null, closed: { by: event.side, at: event.at, reason: event.reason } };

    default:
      return unhandled(event);
  }
}

function requireCovered(channel: Channel, scope: ChannelScope): void {
  if (!scopeCovers(scope, channel)) refuse('E_TRANSITION_INVALID', `The step's scope does not cover channel ${channel.id}.`, { channel: channel.id, scope });
}
