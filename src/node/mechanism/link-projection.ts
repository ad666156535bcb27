import { isParleyError, toMechanismEvent, type ParleyError, type Side } from '../../core/index.js';
import type { LogStore } from '../../store/index.js';
import type { PeerLink } from '../link/peer-link.js';
import { SerialQueue } from '../record/serial-queue.js';
import { nextTurn } from '../record/next-turn.js';
import type { MechanismState } from './mechanism-state.js';
import { planStep, type Commit } from './plan-step.js';
import { FoldSequence, type ReadLog } from './fold-order.js';
import { readLines, type FoldSource, type RecordLine } from './record-lines.js';
import { StateJournal } from './state-journal.js';

/**
 * How many applied steps the fold can go back (at least; up to twice as many between trims): a
 * newly read event may be ordered 2,048 to 4,096 events back before the fold starts over from
 * the store. The lines and the journal of those steps are all that is kept of the past.
 */
const KEPT_STEPS = 2_048;

/** Steps folded between two turns of the event loop (every view waits for the whole catch-up). */
const FOLD_SLICE = 500;

/** An event of the record that its machine refused during the fold: listed, never dropped in silence. */
export interface Conflict {
  readonly origin: string;
  readonly seq: number;
  readonly kind: string;
  readonly side: Side;
  readonly ts: string;
  readonly code: string;
  readonly message: string;
}

export interface ProjectionView {
  readonly state: MechanismState;
  readonly conflicts: readonly Conflict[];
  readonly ourSide: Side;
  /** Null until the peer's `link.opened` has arrived: until then its events cannot be attributed. */
  readonly peerSide: Side | null;
  readonly zones: Readonly<Record<Side, string>>;
  /** How many events of our log and of the peer's this state was folded from: an internal entry records them as what it was checked against. */
  readonly seen: { readonly own: number; readonly peer: number };
}

/**
 * The mechanism state of one link, folded from both logs (and this node's internal log) in the
 * order of `foldOrder`. It is read from the store: every process of a side catches up from the
 * stored logs when told of a change (HA), so all of them show the same state. Incremental: only
 * what was read since the last catch-up is ordered (`FoldSequence`) and applied. A newly arrived
 * event that the order places before ones already applied (the peer signed it while ours were on
 * their way) makes the projection undo the steps from that place on (`StateJournal`) and fold
 * them again in the new order; only when that place is older than the steps kept (a long cut,
 * then the peer's backlog) does it fold again from the start, reading the logs again as a
 * restart would.
 */
export class LinkProjection {
  private journal = new StateJournal();
  private conflicts: Conflict[] = [];
  private sizes = new Map<string, number>();
  private order = new FoldSequence();
  private peer: { side: Side; timeZone: string } | null = null;
  private readonly serial = new SerialQueue();
  /** How many times the fold went back to an earlier state; for tests and diagnostics. */
  refolds = 0;

  constructor(
    private readonly store: LogStore,
    private readonly link: PeerLink,
    private readonly internalOrigin: string,
  ) {}

  /** Brings the state up to what the store holds now. */
  sync(): Promise<ProjectionView> {
    return this.serial.run(async () => {
      await this.catchUp();
      return this.view();
    });
  }

  view(): ProjectionView {
    const zones: Record<Side, string> = { [this.link.self.side]: this.link.self.timeZone };
    if (this.peer) zones[this.peer.side] = this.peer.timeZone;
    const seen = { own: this.sizes.get(this.link.ownOrigin) ?? 0, peer: this.sizes.get(this.link.peerOrigin) ?? 0 };
    return { state: this.journal.state, conflicts: this.conflicts, ourSide: this.link.self.side, peerSide: this.peer?.side ?? null, zones, seen };
  }

  private async catchUp(): Promise<void> {
    if (!this.peer) {
      const identity = await this.link.peerIdentity();
      if (identity) this.peer = { side: identity.side, timeZone: identity.timeZone };
    }
    const reads = await this.readNew();
    if (reads.length === 0) return;
    let change = this.order.extend(reads);
    if (change === null) {
      this.startOver();
      change = this.order.extend(await this.readNew());
      if (change === null) throw new Error('The fold order changed before its start.');
    }
    if (change.from < this.journal.length) this.rewindTo(change.from);
    let applied = 0;
    for (const line of this.order.linesFrom(this.journal.length)) {
      this.apply(line);
      // A long catch-up (a backlog after an outage) lets the rest of the process have turns.
      if (++applied % FOLD_SLICE === 0) await nextTurn();
    }
    if (this.journal.length - this.journal.oldest > 2 * KEPT_STEPS) {
      const keep = this.journal.length - KEPT_STEPS;
      this.journal.forget(keep);
      this.order.forget(keep);
    }
  }

  /** Undoes the applied steps from `position` on. */
  private rewindTo(position: number): void {
    this.refolds++;
    const conflicts = this.journal.undoTo(position);
    if (conflicts !== null) this.conflicts = this.conflicts.slice(0, conflicts);
  }

  /** Forgets everything folded, to fold again from the start of the stored logs. */
  private startOver(): void {
    this.refolds++;
    this.journal = new StateJournal();
    this.conflicts = [];
    this.sizes = new Map();
    this.order = new FoldSequence();
  }

  private sources(): FoldSource[] {
    const { ownOrigin, peerOrigin } = this.link;
    const own: FoldSource[] = [
      { origin: ownOrigin, side: this.link.self.side, rank: 0 },
      { origin: this.internalOrigin, side: this.link.self.side, rank: 1, internal: { link: this.link.peer.name, own: ownOrigin, peer: peerOrigin } },
    ];
    return this.peer ? [...own, { origin: peerOrigin, side: this.peer.side, rank: 0 }] : own;
  }

  /** Reads what the store holds beyond what was read: the logs that grew, with their new lines. */
  private async readNew(): Promise<ReadLog[]> {
    const reads: ReadLog[] = [];
    for (const source of this.sources()) {
      const from = this.sizes.get(source.origin) ?? 0;
      const { lines, size } = await readLines(this.store, source, from);
      if (size === from) continue;
      this.sizes.set(source.origin, size);
      reads.push({ origin: source.origin, lines, size });
    }
    return reads;
  }

  private apply(line: RecordLine): void {
    this.journal.begin(this.conflicts.length);
    const plan = planned(this.journal.state, line);
    if (typeof plan === 'function') plan();
    else {
      const refusal = plan;
      // The message is read from the refusal when the conflict is shown: some refusals are spelled out only then.
      this.conflicts.push({ origin: line.origin, seq: line.seq, kind: line.kind, side: line.side, ts: line.ts, code: refusal.code, get message() { return refusal.message; } });
    }
  }
}

/**
 * Plans one step of the fold: its commit, or the refusal that makes it a conflict. A refusal is
 * kept as a value (code and message) and its stack is never read, yet capturing stacks (the
 * refusal's and the schema's error) was about a quarter of a refused step: a log of bodies the
 * schema refuses cost far more per event than one of accepted steps. So planning runs without
 * stack traces. Planning changes nothing, so an error that is not a refusal (a fault) is planned
 * again with them, to be thrown with its stack.
 */
function planned(state: MechanismState, line: RecordLine): Commit | ParleyError {
  const plan = () => planStep(state, toMechanismEvent({ kind: line.kind, ts: line.ts, body: line.body }, line.side), line);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return plan();
  } catch (error) {
    if (isParleyError(error)) return error;
  } finally {
    Error.stackTraceLimit = limit;
  }
  return plan();
}
