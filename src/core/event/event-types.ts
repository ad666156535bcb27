import type { JsonObject } from '../json/index.js';

/** Domain separation for event signatures (DESIGN §3): no other Parley signature covers these bytes. */
export const EVENT_SIGNING_PREFIX = 'parley/event/v1\n';
export const EVENT_VERSION = 1;

/** Names the latest event of the peer's log that this node had seen when it wrote the event. */
export interface PeerRef {
  readonly log: string;
  readonly seq: number;
  /** Lowercase hex SHA-256 of the peer event's canonical signed bytes. */
  readonly hash: string;
}

export interface UnsignedEvent {
  readonly v: typeof EVENT_VERSION;
  /** The log's origin, e.g. `washington.parley.example/beijing`; equal to its checkpoint origin. */
  readonly log: string;
  readonly seq: number;
  /** Lowercase hex SHA-256 of the previous event's canonical signed bytes; null at seq 0. */
  readonly prev: string | null;
  readonly peer: PeerRef | null;
  /** RFC 3339 UTC with milliseconds, e.g. `2023-12-21T13:00:00.000Z`. */
  readonly ts: string;
  readonly kind: string;
  readonly actor: string;
  readonly body: JsonObject;
}

export interface SignedEvent extends UnsignedEvent {
  /** Base64 Ed25519 signature over EVENT_SIGNING_PREFIX ‖ JCS(event without sig). */
  readonly sig: string;
}

/** A signed event together with the exact bytes that were hashed into its log. */
export interface EncodedEvent {
  readonly event: SignedEvent;
  /** RFC 8785 canonical JSON of the signed event: the log leaf's data and the line in a bundle. */
  readonly text: string;
  readonly bytes: Uint8Array;
  /** SHA-256(bytes): what the next event's `prev` and a peer's `peer.hash` name. */
  readonly hash: Uint8Array;
}
