import type { JsonObject } from '../core/index.js';

export type PeerTrust = 'trusted' | 'untrusted';

/** A peer node whose keys were pinned by an administrator; never trusted on first use. */
export interface NewPeer {
  readonly name: string;
  readonly url: string;
  /** The peer's log verifier key (note verifier text): signs its events and checkpoints. */
  readonly logKey: string;
  /** The peer's witness verifier key: cosigns our checkpoints. */
  readonly witnessKey: string;
  readonly addedAt: Date;
}

export interface PinnedPeer extends NewPeer {
  readonly trust: PeerTrust;
  /** Why the link was marked untrusted (e.g. equivocation), or why trust was restored. */
  readonly trustReason: string | null;
  readonly trustChangedAt: Date | null;
}

export interface NewIncident {
  /** e.g. `link.down`, `link-test.missed`, `equivocation`. */
  readonly kind: string;
  /** What the incident concerns, e.g. a peer name or a log origin. */
  readonly subject: string;
  readonly openedAt: Date;
  readonly details: JsonObject;
}

export interface Incident extends NewIncident {
  readonly id: number;
  readonly closedAt: Date | null;
}

/** The peer link's durable state: pinned peers, the outbox cursor, replay protection, incidents. */
export interface FederationStore {
  /** Idempotent for the same keys and address; E_PEER_ALREADY_PINNED if they differ. */
  pinPeer(peer: NewPeer): Promise<PinnedPeer>;
  getPeer(name: string): Promise<PinnedPeer | undefined>;
  listPeers(): Promise<PinnedPeer[]>;
  /** E_PEER_NOT_PINNED for an unknown name. */
  setPeerTrust(name: string, trust: PeerTrust, reason: string, at: Date): Promise<PinnedPeer>;

  /** The highest own seq the peer has receipted, or null before its first receipt. Moved by `AppendEffects.outboxAck`. */
  lastAckedSeq(peer: string): Promise<number | null>;

  /**
   * Records a request nonce; false if it was already seen (a replay). Race-free across
   * processes: a unique constraint decides, not a read before the write.
   */
  rememberNonce(peer: string, nonce: string, expiresAt: Date): Promise<boolean>;
  /** Deletes nonces whose expiry is at or before `now`; returns how many. */
  forgetExpiredNonces(now: Date): Promise<number>;

  /** Idempotent while open: an open incident of the same kind and subject is returned as is. */
  openIncident(incident: NewIncident): Promise<Incident>;
  /** Returns the closed incident, or undefined if there is none with this id. Closing twice keeps the first time. */
  closeIncident(id: number, closedAt: Date): Promise<Incident | undefined>;
  /** Closes the open incident of this kind and subject (there is at most one), if any; returns it. */
  closeOpenIncident(kind: string, subject: string, closedAt: Date): Promise<Incident | undefined>;
  listIncidents(filter?: { readonly open?: boolean }): Promise<Incident[]>;
}
