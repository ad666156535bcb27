import type { Instant, Side } from '../../core/index.js';

/** A time as every response gives it: UTC, and the local date-time on each side's clock. */
export interface TimeView {
  readonly utc: Instant;
  readonly local: Readonly<Record<Side, { readonly zone: string; readonly text: string }>>;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(zone, format);
  }
  return format;
}

const texts = new Map<string, string>();
const MAX_TEXTS = 50_000;

/**
 * `2023-12-21 08:00` in `zone`: built from parts, so no locale's punctuation leaks in. Zone
 * offsets are whole minutes, so the text depends only on the UTC minute: it is remembered per
 * zone and minute, since a list of messages repeats the same few minutes many times.
 */
export function localText(at: Instant, zone: string): string {
  const key = `${zone} ${at.slice(0, 16)}`;
  let text = texts.get(key);
  if (text === undefined) {
    const parts = Object.fromEntries(formatIn(zone).formatToParts(new Date(at)).map((p) => [p.type, p.value]));
    text = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
    if (texts.size >= MAX_TEXTS) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/**
 * The one presenter of times (DESIGN §2: stored in UTC, shown with both sides' local dates — a
 * call on Sept 9 in Hawaii is Sept 10 in Beijing). `zones` holds each side's IANA zone.
 */
export function presentTime(at: Instant, zones: Readonly<Record<Side, string>>): TimeView;
export function presentTime(at: Instant | null, zones: Readonly<Record<Side, string>>): TimeView | null;
export function presentTime(at: Instant | null, zones: Readonly<Record<Side, string>>): TimeView | null {
  if (at === null) return null;
  const local: Record<Side, { zone: string; text: string }> = {};
  for (const side of Object.keys(zones).sort()) local[side] = { zone: zones[side]!, text: localText(at, zones[side]!) };
  return { utc: at, local };
}
