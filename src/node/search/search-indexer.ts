import {
  CodeListSchema, NotificationTemplateSchema, toHex,
  type AgreedForms, type CodeList, type EventRef, type NotificationTemplate,
} from '../../core/index.js';
import type { Coordination, EventRecord, LogStore, SearchEntry, SearchStore, Unlisten } from '../../store/index.js';
import { eventJson } from '../record/event-json.js';
import { RECORD_CHANNEL } from '../server/live-updates.js';
import { mayHaveWords, searchFieldsOf, STARTING_FORMS, type SearchFields } from './search-text.js';

/** Events read per step of a catch-up. */
const BATCH = 500;

export interface IndexedLink {
  readonly ownOrigin: string;
  readonly peerOrigin: string;
  onChange(listener: (change: { origin: string; size: number }) => void): void;
}

export interface SearchIndexerComponents {
  readonly store: Pick<SearchStore, 'indexEvents' | 'searchScanned' | 'search'> & Pick<LogStore, 'readEvents' | 'readEventsAt'> & Pick<Coordination, 'listen'>;
  readonly links: readonly IndexedLink[];
  readonly onError: (error: unknown) => void;
  /**
   * How long a change waits for more before it is indexed (default 100 ms). Under a flood of
   * small batches the index then commits a few times a second instead of once per batch, and
   * the record's own appends, which share SQLite's one connection, are not slowed down.
   */
  readonly coalesceMs?: number;
}

interface StoredEvent {
  readonly kind: string;
  readonly ts: string;
  readonly body: unknown;
}

const decode = (event: EventRecord): StoredEvent => eventJson(event.bytes) as StoredEvent;

/**
 * Keeps the search index current with both logs of every link. On start it continues each log
 * from where the index last looked (its scan cursor, which also passes events with nothing to
 * index, such as receipts); then it follows every batch stored, by this process (the link's
 * change listener) or by another process of this side (the store's `record` notifications).
 *
 * Every process of an HA side runs one. They may index the same events at once: the store skips
 * an entry already there and its cursor only moves forward, so nothing is indexed twice and
 * nothing is lost. A notification missed while a listener reconnects only delays indexing
 * until the next batch on that log.
 */
export class SearchIndexer {
  private readonly origins: ReadonlySet<string>;
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private readonly waiting = new Map<string, NodeJS.Timeout>();
  private readonly codeLists = new Map<string, CodeList>();
  private readonly templates = new Map<string, NotificationTemplate>();
  private known: AgreedForms | null = null;
  private unlisten: Unlisten | null = null;
  private stopped = true;

  constructor(private readonly components: SearchIndexerComponents) {
    this.origins = new Set(components.links.flatMap((l) => [l.ownOrigin, l.peerOrigin]));
    for (const link of components.links) link.onChange(({ origin }) => this.schedule(origin));
  }

