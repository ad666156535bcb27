import { channelSides, type Channel } from './channel.js';
import type { EventBody, MechanismEvent } from './event-catalogue.js';
import { reached, toMillis } from './instant.js';
import { ackDeadline } from './precedence.js';
import { refuse, unhandled } from './refusal.js';
import type { EventRef, Instant, Precedence, Side } from './vocabulary.js';

/**
 * A message on a channel: `sent → delivered → seen → acknowledged`. Delivery is the receiving
 * node's signed receipt, so "we never received it" cannot be claimed; seen and acknowledged are
 * the receiving side's people. A message not acknowledged by its deadline is overdue, which both
 * sides may record; a late acknowledgement is still an acknowledgement, and stays visibly late.
 */
export type MessageStatus = 'sent' | 'delivered' | 'seen' | 'acknowledged';

export interface Message {
  readonly id: string;
  readonly channel: string;
  readonly from: Side;
  readonly to: Side;
  readonly precedence: Precedence;
  /** The id of the first message of the thread; equal to `id` for a message that starts one. */
  readonly thread: string;
  readonly inReplyTo: string | null;
  readonly content: EventBody<'message.sent'>['content'];
  readonly sentAt: Instant;
  readonly ackDeadline: Instant;
  readonly sentWhileSuspended: boolean;
  readonly status: MessageStatus;
  readonly receipt: EventRef | null;
  readonly deliveredAt: Instant | null;
  readonly seenAt: Instant | null;
  readonly acknowledgedAt: Instant | null;
  readonly overdueRecordedAt: Instant | null;
}

export type MessageEvent = MechanismEvent<'message.sent' | 'message.delivered' | 'message.seen' | 'message.acknowledged' | 'message.overdue'>;

type Draft = Pick<EventBody<'message.sent'>, 'message' | 'precedence' | 'content'>;

/**
 * The body of a message about to be sent on `channel` by `side` at `at`, in reply to `parent`
 * if given. The deadline comes from the channel's agreed terms, so both nodes compute the same.
 */
export function messageToSend(draft: Draft, channel: Channel, side: Side, at: Instant, parent: Message | null = null): EventBody<'message.sent'> {
  if (channel.status === 'proposed' || channel.status === 'closed') {
    refuse('E_CHANNEL_NOT_ACTIVE', `Channel ${channel.id} is ${channel.status}; messages go over agreed channels.`, { channel: channel.id });
  }
  const sides = channelSides(channel);
  if (!sides.includes(side)) refuse('E_WRONG_SIDE', `${side} is not a party to channel ${channel.id}.`, { side });
  if (parent && parent.channel !== channel.id) {
    refuse('E_MESSAGE_THREAD_INVALID', `Message ${parent.id} is on channel ${parent.channel}, not ${channel.id}.`, { parent: parent.id });
  }
  return {
    ...draft, channel: channel.id, to: sides.find((s) => s !== side)!, thread: parent?.thread ?? draft.message, inReplyTo: parent?.id ?? null,
    ackDeadline: ackDeadline(channel.ackMinutes, draft.precedence, at), sentWhileSuspended: channel.status === 'suspended',
  };
}

/** Overdue: the deadline has passed and no acknowledgement came. */
export const isOverdue = (message: Message, now: Instant): boolean => message.status !== 'acknowledged' && reached(now, message.ackDeadline);

/** Acknowledged, but after the deadline. */
export const acknowledgedLate = (message: Message): boolean =>
  message.acknowledgedAt !== null && reached(message.acknowledgedAt, message.ackDeadline);

export function applyMessageEvent(message: Message | null, event: MessageEvent): Message {
  if (event.kind === 'message.sent') {
    if (message) refuse('E_TRANSITION_INVALID', `Message ${message.id} has already been sent.`, { message: message.id });
    if (event.to === event.side) refuse('E_WRONG_SIDE', 'A side cannot send a message to itself.', { side: event.side });
    if (toMillis(event.ackDeadline) <= toMillis(event.at)) refuse('E_DEADLINE_INVALID', `The acknowledgement deadline ${event.ackDeadline} is not after ${event.at}.`, {});
    if ((event.inReplyTo === null) !== (event.thread === event.message)) {
      refuse('E_MESSAGE_THREAD_INVALID', 'A message starts its own thread exactly when it replies to nothing.', { message: event.message });
    }
    return {
      id: event.message, channel: event.channel, from: event.side, to: event.to, precedence: event.precedence, thread: event.thread,
      inReplyTo: event.inReplyTo, content: event.content, sentAt: event.at, ackDeadline: event.ackDeadline, sentWhileSuspended: event.sentWhileSuspended,
      status: 'sent', receipt: null, deliveredAt: null, seenAt: null, acknowledgedAt: null, overdueRecordedAt: null,
    };
  }
  if (!message) return refuse('E_TRANSITION_INVALID', 'No such message has been sent.', { kind: event.kind });
  if (event.message !== message.id) refuse('E_TRANSITION_INVALID', `The step names message ${event.message}, not ${message.id}.`, { message: message.id });
  if (event.side !== message.to && event.kind !== 'message.overdue') {
    refuse('E_WRONG_SIDE', `Only ${message.to}, the receiving side, records that message ${message.id} was ${event.kind.slice(8)}.`, { message: message.id });
  }
  const refuseFrom = (what: string): never =>
    refuse('E_TRANSITION_INVALID', `Message ${message.id} is ${message.status}: it cannot be ${what} now.`, { message: message.id, status: message.status });

  // Receipt, seen and acknowledged are all written by the receiving node, whose log never runs
  // backwards: a step dated before the receipt is out of order. (Against the sender's times no
  // such rule holds: the two nodes' clocks may differ by the link's allowed skew.)
  if ((event.kind === 'message.seen' || event.kind === 'message.acknowledged') && message.deliveredAt && toMillis(event.at) < toMillis(message.deliveredAt)) {
    refuse('E_TRANSITION_INVALID', `Message ${message.id} was delivered at ${message.deliveredAt}; it cannot be ${event.kind.slice(8)} at ${event.at}, before that.`, { message: message.id });
  }
  switch (event.kind) {
    case 'message.delivered':
      if (message.status !== 'sent') return refuseFrom('delivered');
      return { ...message, status: 'delivered', receipt: event.receipt, deliveredAt: event.at };
    case 'message.seen':
      if (message.status !== 'delivered') return refuseFrom('seen');
      return { ...message, status: 'seen', seenAt: event.at };
    case 'message.acknowledged':
      // Acknowledging implies having seen it; a receipt must come first because the receiving node writes it on arrival.
      if (message.status !== 'delivered' && message.status !== 'seen') return refuseFrom('acknowledged');
      return { ...message, status: 'acknowledged', seenAt: message.seenAt ?? event.at, acknowledgedAt: event.at };
    case 'message.overdue':
      if (event.side !== message.from && event.side !== message.to) refuse('E_WRONG_SIDE', `${event.side} is not a party to message ${message.id}.`, {});
      if (!isOverdue(message, event.at)) refuse('E_TRANSITION_INVALID', `Message ${message.id} is not overdue at ${event.at}.`, { message: message.id });
      if (message.overdueRecordedAt) refuse('E_TRANSITION_INVALID', `Message ${message.id} is already recorded as overdue.`, { message: message.id });
      return { ...message, overdueRecordedAt: event.at };
    default:
      return unhandled(event);
  }
}
