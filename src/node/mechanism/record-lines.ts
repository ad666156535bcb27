import { isMechanismEventKind, isParleyError, toHex, type EventRef, type Side } from '../../core/index.js';
import type { EventRecord, LogStore } from '../../store/index.js';
import { eventJson } from '../record/event-json.js';

/**
 * One event of a link's record as the fold sees it: where it is (log, seq, hash), which side's
 * node signed it, and its kind, actor, time and body.
 */
export interface RecordLine {
  readonly origin: string;
  readonly seq: number;
  readonly ref: EventRef;
  readonly side: Side;
  readonly ts: string;
  readonly kind: string;
  readonly actor: string;
  readonly body: unknown;
  /** 0 for the two shared logs, 1 for this node's internal log (which the peer never sees). */
  readonly rank: 0 | 1;
  /** What had been seen when the event was signed: every event of `origin` below `size` comes before it in the fold. */
  readonly after: readonly { readonly origin: string; readonly size: number }[];
}

/**
 * Among events the fold may take next, which comes first: an internal entry as soon as the
 * prefixes it was checked against are folded (it changes only this side's internal state, and
 * it must not meet a state its own later steps already changed); otherwise by `ts`, then by the
 * signing side, then by seq. See `foldOrder` for the whole rule.
 */
export function compareLines(a: RecordLine, b: RecordLine): number {
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (a.ts !== b.ts) return a.ts < b.ts ? -1 : 1;
  if (a.side !== b.side) return a.side < b.side ? -1 : 1;
  return a.seq - b.seq;
}

/** A log the fold reads: its origin, the side that writes it, and which of its events belong to this link. */
export interface FoldSource {
  readonly origin: string;
  readonly side: Side;
  readonly rank: 0 | 1;
  /** The internal log holds every link's internal work; each entry names its link and the two shared logs' sizes it was checked against. */
  readonly internal?: { readonly link: string; readonly own: string; readonly peer: string };
}

const PAGE = 1000;

/** The mechanism events of `source` from `from` on, and the log's new size; other kinds (link.*) are skipped. */
export async function readLines(store: LogStore, source: FoldSource, from: number): Promise<{ lines: RecordLine[]; size: number }> {
  const lines: RecordLine[] = [];
  let next = from;
  for (;;) {
    const page = await readPage(store, source.origin, next);
    for (const record of page) {
      const line = toLine(record, source);
      if (line) lines.push(line);
    }
    next += page.length;
    if (page.length < PAGE) return { lines, size: next };
  }
}

/** A log not created yet (the internal log before its first entry) reads as empty. */
async function readPage(store: LogStore, origin: string, from: number): Promise<EventRecord[]> {
  try {
    return await store.readEvents(origin, from, PAGE);
  } catch (error) {
    if (isParleyError(error, 'E_LOG_UNKNOWN')) return [];
    throw error;
  }
}

function toLine(record: EventRecord, source: FoldSource): RecordLine | null {
  if (!isMechanismEventKind(record.kind)) return null;
  const event = eventJson(record.bytes) as { body: unknown };
  let body = event.body;
  let after = record.peer ? [{ origin: record.peer.log, size: record.peer.seq + 1 }] : [];
  if (source.internal) {
    const entry = body as { link?: unknown; step?: unknown; seen?: { own?: number; peer?: number } };
    if (entry.link !== source.internal.link) return null;
    body = entry.step;
    after = [{ origin: source.internal.own, size: entry.seen?.own ?? 0 }, { origin: source.internal.peer, size: entry.seen?.peer ?? 0 }];
  }
  return {
    origin: source.origin, seq: record.seq, ref: { log: source.origin, seq: record.seq, hash: toHex(record.hash) }, side: source.side,
    ts: record.ts, kind: record.kind, actor: record.actor, body, rank: source.rank, after,
  };
}
