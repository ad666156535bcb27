import { fromUtf8 } from '../../core/index.js';
import type { LogStore } from '../../store/index.js';

export interface StoredEntry {
  readonly seq: number;
  readonly kind: string;
  readonly body: Record<string, unknown>;
  /** The stored bytes as text: equal texts are the same signed event. */
  readonly text: string;
  readonly hash: string;
}

/** Every event of a stored log, oldest first, read in pages as the export does. */
export async function readLog(store: Pick<LogStore, 'readEvents'>, origin: string, pageSize = 2_000): Promise<StoredEntry[]> {
  const entries: StoredEntry[] = [];
  for (;;) {
    const page = await store.readEvents(origin, entries.length, pageSize);
    for (const record of page) {
      const text = fromUtf8(record.bytes);
      const event = JSON.parse(text) as { kind: string; body: Record<string, unknown> };
      entries.push({ seq: record.seq, kind: event.kind, body: event.body, text, hash: Buffer.from(record.hash).toString('hex') });
    }
    if (page.length < pageSize) return entries;
  }
}

/** The counters (`body.n`) of the log's test messages, in log order. */
export const countersOf = (entries: readonly StoredEntry[], kind = 'message.sent'): number[] =>
  entries.filter((e) => e.kind === kind).map((e) => e.body.n as number);

/** The values that occur more than once. */
export function repeated(values: readonly number[]): number[] {
  const seen = new Set<number>();
  const twice = new Set<number>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return [...twice];
}
