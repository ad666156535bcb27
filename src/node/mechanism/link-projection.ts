import { isParleyError, toMechanismEvent, type Side } from '../../core/index.js';
import type { LogStore } from '../../store/index.js';
import type { PeerLink } from '../link/peer-link.js';
import { SerialQueue } from '../record/serial-queue.js';
import { cloneState, emptyState, type MechanismState } from './mechanism-state.js';
import { planStep } from './plan-step.js';
import { foldOrder } from './fold-order.js';
import { readLines, type FoldSource, type RecordLine } from './record-lines.js';

/** How often the fold keeps a state to go back to: small enough that going back is cheap, large enough that copying is. */
const SNAPSHOT_EVERY = 64;

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
 * stored logs when told of a change (HA), so all of them show the same state. Incremental: new
 * events are applied as they come. A newly arrived event that the order places before ones
 * already applied (the peer signed it while ours were on their way) makes the projection fold
 * again from the last snapshot before that place, not from the start.
 */
export class LinkProjection {
  private state = emptyState();
  private conflicts: Conflict[] = [];
  private sizes = new Map<string, number>();
  private lines = new Map<string, RecordLine[]>();
  private applied: RecordLine[] = [];
  /** States after every SNAPSHOT_EVERY applied events, oldest first. */
  private snapshots: { readonly applied: number; readonly conflicts: number; readonly state: MechanismState }[] = [];
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
    return { state: this.state, conflicts: this.conflicts, ourSide: this.link.self.side, peerSide: this.peer?.side ?? null, zones, seen };
  }

  private async catchUp(): Promise<void> {
    if (!this.peer) {
      const identity = await this.link.peerIdentity();
      if (identity) this.peer = { side: identity.side, timeZone: identity.timeZone };
    }
    if (!(await this.readNew())) return;
    const order = foldOrder(this.sources().map((source) => ({ origin: source.origin, lines: this.lines.get(source.origin) ?? [], size: this.sizes.get(source.origin) ?? 0 })));
    let same = 0;
    while (same < this.applied.length && order[same] === this.applied[same]) same++;
    if (same < this.applied.length) this.rewindTo(same);
    for (const line of order.slice(this.applied.length)) {
      this.apply(line);
      if (this.applied.length % SNAPSHOT_EVERY === 0) this.snapshots.push({ applied: this.applied.length, conflicts: this.conflicts.length, state: cloneState(this.state) });
    }
  }

  /** Goes back to the latest snapshot at or before `applied` events (or the empty state). */
  private rewindTo(applied: number): void {
    this.refolds++;
    while (this.snapshots.length > 0 && this.snapshots[this.snapshots.length - 1]!.applied > applied) this.snapshots.pop();
    const snapshot = this.snapshots[this.snapshots.length - 1];
    this.state = snapshot ? cloneState(snapshot.state) : emptyState();
    this.conflicts = this.conflicts.slice(0, snapshot?.conflicts ?? 0);
    this.applied = this.applied.slice(0, snapshot?.applied ?? 0);
  }

  private sources(): FoldSource[] {
    const { ownOrigin, peerOrigin } = this.link;
    const own: FoldSource[] = [
      { origin: ownOrigin, side: this.link.self.side, rank: 0 },
      { origin: this.internalOrigin, side: this.link.self.side, rank: 1, internal: { link: this.link.peer.name, own: ownOrigin, peer: peerOrigin } },
    ];
    return this.peer ? [...own, { origin: peerOrigin, side: this.peer.side, rank: 0 }] : own;
  }

  /** Reads what the store holds beyond what was read; true if anything new arrived. */
  private async readNew(): Promise<boolean> {
    let grew = false;
    for (const source of this.sources()) {
      const from = this.sizes.get(source.origin) ?? 0;
      const { lines, size } = await readLines(this.store, source, from);
      if (size === from) continue;
      grew = true;
      this.sizes.set(source.origin, size);
      const known = this.lines.get(source.origin) ?? [];
      for (const line of lines) known.push(line);
      this.lines.set(source.origin, known);
    }
    return grew;
  }

  private apply(line: RecordLine): void {
    this.applied.push(line);
    try {
      const step = toMechanismEvent({ kind: line.kind, ts: line.ts, body: line.body }, line.side);
      planStep(this.state, step, line)();
    } catch (error) {
      if (!isParleyError(error)) throw error;
      this.conflicts.push({ origin: line.origin, seq: line.seq, kind: line.kind, side: line.side, ts: line.ts, code: error.code, message: error.message });
    }
  }
}
