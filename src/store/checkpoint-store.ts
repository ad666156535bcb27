/** A signed checkpoint of one log (C2SP tlog-checkpoint), with the signed note text verbatim. */
export interface NewCheckpoint {
  readonly size: number;
  readonly root: Uint8Array;
  /** The signed note: checkpoint body, blank line, signature lines; kept exactly as signed. */
  readonly note: string;
  readonly createdAt: Date;
}

/**
 * A witness's cosignature on a checkpoint (C2SP tlog-cosignature): the peer's on our own
 * checkpoints, ours on the peer's.
 */
export interface Cosignature {
  /** The witness key's name, as it appears in the signature line. */
  readonly witness: string;
  /** The signature line to append to the note, verbatim. */
  readonly line: string;
  readonly cosignedAt: Date;
}

export interface CheckpointRecord extends NewCheckpoint {
  readonly origin: string;
  readonly cosignatures: readonly Cosignature[];
}

export type CheckpointPutResult =
  | { readonly kind: 'stored' }
  /** A checkpoint of this size with the same root is already stored. */
  | { readonly kind: 'duplicate' }
  /** A checkpoint of this size with another root is stored: the log forked. Nothing was written. */
  | { readonly kind: 'equivocation'; readonly existing: CheckpointRecord };

/** Two signed statements of one log that cannot both be true; kept forever. */
export interface EquivocationEvidence {
  readonly origin: string;
  /** `checkpoint`: two notes of one size with different roots. `event`: two events at one seq. */
  readonly kind: 'checkpoint' | 'event';
  /** The tree size or the seq both statements claim. */
  readonly position: number;
  readonly first: Uint8Array;
  readonly second: Uint8Array;
  readonly recordedAt: Date;
}

export interface StoredEvidence extends EquivocationEvidence {
  readonly id: number;
}

/** Checkpoints, cosignatures and the evidence of equivocation. */
export interface CheckpointStore {
  putCheckpoint(origin: string, checkpoint: NewCheckpoint): Promise<CheckpointPutResult>;
  /** Idempotent per (checkpoint, witness): the first cosignature stored is kept. */
  addCosignature(origin: string, size: number, cosignature: Cosignature): Promise<void>;
  getCheckpoint(origin: string, size: number): Promise<CheckpointRecord | undefined>;
  latestCheckpoint(origin: string): Promise<CheckpointRecord | undefined>;
  /** Idempotent: the same pair (in either order) is recorded once. There is no way to delete evidence. */
  recordEquivocation(evidence: EquivocationEvidence): Promise<StoredEvidence>;
  listEquivocations(origin?: string): Promise<StoredEvidence[]>;
}
