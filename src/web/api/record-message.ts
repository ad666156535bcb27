import type { MessageContent, Precedence } from '../../core/index.js';
import { ApiError, type NodeApi } from './node-api.js';

export interface MessageDraft {
  readonly message: string;
  readonly channel: string;
  readonly precedence: Precedence;
  readonly content: MessageContent;
}

/**
 * Records a message on our log through the mechanism's message route (docs/api.md): the node
 * checks it against the channel and its agreed terms, sets its acknowledgement deadline, signs
 * it and sends it; the answer names where it stands on our log.
 */
export async function recordMessage(api: NodeApi, peer: string, actor: string, draft: MessageDraft): Promise<{ seq: number }> {
  const answer = await api.post<{ recorded?: { seq?: unknown } }>(`/v1/links/${encodeURIComponent(peer)}/messages`, { actor, ...draft });
  const seq = answer.recorded?.seq;
  if (typeof seq !== 'number') throw new ApiError('E_INTERNAL', 'The node recorded the message but did not say at which seq.', null, 0);
  return { seq };
}
