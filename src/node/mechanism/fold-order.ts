import { compareLines, type RecordLine } from './record-lines.js';

/** The lines read of one log (so far, or since the last read), and how many events of it were read (mechanism or not). */
export interface ReadLog {
  readonly origin: string;
  readonly lines: readonly RecordLine[];
  readonly size: number;
}

/**
 * THE order in which a link's record is folded; both nodes compute it alike from the same logs.
 *
 * Each log is taken in seq order. An event comes after everything its signer had seen: a
 * shared event after the peer event its `peer` reference names (so an agreement is never folded
 * before the proposal it agrees, whatever the two clocks say), an internal entry after the
 * prefixes of both logs it was checked against. Among the events that may come next, an
 * internal entry comes first, then the earliest by `ts`, side and seq (`compareLines`); since
 * internal entries change only this side's internal state, both nodes still fold the shared
 * logs in the same order. An event waiting for
 * something not read yet stops the order there; it continues once that has arrived.
 */
export function foldOrder(logs: readonly ReadLog[]): RecordLine[] {
  const byOrigin = new Map(logs.map((log) => [log.origin, log]));
  const next = new Map(logs.map((log) => [log.origin, 0]));
  const ordered: RecordLine[] = [];
  // Every line of `origin` below seq `size` is folded, and the log has been read that far.
  const covered = (origin: string, size: number): boolean => {
    const log = byOrigin.get(origin);
    if (!log) return size === 0;
    if (log.size < size) return false;
    const head = log.lines[next.get(origin)!];
    return head === undefined || head.seq >= size;
  };
  for (;;) {
    let best: RecordLine | null = null;
    for (const log of logs) {
      const head = log.lines[next.get(log.origin)!];
      if (!head || !head.after.every((a) => covered(a.origin, a.size))) continue;
      if (best === null || compareLines(head, best) < 0) best = head;
    }
    if (best === null) return ordered;
    ordered.push(best);
    next.set(best.origin, next.get(best.origin)! + 1);
  }
}

/** What a read changed in the order: from absolute position `from` on, the order is now `lines`. */
export interface OrderChange {
  readonly from: number;
  readonly lines: readonly RecordLine[];
}

/**
 * `foldOrder` kept current as the logs grow, without ordering everything again: the same order
 * (a property test holds it to `foldOrder` over everything read), at a cost that follows what
 * changed rather than the length of the record.
 *
 * Why that is possible: the order is a greedy merge, and a line's eligibility only ever turns
 * from no to yes as more is taken or read. So newly read lines change nothing before the first
 * place where one of them (or a line that was waiting for them) could have been taken: not
 * before its own log's previous line, and not before the lines it must follow. From there on the
 * order is computed again over what follows, which `foldOrder` does on the remaining lines.
 *
 * Only the ordered lines from `forget`'s position on are kept. A read that changes the order
 * before that position (the peer's events, signed long ago, arriving after a long cut) returns
 * null: the caller then folds again from the start, as a restart would.
 */
export class FoldSequence {
  /** Absolute position of `kept[0]`. */
  private base = 0;
  private kept: RecordLine[] = [];
  /** Read but not in the order yet: each log's lines still waiting for something, in seq order. */
  private readonly waiting = new Map<string, RecordLine[]>();
  private readonly sizes = new Map<string, number>();
  /** Per log, the seq of its last ordered line and the position right after it. */
  private readonly last = new Map<string, { readonly seq: number; readonly end: number }>();

  /** How many lines are ordered, counting forgotten ones. */
  get length(): number {
    return this.base + this.kept.length;
  }

  /** The ordered lines from absolute position `from` (not before the kept ones) to the end. */
  linesFrom(from: number): readonly RecordLine[] {
    if (from < this.base) throw new RangeError(`The fold order before position ${this.base} is no longer kept.`);
    return this.kept.slice(from - this.base);
  }

  /** Drops the ordered lines before `position`; a later change before it returns null. */
  forget(position: number): void {
    const drop = Math.min(position, this.length) - this.base;
    if (drop <= 0) return;
    this.kept = this.kept.slice(drop);
    this.base += drop;
  }

  /** Takes lines newly read (each log's continue its earlier ones), and returns where the order changed; null when that is before the kept lines. */
  extend(reads: readonly ReadLog[]): OrderChange | null {
    for (const read of reads) {
      this.sizes.set(read.origin, read.size);
      if (read.lines.length === 0) continue;
      const waiting = this.waiting.get(read.origin);
      if (waiting) for (const line of read.lines) waiting.push(line);
      else this.waiting.set(read.origin, [...read.lines]);
    }
    const start = this.earliestChange();
    if (start === null) return { from: this.length, lines: [] };
    if (start < this.base) return null;

    const tail = this.kept.slice(start - this.base);
    const remaining = new Map<string, RecordLine[]>();
    for (const line of tail) push(remaining, line.origin, line);
    for (const [origin, lines] of this.waiting) for (const line of lines) push(remaining, origin, line);
    const origins = new Set([...this.sizes.keys(), ...remaining.keys()]);
    const ordered = foldOrder([...origins].map((origin) => ({ origin, lines: remaining.get(origin) ?? [], size: this.sizes.get(origin) ?? 0 })));

    // Every line ordered before is ordered again (eligibility only grows): find where they part.
    let same = 0;
    while (same < tail.length && ordered[same] === tail[same]) same++;
    const taken = new Map<string, number>();
    this.kept.length = start - this.base;
    for (const line of ordered) {
      this.kept.push(line);
      taken.set(line.origin, (taken.get(line.origin) ?? 0) + 1);
      this.last.set(line.origin, { seq: line.seq, end: this.length });
    }
    this.waiting.clear();
    for (const [origin, lines] of remaining) if (lines.length > (taken.get(origin) ?? 0)) this.waiting.set(origin, lines.slice(taken.get(origin) ?? 0));
    return { from: start + same, lines: ordered.slice(same) };
  }

  /**
   * The first position at which a waiting line could now be taken (null if none can yet): not
   * before its log's previous line, nor before the last ordered line of a log it must follow.
   * A line that still waits for an event not read, or for a line not ordered, cannot be first:
   * that line's own log is considered instead.
   */
  private earliestChange(): number | null {
    let earliest: number | null = null;
    for (const [origin, lines] of this.waiting) {
      const head = lines[0]!;
      let at: number | null = this.last.get(origin)?.end ?? 0;
      for (const { origin: other, size } of head.after) {
        const blocked = (this.sizes.get(other) ?? 0) < size || (this.waiting.get(other)?.[0]?.seq ?? Infinity) < size;
        at = blocked ? null : Math.max(at, this.endOfLinesBelow(other, size, at));
        if (at === null) break;
      }
      if (at !== null && (earliest === null || at < earliest)) earliest = at;
    }
    return earliest;
  }

  /** The position right after the last ordered line of `origin` with seq below `size`, or `floor` if that is not after `floor`. */
  private endOfLinesBelow(origin: string, size: number, floor: number): number {
    const last = this.last.get(origin);
    if (!last) return floor;
    if (last.seq < size) return Math.max(floor, last.end);
    for (let i = this.kept.length - 1; i >= 0 && this.base + i >= floor; i--) {
      const line = this.kept[i]!;
      if (line.origin === origin && line.seq < size) return this.base + i + 1;
    }
    return floor;
  }
}

function push(map: Map<string, RecordLine[]>, origin: string, line: RecordLine): void {
  const lines = map.get(origin);
  if (lines) lines.push(line);
  else map.set(origin, [line]);
}
