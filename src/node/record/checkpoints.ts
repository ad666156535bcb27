import {
  cosignNote, equalBytes, formatCheckpoint, openNote, ParleyError, parseCheckpoint, parseVerifierKey, signNote, splitNote,
  type CryptoSuite, type NoteVerifierKey, type Signer,
} from '../../core/index.js';
import type { CheckpointStore, LogStore } from '../../store/index.js';
import type { Clock } from '../server/clock.js';
import { StoredTree } from './stored-tree.js';

type RecordStore = LogStore & CheckpointStore;

export interface SignedCheckpoint {
  readonly size: number;
  /** The C2SP signed note, with the cosignature lines known so far appended. */
  readonly note: string;
}

/**
 * Checkpoints of one of our own logs (C2SP tlog-checkpoint, signed with the log's key under its
 * origin) and the peer witness's cosignatures on them (C2SP tlog-cosignature).
 */
export class OwnCheckpoints {
  private readonly tree: StoredTree;
  /** The cosignature stored last (in this process). */
  private lastAdded: { readonly size: number; readonly line: string } | null = null;

  constructor(
    private readonly store: RecordStore,
    private readonly crypto: CryptoSuite,
    private readonly signer: Signer,
    private readonly clock: Clock,
    readonly origin: string,
    private readonly peerWitnessKey: NoteVerifierKey,
    /** A new checkpoint is signed at most this often (0: whenever the log grew). */
    private readonly everyMs = 0,
  ) {
    this.tree = new StoredTree(store, crypto, origin);
  }

  /**
   * The latest checkpoint of the log, signing a new one if the log grew since, and the latest is
   * at least `everyMs` old (so the log's state is checkpointed at once after a pause, and at
   * most that often while it keeps growing).
   */
  async current(): Promise<SignedCheckpoint> {
    const [size, latest] = await Promise.all([this.store.logSize(this.origin), this.store.latestCheckpoint(this.origin)]);
    if (latest && (latest.size >= size || this.clock.now().getTime() - latest.createdAt.getTime() < this.everyMs)) return { size: latest.size, note: latest.note };
    const rootHash = await this.tree.root(size);
    const note = signNote(this.crypto, formatCheckpoint({ origin: this.origin, size, rootHash }), [{ name: this.origin, signer: this.signer }]);
    const put = await this.store.putCheckpoint(this.origin, { size, root: rootHash, note, createdAt: this.clock.now() });
    // Another process of this side signed this size first: the same root, so its note serves.
    if (put.kind !== 'stored') return { size, note: (await this.store.getCheckpoint(this.origin, size))!.note };
    return { size, note };
  }

  /** Stores the peer witness's cosignature line on our checkpoint of `size`, once it verifies. */
  async addCosignature(size: number, line: string): Promise<void> {
    // The witness hands its cosignature back with every answer until a newer checkpoint is cosigned.
    if (this.lastAdded?.size === size && this.lastAdded.line === line) return;
    await this.storeCosignature(size, line);
    this.lastAdded = { size, line };
  }

  private async storeCosignature(size: number, line: string): Promise<void> {
    const checkpoint = await this.store.getCheckpoint(this.origin, size);
    if (!checkpoint) throw new ParleyError('E_CHECKPOINT_UNKNOWN', `${this.origin} has no checkpoint of size ${size} to cosign.`, { size });
    let timestamp: number | undefined;
    try {
      timestamp = openNote(this.crypto, checkpoint.note + line, [this.peerWitnessKey]).verified[0]?.timestamp;
    } catch (error) {
      throw new ParleyError('E_COSIGNATURE_INVALID', `The cosignature by ${this.peerWitnessKey.name} on checkpoint ${size} of ${this.origin} does not verify.`, { size, cause: String(error) });
    }
    if (timestamp === undefined) throw new ParleyError('E_COSIGNATURE_INVALID', `The line is not a cosignature/v1 by ${this.peerWitnessKey.name}.`);
    await this.store.addCosignature(this.origin, size, { witness: this.peerWitnessKey.name, line, cosignedAt: new Date(timestamp * 1000) });
  }
}

export type WitnessOutcome =
  /** Cosigned: the line to hand back to the peer. */
  | { readonly kind: 'cosigned'; readonly size: number; readonly line: string }
  /** The checkpoint covers events we have not received yet; it is checked once they arrive. */
  | { readonly kind: 'ahead'; readonly size: number };

