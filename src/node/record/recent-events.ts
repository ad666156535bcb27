import type { EventRecord, LogStore, Store } from '../../store/index.js';

/** Newest events kept per log: a few exchanges' worth, a few MB per log at realistic sizes. */
const KEPT_PER_LOG = 4_096;

/** The newest events of one log that this process stored, consecutive by seq, up to the log's head as the store last reported it. */
class RecentRun {
  private events: EventRecord[] = [];

  private get first(): number {
    return this.events[0]?.seq ?? 0;
  }

  /** Keeps consecutive events that end at the log's head (`size`, as the store reported it after storing them). */
  add(events: readonly EventRecord[], size: number): void {
    if (events.length === 0 || events[events.length - 1]!.seq !== size - 1) return;
    const start = events[0]!.seq;
    const end = this.first + this.events.length;
    // Continuing the kept run (what overlaps is the same event: logs are append-only), or a new one.
    if (this.events.length > 0 && start >= this.first && start <= end) this.events.length = start - this.first;
    else this.events = [];
    for (const event of events) this.events.push(event);
    if (this.events.length > KEPT_PER_LOG) this.events = this.events.slice(this.events.length - KEPT_PER_LOG / 2);
  }

  /** The kept events from `from` on, at most `limit`; undefined unless `from` is kept. */
  from(from: number, limit: number): EventRecord[] | undefined {
    const at = from - this.first;
    if (at < 0 || at >= this.events.length) return undefined;
    return this.events.slice(at, at + limit);
  }

  at(seq: number): EventRecord | undefined {
    const at = seq - this.first;
    return at >= 0 && at < this.events.length ? this.events[at] : undefined;
  }
}

/**
 * The store, with the newest events of each log kept in memory as this process stores them.
 * Right after a batch is stored the mechanism fold, the search index, the next exchange and the
 * peer-reference checks all read it; from memory they do not read and decode the same rows again
 * and again. Logs are append-only, so a kept event never goes stale.
 *
 * A read that the kept events answer in full comes from memory. One that runs past them (a
 * reader at the head of the log asks for a page) comes from memory only if the kept events
 * reach the log's head: where no other process writes the database (SQLite: one process per
 * file) what this process stored last is the head; where other processes of this side write too
 * (PostgreSQL, HA) the store's size of the log says where the head is, a far cheaper read than
 * the rows.
 */
export function withRecentEvents(store: Store, onlyWriter = store.dialect === 'sqlite'): Store {
  const runs = new Map<string, RecentRun>();
  const runOf = (origin: string): RecentRun => {
    let run = runs.get(origin);
    if (!run) runs.set(origin, (run = new RecentRun()));
    return run;
  };
  const recent: Pick<LogStore, 'readEvents' | 'readEventsAt' | 'appendOwnEvents' | 'appendPeerEvents'> = {
    async readEvents(origin, fromSeq, limit) {
      const kept = runs.get(origin)?.from(fromSeq, limit);
      if (kept && (kept.length === limit || onlyWriter || (await store.logSize(origin)) === fromSeq + kept.length)) return kept;
      return store.readEvents(origin, fromSeq, limit);
    },
    async readEventsAt(origin, seqs) {
      const run = runs.get(origin);
      const kept = run ? seqs.map((seq) => run.at(seq)) : [];
      if (run && kept.every((e) => e !== undefined)) return kept;
      return store.readEventsAt(origin, seqs);
    },
    async appendOwnEvents(origin, events, effects) {
      const appended = await store.appendOwnEvents(origin, events, effects);
      runOf(origin).add(events, appended.size);
      return appended;
    },
    async appendPeerEvents(origin, events, effects) {
      const result = await store.appendPeerEvents(origin, events, effects);
      if (result.kind === 'appended') runOf(origin).add(events, result.size);
      if (result.kind === 'appended' && result.own && effects.own) runOf(effects.own.origin).add(effects.own.events, result.own.size);
      return result;
    },
  };
  return { ...store, ...recent };
}
