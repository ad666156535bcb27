import type { Store } from '../../store/index.js';
import type { LinkSender } from '../link/link-sender.js';
import type { PeerLink } from '../link/peer-link.js';
import { RECEIPT_KIND } from '../record/peer-log-intake.js';

/**
 * The state of one link as the duty officer sees it (issue: link state always visible): up,
 * degraded or down since when, how much of our log waits for the peer's receipt, the last
 * receipt, the checkpoints both sides cosigned. Read from the store, so every process of an HA
 * side reports the same backlog, whichever of them sends.
 */
export async function linkStatus(store: Store, link: PeerLink, sender: LinkSender) {
  const [ownSize, peerSize, acked, pinned, receipt, ownCheckpoint, peerCheckpoint] = await Promise.all([
    store.logSize(link.ownOrigin),
    store.logSize(link.peerOrigin),
    store.lastAckedSeq(link.peer.name),
    store.getPeer(link.peer.name),
    store.latestEventOfKind(link.peerOrigin, RECEIPT_KIND),
    store.latestCheckpoint(link.ownOrigin),
    store.latestCheckpoint(link.peerOrigin),
  ]);
  const delivered = acked === null ? 0 : acked + 1;
  return {
    peer: link.peer.name,
    url: link.peer.url,
    trust: pinned?.trust ?? 'trusted',
    trustReason: pinned?.trustReason ?? null,
    ...sender.status(),
    own: { origin: link.ownOrigin, size: ownSize, delivered, backlog: ownSize - delivered, cosigned: ownCheckpoint?.cosignatures.length ? ownCheckpoint.size : null },
    peerLog: { origin: link.peerOrigin, size: peerSize, cosigned: peerCheckpoint?.size ?? null },
    lastReceipt: receipt ? { seq: receipt.seq, upTo: receipt.peer?.seq ?? null, ts: receipt.ts } : null,
  };
}
