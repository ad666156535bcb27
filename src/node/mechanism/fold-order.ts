import { compareLines, type RecordLine } from './record-lines.js';

/** The lines read so far of one log, and how many events of it were read (mechanism or not). */
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
