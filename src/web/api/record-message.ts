import { ackDeadline, parseEventBody, type MessageContent, type Precedence } from '../../core/index.js';
import { ApiError, type NodeApi } from './node-api.js';

export interface MessageDraft {
  readonly message: string;
  readonly channel: string;
  readonly to: string;
  readonly precedence: Precedence;
  readonly content: MessageContent;
}

const MESSAGE_KIND = 'message.sent';

/**
 * Records a message on our log, the way this node offers: through the mechanism's message route
 * (which checks the channel and sets the deadline from its agreed terms), or, on a node that has
 * no such route, as a `message.sent` event whose body the app checks against the catalogue.
 * Only a missing route falls back; any refusal of the mechanism stands.
 */
export async function recordMessage(api: NodeApi, peer: string, actor: string, draft: MessageDraft): Promise<{ seq: number }> {
  try {
    const { message, channel, precedence, content } = draft;
    const answer = await api.post<{ recorded?: { seq?: unknown }; seq?: unknown }>(`/v1/links/${encodeURIComponent(peer)}/messages`, { actor, message, channel, precedence, content });
    const seq = answer.recorded?.seq ?? answer.seq;
    if (typeof seq === 'number') return { seq };
    throw new ApiError('E_INTERNAL', 'The node recorded the message but did not say at which seq.', null, 0);
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'E_NOT_FOUND' && error.status === 404 && /^No route/.test(error.message))) throw error;
  }
  const sentAt = new Date().toISOString();
  const body = parseEventBody(MESSAGE_KIND, {
    ...draft, thread: draft.message, inReplyTo: null, ackDeadline: ackDeadline({}, draft.precedence, sentAt), sentWhileSuspended: false,
  });
  return api.recordEvent(peer, { kind: MESSAGE_KIND, actor, body });
}