/**
 * This node as the witness of its peer's log (DESIGN §3). A witness normally checks a
 * consistency proof from the last checkpoint it saw; this one holds a verified copy of every
 * event, so it recomputes the root at the checkpoint's size from its own copy, which proves
 * consistency with every earlier checkpoint at once. A signed root that differs from the
 * peer's own signed events is a fork: the note is kept as evidence and refused.
 */
export class PeerWitness {
  private readonly tree: StoredTree;
  private readonly peerLogKey: NoteVerifierKey;
  /** The note cosigned last and its outcome: offered again, it is answered without another check. */
  private lastCosigned: { readonly note: string; readonly outcome: WitnessOutcome } | null = null;

  constructor(
    private readonly store: RecordStore,
    private readonly crypto: CryptoSuite,
    private readonly witness: Signer,
    private readonly clock: Clock,
    /** Our witness key's name, `HOST/witness`. */
    private readonly witnessName: string,
    readonly peerOrigin: string,
    peerLogKeyText: string,
  ) {
    this.tree = new StoredTree(store, crypto, peerOrigin);
    this.peerLogKey = parseVerifierKey(crypto, peerLogKeyText);
  }

  async observe(note: string): Promise<WitnessOutcome> {
    // The peer offers its latest checkpoint with every exchange, mostly the same note again.
    if (this.lastCosigned && note === this.lastCosigned.note) return this.lastCosigned.outcome;
    const outcome = await this.check(note);
    if (outcome.kind === 'cosigned') this.lastCosigned = { note, outcome };
    return outcome;
  }

  private async check(note: string): Promise<WitnessOutcome> {
    const opened = openNote(this.crypto, note, [this.peerLogKey]);
    const checkpoint = parseCheckpoint(opened.text);
    if (checkpoint.origin !== this.peerOrigin) {
      throw new ParleyError('E_CHECKPOINT_ORIGIN_MISMATCH', `The checkpoint is of ${checkpoint.origin}, not of ${this.peerOrigin}.`);
    }
    const { size, rootHash } = checkpoint;
    const held = await this.store.logSize(this.peerOrigin);
    if (size > held) return { kind: 'ahead', size };
    const existing = await this.store.getCheckpoint(this.peerOrigin, size);
    const ours = existing?.cosignatures.find((c) => c.witness === this.witnessName);
    if (existing && ours && equalBytes(existing.root, rootHash)) return { kind: 'cosigned', size, line: ours.line };

    const root = await this.tree.root(size);
    if (!equalBytes(root, rootHash)) throw await this.fork(note, size);
    const signed = onlySignatureBy(note, this.peerLogKey.name);
    await this.store.putCheckpoint(this.peerOrigin, { size, root: rootHash, note: signed, createdAt: this.clock.now() });
    const cosigned = cosignNote(this.crypto, signed, { name: this.witnessName, signer: this.witness }, Math.floor(this.clock.now().getTime() / 1000));
    const line = cosigned.slice(cosigned.lastIndexOf('\n', cosigned.length - 2) + 1);
    await this.store.addCosignature(this.peerOrigin, size, { witness: this.witnessName, line, cosignedAt: this.clock.now() });
    return { kind: 'cosigned', size, line };
  }

  private async fork(note: string, size: number): Promise<ParleyError> {
    const last = size > 0 ? (await this.store.readEventsAt(this.peerOrigin, [size - 1]))[0] : undefined;
    await this.store.recordEquivocation({
      origin: this.peerOrigin,
      kind: 'checkpoint',
      position: size,
      first: new TextEncoder().encode(note),
      // The peer's own signed event at the end of that prefix: with the events before it, it fixes the true root.
      second: last?.bytes ?? new Uint8Array(),
      recordedAt: this.clock.now(),
    });
    return new ParleyError('E_CHECKPOINT_ROOT_MISMATCH', `${this.peerOrigin} signed a checkpoint of size ${size} whose root is not the root of its own signed events: its log has forked. The note is kept as evidence and the link is no longer trusted.`, {
      size,
      equivocation: true,
    });
  }
}

/** The note with only the log's own signature: cosignatures by others are not ours to vouch for. */
function onlySignatureBy(note: string, name: string): string {
  const { text } = splitNote(note);
  const lines = note.slice(text.length + 1).split('\n').filter((line) => line.startsWith(`\u2014 ${name} `));
  return `${text}\n${lines.map((l) => `${l}\n`).join('')}`;
}
