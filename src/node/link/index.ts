// The link between nodes: what other layers may use of it.
export { restorePeerTrust } from './peer-trust.js';
export { DEFAULT_LINK_TIMING, type LinkTiming, type LinkSenderStatus, type LinkStateName } from './link-sender.js';
export type { PeerLink } from './peer-link.js';
