import { applyChannelEvent, channelSides, scopeCovers, type Channel, type ChannelEvent, type ChannelStatus } from './channel.js';
import { refuse } from './refusal.js';
import type { ChannelScope, Side } from './vocabulary.js';

/**
 * A suspension or resumption may name one channel, a whole level or everything at once (in
 * August 2022 one announcement suspended theater talks, DPCT and MMCA together). The record
 * keeps the one announcement; these helpers say which channels it covers and apply it to each.
 */
export type ScopedChannelEvent = Extract<ChannelEvent, { scope: ChannelScope }>;

/** The status a channel must be in for a scoped step of this kind to reach it. */
const REACHES: Record<ScopedChannelEvent['kind'], ChannelStatus> = {
  'channel.suspended': 'active',
  'channel.resumption_proposed': 'suspended',
  'channel.resumed': 'suspended',
};

/**
 * The channels a scoped step covers: the named channel whatever its state (so a wrong step on it
 * is refused, not skipped); for a level or "all", the side's channels in the state the step applies to.
 */
export function channelsCoveredBy(channels: readonly Channel[], event: ScopedChannelEvent): Channel[] {
  return channels.filter((channel) => covers(channel, event.scope, event.side, event.kind));
}

function covers(channel: Channel, scope: ChannelScope, side: Side, kind: ScopedChannelEvent['kind']): boolean {
  if (!scopeCovers(scope, channel) || !channelSides(channel).includes(side)) return false;
  if (scope.kind === 'channel') return true;
  if (channel.status !== REACHES[kind]) return false;
  const proposer = channel.suspension?.resumptionProposedBy ?? null;
  // A side agreeing a wide resumption resumes only what the other side asked to resume.
  if (kind === 'channel.resumed') return proposer !== null && proposer !== side;
  if (kind === 'channel.resumption_proposed') return proposer === null;
  return true;
}

/**
 * Applies a scoped step to every channel it covers and returns the whole list, changed channels
 * in place. All or nothing: if any covered channel refuses, the error is thrown and no channel
 * changes; a scope that covers no channel is refused too, since it would record an empty act.
 */
export function applyScopedChannelEvent(channels: readonly Channel[], event: ScopedChannelEvent): Channel[] {
  const covered = new Set(channelsCoveredBy(channels, event).map((channel) => channel.id));
  if (covered.size === 0 && event.scope.kind === 'channel') {
    refuse('E_CHANNEL_UNKNOWN', `${event.side} is party to no channel ${event.scope.channel}.`, { channel: event.scope.channel });
  }
  if (covered.size === 0) {
    refuse('E_SCOPE_EMPTY', `No channel of ${event.side} is covered by this ${event.kind} step.`, { scope: event.scope, kind: event.kind });
  }
  return channels.map((channel) => (covered.has(channel.id) ? applyChannelEvent(channel, event) : channel));
}
