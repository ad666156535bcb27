import { ParleyError } from '../../core/index.js';
import type { ParleyNode } from '../../node/index.js';
import { WASHINGTON, type DemoSide } from './demo-sides.js';
import { waitFor, type OperatorApi } from './operator-api.js';

export const MESSAGE_KIND = 'message.sent';
/** The channel of the opening messages: the Defense Telephone Link between the two capitals. */
const CHANNEL = 'dtl';
const RECEIPT_WAIT_MS = 30_000;

const OPENING_TEXT: Record<DemoSide['name'], { lang: 'en' | 'zh'; text: string }> = {
  washington: { lang: 'en', text: 'Washington duty officer to Beijing: this is the first message on the record of this link. Please confirm receipt.' },
  beijing: { lang: 'zh', text: '北京值班员致华盛顿：贵方消息已收到，本方线路工作正常。' },
};

export interface OpeningMessage {
  readonly side: DemoSide;
  readonly text: string;
  readonly log: string;
  readonly seq: number;
  readonly ts: string;
  /** True when this run recorded it; false when an earlier run had. */
  readonly recordedNow: boolean;
  /** The peer's signed receipt that covers it (null only if an earlier run stopped before one came). */
  readonly receipt: { readonly seq: number; readonly ts: string } | null;
}

export interface OpeningSide {
  readonly side: DemoSide;
  readonly node: ParleyNode;
  readonly api: OperatorApi;
}

/**
 * The step that sends the side's opening message through the mechanism's API: Washington's on the
 * Defense Telephone Link, Beijing's as the reply in its thread. The node derives the rest (the
 * FLASH deadline from the channel's terms, the addressee, the thread).
 */
function sendStep(side: DemoSide): { path: string; body: object } {
  const body = { actor: side.dutyOfficer, message: `opening-${side.name}`, precedence: 'FLASH', content: { kind: 'text', ...OPENING_TEXT[side.name] } };
  return side.name === WASHINGTON.name ? { path: '/messages', body: { ...body, channel: CHANNEL } } : { path: `/messages/opening-${WASHINGTON.name}/replies`, body };
}

/** The side's message already on its log, if an earlier run recorded it: the opening is recorded once per side, ever. */
async function onRecord(side: OpeningSide, peer: string): Promise<{ seq: number; ts: string } | null> {
  const { link } = side.node.links.get(peer)!;
  const found = await side.node.store.latestEventOfKind(link.ownOrigin, MESSAGE_KIND);
  return found ? { seq: found.seq, ts: found.ts } : null;
}

/** Waits until the peer's signed receipt covers `seq` of our log, as GET /v1/links reports it. */
async function receiptFor(side: OpeningSide, peer: string, seq: number, ms: number, signal?: AbortSignal): Promise<{ seq: number; ts: string } | null> {
  let receipt: { seq: number; ts: string } | null = null;
  await waitFor(async () => {
    const state = await side.api.link(peer);
    if (state.lastReceipt && state.lastReceipt.upTo !== null && state.lastReceipt.upTo >= seq) receipt = { seq: state.lastReceipt.seq, ts: state.lastReceipt.ts };
    return receipt !== null;
  }, ms, { signal });
  return receipt;
}

/** The other side's duty officer acknowledges the message once its node has recorded the delivery, well within the FLASH deadline. */
async function acknowledge(receiver: OpeningSide, sender: DemoSide, signal?: AbortSignal): Promise<void> {
  const path = `/messages/opening-${sender.name}`;
  const delivered = await waitFor(async () => (await receiver.api.read<{ status: string }>(sender.name, path)).status === 'delivered', RECEIPT_WAIT_MS, { signal });
  if (!delivered) throw new ParleyError('E_PEER_UNREACHABLE', `${receiver.side.label}'s node did not record the delivery of ${sender.label}'s opening message within ${RECEIPT_WAIT_MS / 1000} s.`);
  await receiver.api.act(sender.name, `${path}/acknowledge`, { actor: receiver.side.dutyOfficer });
}

/**
 * The opening exchange of a new demo: a FLASH message from Washington's duty officer, and
 * Beijing's reply, each sent through the node's API, waited for until the other node's signed
 * receipt for it is back, and acknowledged by the other side's duty officer. A side whose log already holds a message (an earlier
 * run) records nothing again, so restarting the demo duplicates nothing.
 */
export async function openingExchange(washington: OpeningSide, beijing: OpeningSide, signal?: AbortSignal): Promise<OpeningMessage[]> {
  const messages: OpeningMessage[] = [];
  for (const [self, other] of [[washington, beijing], [beijing, washington]] as const) {
    const peer = other.side.name;
    const earlier = await onRecord(self, peer);
    const text = OPENING_TEXT[self.side.name].text;
    const { link } = self.node.links.get(peer)!;
    if (earlier) {
      // Receipted long ago, as a rule; if the earlier run stopped first, the receipt comes now.
      messages.push({ side: self.side, text, log: link.ownOrigin, ...earlier, recordedNow: false, receipt: await receiptFor(self, peer, earlier.seq, RECEIPT_WAIT_MS, signal) });
      continue;
    }
    const { path, body } = sendStep(self.side);
    const event = await self.api.act(peer, path, body);
    const receipt = await receiptFor(self, peer, event.seq, RECEIPT_WAIT_MS, signal);
    if (!receipt) {
      throw new ParleyError('E_PEER_UNREACHABLE', `${other.side.label} did not receipt ${self.side.label}'s opening message (seq ${event.seq}) within ${RECEIPT_WAIT_MS / 1000} s.`, { seq: event.seq });
    }
    await acknowledge(other, self.side, signal);
    messages.push({ side: self.side, text, log: event.log, seq: event.seq, ts: event.ts.utc, recordedNow: true, receipt });
  }
  return messages;
}
