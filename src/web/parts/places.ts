import type { TFunction } from 'i18next';
import type { NodeInfo, PeerIdentity } from '../api/types.js';
import type { Clock } from '../time/both-clocks.js';

/** A node's place name in the screen's language ("Beijing", "北京"); an unknown node by its own name. */
export function placeName(t: TFunction, node: string): string {
  return t(`place.${node}`, { defaultValue: node.charAt(0).toUpperCase() + node.slice(1) });
}

/** This side's clock, then the peer's once its log has told us its time zone. */
export function clocksOf(t: TFunction, node: NodeInfo | null, peer: PeerIdentity | undefined): Clock[] {
  const clocks: Clock[] = [];
  if (node) clocks.push({ label: placeName(t, node.name), timeZone: node.timeZone });
  if (peer) clocks.push({ label: placeName(t, peer.node), timeZone: peer.timeZone });
  return clocks;
}
