import { z } from 'zod';
import { EVENT_CATALOGUE, LanguageSchema, messageToSend, requestToSend } from '../../core/index.js';
import { refKey, type MechanismState as LinkState } from './mechanism-state.js';
import { command, found, type CommandRoute } from './route-table.js';

const C = EVENT_CATALOGUE;
const channelOf = (state: LinkState, id: string) => found(state.channels.find((c) => c.id === id), 'channel', id);
const messageOf = (state: LinkState, id: string) => found(state.messages.get(id), 'message', id);

const MessageDraftSchema = C['message.sent'].body.pick({ message: true, precedence: true, content: true });
const TranslationInputSchema = z.strictObject({ lang: LanguageSchema, text: C['translation.attached'].body.shape.text });

/** Positions, channels, engagement requests and messages: this side's steps on the link. */
export const TRAFFIC_COMMANDS: readonly CommandRoute[] = [
  command('position.declared', '/positions', 'Declare one of this side\'s positions and its holder', C['position.declared'].body, (input) => input),
  command('position.holder_changed', '/positions/:position/holder', 'Name the new holder of a position', C['position.holder_changed'].body.omit({ position: true }),
    (input, params) => ({ ...input, position: params.position })),
  command('counterpart.paired', '/counterparts', 'Pair two positions of the two sides as counterparts at a level', C['counterpart.paired'].body, (input) => input),

  command('channel.proposed', '/channels', 'Propose a channel between counterpart positions', C['channel.proposed'].body, (input) => input),
  command('channel.agreed', '/channels/:channel/agree', 'Agree a channel the other side proposed', z.strictObject({}), (_input, params) => ({ channel: params.channel })),
  command('channel.suspended', '/channels/suspension', 'Suspend one channel, a level or all channels, with a reason', C['channel.suspended'].body, (input) => input),
  command('channel.resumption_proposed', '/channels/resumption-proposal', 'Propose resuming suspended channels', C['channel.resumption_proposed'].body, (input) => input),
  command('channel.resumed', '/channels/resumption', 'Agree the resumption the other side proposed', C['channel.resumed'].body, (input) => input),
  command('channel.closed', '/channels/:channel/close', 'Close a channel, with a reason', C['channel.closed'].body.omit({ channel: true }),
    (input, params) => ({ ...input, channel: params.channel })),

  command('request.sent', '/requests', 'Request a call, VTC, talks, visit or working group from the other side', C['request.sent'].body.omit({ to: true, sentWhileSuspended: true }),
    (input, _params, { state, peerSide }) => requestToSend({ ...input, to: peerSide }, input.channel === null ? null : channelOf(state, input.channel))),
  command('request.accepted', '/requests/:request/accept', 'Accept one of the time options on the table', C['request.accepted'].body.omit({ request: true }),
    (input, params) => ({ ...input, request: params.request })),
  command('request.countered', '/requests/:request/counter', 'Counter-propose other time options', C['request.countered'].body.omit({ request: true }),
    (input, params) => ({ ...input, request: params.request })),
  command('request.declined', '/requests/:request/decline', 'Decline a request, with a reason', C['request.declined'].body.omit({ request: true }),
    (input, params) => ({ ...input, request: params.request })),
  command('request.withdrawn', '/requests/:request/withdraw', 'Withdraw a request this side sent', C['request.withdrawn'].body.omit({ request: true }),
    (input, params) => ({ ...input, request: params.request })),
  command('request.note_added', '/requests/:request/notes', 'Add an internal note to a request (stays on this node)', C['request.note_added'].body.omit({ request: true }),
    (input, params) => ({ ...input, request: params.request })),

  command('message.sent', '/messages', 'Send a message (text, short code or notification) on a channel', MessageDraftSchema.extend({ channel: C['message.sent'].body.shape.channel }),
    ({ channel, ...draft }, _params, { state, ourSide, now }) => messageToSend(draft, channelOf(state, channel), ourSide, now)),
  command('message.sent', '/messages/:message/replies', 'Reply to a message, in its thread', MessageDraftSchema, (draft, params, { state, ourSide, now }) => {
    const parent = messageOf(state, params.message!);
    return messageToSend(draft, channelOf(state, parent.channel), ourSide, now, parent);
  }),
  command('message.seen', '/messages/:message/seen', 'Record that this side has seen a message', z.strictObject({}), (_input, params) => ({ message: params.message })),
  command('message.acknowledged', '/messages/:message/acknowledge', 'Acknowledge a message', z.strictObject({}), (_input, params) => ({ message: params.message })),
  command('translation.attached', '/messages/:message/translations', 'Attach a translation of a text message', TranslationInputSchema, (input, params, { state }) => {
    const of = found(state.messageEvents.get(params.message!), 'message', params.message!);
    const original = found(state.originals.get(refKey(of)), 'text message', params.message!);
    return { of, from: original.lang, ...input };
  }),
];
