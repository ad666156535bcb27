import type { ParleyError } from '../errors/index.js';

/**
 * A run of consecutive events of one log whose bytes, shape, canonical form, log name and
 * signature were already checked (in a worker thread), packed into two typed arrays so that a
 * batch crosses threads as two transferred buffers rather than one cloned object per event.
 *
 * Event i's numbers are at `numbers[i * NUMBERS_PER_EVENT + …]`, its hashes at
 * `hashes[i * HASH_BYTES_PER_EVENT + …]`.
 */
export interface CheckedBatch {
  /** Events in the batch before its first failure. */
  readonly count: number;
  /** 1-based line of the batch's first event in the log's events file. */
  readonly firstLine: number;
  readonly numbers: Float64Array;
  readonly hashes: Uint8Array;
  /** What is wrong with the event right after the last one, if anything. */
  readonly failure: BatchFailure | null;
}

export interface BatchFailure {
  readonly code: ParleyError['code'];
  readonly message: string;
  readonly line: number;
  readonly seq: number | null;
}

export const NUMBERS_PER_EVENT = 3;
export const SEQ_AT = 0;
/** Milliseconds since the epoch, used only to walk the logs in roughly the order they were written. */
export const TS_AT = 1;
/** The peer reference's seq, or -1 without a reference. */
export const PEER_SEQ_AT = 2;

export const HASH_BYTES_PER_EVENT = 128;
/** SHA-256 of the event's canonical bytes. */
export const HASH_AT = 0;
/** RFC 9162 leaf hash of the event's canonical bytes. */
export const LEAF_AT = 32;
/** The event's prev (zero at seq 0, where prev is null). */
export const PREV_AT = 64;
/** The hash the event's peer reference names (zero without a reference). */
export const PEER_HASH_AT = 96;
