import type { EncodedEvent } from '../core/index.js';
import type { EventRecord } from './log-store.js';

/**
 * The stored form of an encoded event: its bytes as signed, plus the columns the store indexes.
 * `leafHash` comes from the Merkle log (SHA-256(0x00 ‖ bytes), RFC 6962 §2.1), which the caller
 * computes anyway while updating the tree.
 */
export function toEventRecord(encoded: EncodedEvent, leafHash: Uint8Array): EventRecord {
  const { event } = encoded;
  return {
    seq: event.seq,
    bytes: encoded.bytes,
    hash: encoded.hash,
    leafHash,
    ts: event.ts,
    kind: event.kind,
    actor: event.actor,
    peer: event.peer,
  };
}
