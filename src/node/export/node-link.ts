import { ParleyError, noteVerifierKey, parseVerifierKey, type CryptoSuite } from '../../core/index.js';
import type { PinnedPeer } from '../../store/index.js';
import { publicKeysOf, type NodeConfig, type NodeKeys, type PinnedPeerConfig } from '../config/index.js';

/** One log of a link as a bundle names it: its origin, the keys that check it, and its peer log. */
export interface LinkLog {
  readonly origin: string;
  readonly role: 'own' | 'peer';
  /** Which side keeps the log, when this node knows it (it knows only its own). */
  readonly side?: string;
  /** The log's Ed25519 verifier key, named by the log's origin (docs/bundle.md: `log_key`). */
  readonly logKey: string;
  /** The other side's witness key, which cosigns this log's checkpoints. */
  readonly witnessKey: string;
  /** The witness key's name, as the stored cosignatures name it. */
  readonly witnessName: string;
  /** The origin of the other log of the link, where this log's peer references point. */
  readonly peerOrigin: string;
}

/** A bilateral link as this node stores it: our own log towards the peer and our copy of the peer's log. */
export interface NodeLink {
  readonly peer: string;
  readonly own: LinkLog;
  readonly peerLog: LinkLog;
}

const WITNESS_SUFFIX = '/witness';

/**
 * A pinned key of the peer, from its config entry, checked against the store's pin: both are set
 * by an administrator and must agree, or a bundle would carry keys the link does not use.
 */
function pinnedKeyText(peer: PinnedPeerConfig, pinned: PinnedPeer | undefined, field: 'logKey' | 'witnessKey'): string {
  const text = peer[field];
  if (pinned && pinned[field] !== text) {
    throw new ParleyError('E_CONFIG_INVALID', `The configuration and the store pin different ${field === 'logKey' ? 'log' : 'witness'} keys for peer ${peer.name}; resolve this with the peer's administrators before exporting.`, { peer: peer.name });
  }
  return text;
}

/**
 * The two logs of the link with `peer`, named by the convention the node follows: our own log is
 * `${host}/${peer}`, our copy of the peer's is `${peerHost}/${name}`, where the peer's host is its
 * witness key's name without `/witness`. One Ed25519 key signs all of a node's logs, so each log's
 * verifier key is that public key re-keyed under the log's origin.
 */
export function describeLink(crypto: CryptoSuite, config: NodeConfig, keys: NodeKeys, peer: PinnedPeerConfig, pinned: PinnedPeer | undefined): NodeLink {
  const peerWitness = parseVerifierKey(crypto, pinnedKeyText(peer, pinned, 'witnessKey'));
  if (peerWitness.type !== 'cosignature/v1' || !peerWitness.name.endsWith(WITNESS_SUFFIX)) {
    throw new ParleyError('E_KEY_INVALID', `The witness key pinned for peer ${peer.name} must be HOST/witness of type cosignature/v1; it is ${peerWitness.name}, a ${peerWitness.type} key.`, { peer: peer.name });
  }
  const peerLogKey = parseVerifierKey(crypto, pinnedKeyText(peer, pinned, 'logKey'));
  if (peerLogKey.type !== 'ed25519') {
    throw new ParleyError('E_KEY_INVALID', `The log key pinned for peer ${peer.name} must be an ed25519 key; it is a ${peerLogKey.type} key.`, { peer: peer.name });
  }
  const peerHost = peerWitness.name.slice(0, -WITNESS_SUFFIX.length);
  const ours = publicKeysOf(config.host, keys);
  const ownOrigin = `${config.host}/${peer.name}`;
  const peerOrigin = `${peerHost}/${config.name}`;
  return {
    peer: peer.name,
    own: {
      origin: ownOrigin, role: 'own', side: config.side, logKey: ours.logKeyFor(peer.name),
      witnessKey: peerWitness.text, witnessName: peerWitness.name, peerOrigin,
    },
    peerLog: {
      origin: peerOrigin, role: 'peer', logKey: noteVerifierKey(crypto, peerOrigin, 'ed25519', peerLogKey.publicKey),
      witnessKey: ours.witnessKey, witnessName: `${config.host}${WITNESS_SUFFIX}`, peerOrigin: ownOrigin,
    },
  };
}