  /** Starts following and begins catching up; does not wait for the catch-up (see `settled`). */
  async start(): Promise<void> {
    this.stopped = false;
    this.unlisten = await this.components.store.listen(RECORD_CHANNEL, (payload) => this.schedule((JSON.parse(payload) as { origin: string }).origin));
    void this.loadForms()
      .catch((error: unknown) => this.components.onError(error))
      .finally(() => {
        for (const origin of this.origins) this.schedule(origin, 0);
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
    await this.unlisten?.();
    this.unlisten = null;
    await this.settled();
  }

  /** Resolves when no indexing is in flight. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  /** Indexes what is new on this log shortly, or right after the run in flight. */
  schedule(origin: string, delayMs = this.components.coalesceMs ?? 100): void {
    if (this.stopped || !this.origins.has(origin)) return;
    if (this.running.has(origin)) {
      this.again.add(origin);
      return;
    }
    if (this.waiting.has(origin)) return;
    this.waiting.set(origin, setTimeout(() => {
      this.waiting.delete(origin);
      this.run(origin);
    }, delayMs));
  }

  private run(origin: string): void {
    if (this.stopped) return;
    const run = this.catchUp(origin)
      .catch((error: unknown) => this.components.onError(error))
      .finally(() => {
        this.running.delete(origin);
        // Changes that came during the run wait their coalescing time too.
        if (this.again.delete(origin)) this.schedule(origin);
      });
    this.running.set(origin, run);
  }

  private async catchUp(origin: string): Promise<void> {
    const { store } = this.components;
    for (let from = await store.searchScanned(origin); !this.stopped; ) {
      const events = await store.readEvents(origin, from, BATCH);
      if (events.length === 0) return;
      const entries: SearchEntry[] = [];
      for (const record of events) {
        // Link events (most of a busy log: receipts, tests) are passed on the stored kind alone.
        if (!mayHaveWords(record.kind)) continue;
        const event = decode(record);
        this.learnForms(event);
        const fields = searchFieldsOf(event, this.forms());
        if (fields) entries.push({ seq: record.seq, kind: record.kind, at: new Date(record.ts), ...(await this.withSubject(fields)) });
      }
      from = events[events.length - 1]!.seq + 1;
      await store.indexEvents(origin, entries, from);
      if (events.length < BATCH) return;
    }
  }

  /** A translation is found under the channel and level of the event it translates, when that is stored. */
  private async withSubject(fields: SearchFields): Promise<Omit<SearchEntry, 'seq' | 'kind' | 'at'>> {
    const { text, lang } = fields;
    let { channel, level } = fields;
    if (fields.translates && channel === null && level === null) {
      const subject = await this.subjectOf(fields.translates);
      channel = subject?.channel ?? null;
      level = subject?.level ?? null;
    }
    return { text, lang, channel, level };
  }

  private async subjectOf(ref: EventRef): Promise<SearchFields | null> {
    if (!this.origins.has(ref.log)) return null;
    const [record] = await this.components.store.readEventsAt(ref.log, [ref.seq]);
    if (!record || toHex(record.hash) !== ref.hash) return null;
    return searchFieldsOf(decode(record), this.forms());
  }

  /** Built again only after a form was learnt, not for every event indexed. */
  private forms(): AgreedForms {
    this.known ??= { templates: [...this.templates.values(), ...STARTING_FORMS.templates], codeLists: [...this.codeLists.values()] };
    return this.known;
  }

  /**
   * Code lists and templates proposed on the record render short codes and notifications in both
   * languages. The newest version proposed is used: search shows what was said, whether or not
   * the list was in force yet.
   */
  private learnForms(event: StoredEvent): void {
    if (event.kind !== 'jointdoc.proposed') return;
    const { type, content } = event.body as { type?: unknown; content?: unknown };
    if (type === 'code-list') {
      const list = CodeListSchema.safeParse(content);
      if (list.success && (this.codeLists.get(list.data.id)?.version ?? 0) <= list.data.version) {
        this.codeLists.set(list.data.id, list.data);
        this.known = null;
      }
    } else if (type === 'notification-template') {
      const template = NotificationTemplateSchema.safeParse(content);
      if (template.success && (this.templates.get(template.data.id)?.version ?? 0) <= template.data.version) {
        this.templates.set(template.data.id, template.data);
        this.known = null;
      }
    }
  }

  /** The forms proposed before this start, found through the index itself (joint documents are few). */
  private async loadForms(): Promise<void> {
    const { store } = this.components;
    const origins = [...this.origins];
    for (let offset = 0; ; offset += 100) {
      const { hits, more } = await store.search({ text: '', kinds: ['jointdoc.proposed'], origins, limit: 100, offset });
      for (const origin of origins) {
        const seqs = hits.filter((h) => h.origin === origin).map((h) => h.seq);
        if (seqs.length) for (const record of await store.readEventsAt(origin, seqs)) if (record) this.learnForms(decode(record));
      }
      if (!more) return;
    }
  }
}
