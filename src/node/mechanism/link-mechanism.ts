import type { LogStore } from '../../store/index.js';
import type { LinkSender } from '../link/link-sender.js';
import type { PeerLink } from '../link/peer-link.js';
import type { Clock } from '../server/clock.js';
import type { InternalLog } from './internal-log.js';
import { LinkCommands } from './link-commands.js';
import { LinkProjection } from './link-projection.js';

/** The mechanism on one link: its folded state, this side's commands, and who acts for the node. */
export interface LinkMechanism {
  readonly peer: string;
  readonly link: PeerLink;
  readonly projection: LinkProjection;
  readonly commands: LinkCommands;
  /** The actor the node's own steps (receipts, expiries, escalations) are signed as. */
  readonly actor: string;
  /** Only the process that sends on the link takes the node's own steps (HA: one per side). */
  shouldAct(): boolean;
  /** Whether a change to this log concerns the link. */
  watches(origin: string): boolean;
}

export function linkMechanism(store: LogStore, link: PeerLink, sender: LinkSender, internal: InternalLog, clock: Clock): LinkMechanism {
  const projection = new LinkProjection(store, link, internal.origin);
  const origins = new Set([link.ownOrigin, link.peerOrigin, internal.origin]);
  return {
    peer: link.peer.name,
    link,
    projection,
    commands: new LinkCommands(link, projection, internal, clock),
    actor: `node:${link.self.name}`,
    shouldAct: () => sender.status().sending,
    watches: (origin) => origins.has(origin),
  };
}
