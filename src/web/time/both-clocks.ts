/**
 * Every time on screen is shown in UTC and on both sides' clocks (DESIGN §2: a call on Sept 9 in
 * Hawaii is Sept 10 in Beijing): "13:00 UTC · 08:00 Washington · 21:00 Beijing". The UTC part
 * carries the date whenever the moment is not today or the sides' dates differ; a side's part
 * carries its own date only when it differs from the UTC date.
 */

export interface Clock {
  /** What the reader sees, e.g. "Washington" or "北京". */
  readonly label: string;
  /** IANA time zone, e.g. America/New_York. */
  readonly timeZone: string;
}

export interface ClockOptions {
  /** BCP 47 language of the screen: en or zh. */
  readonly language: string;
  readonly seconds?: boolean;
  /** The reader's now, to tell whether a date is needed; injected so tests do not depend on the day. */
  readonly now?: Date;
}

const locale = (language: string): string => (language.startsWith('zh') ? 'zh-CN' : 'en-GB');

/** The calendar day of an instant in a zone, as YYYY-MM-DD, to compare days across zones. */
function dayIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function timeIn(at: Date, timeZone: string, options: ClockOptions): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone, hour: '2-digit', minute: '2-digit', ...(options.seconds ? { second: '2-digit' } : {}), hourCycle: 'h23',
  }).format(at);
}

function dateIn(at: Date, timeZone: string, options: ClockOptions, now: Date): string {
  const withYear = dayIn(at, timeZone).slice(0, 4) !== dayIn(now, timeZone).slice(0, 4);
  return new Intl.DateTimeFormat(locale(options.language), {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}),
  }).format(at);
}

export interface ClockPart {
  readonly label: string;
  readonly date: string | null;
  readonly time: string;
}

/** The parts of one moment: UTC first, then each side's clock. */
export function clockParts(iso: string, clocks: readonly Clock[], options: ClockOptions): ClockPart[] {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return [{ label: 'UTC', date: null, time: iso }];
  const now = options.now ?? new Date();
  const utcDay = dayIn(at, 'UTC');
  const days = clocks.map((c) => dayIn(at, c.timeZone));
  const dated = utcDay !== dayIn(now, 'UTC') || days.some((d) => d !== utcDay);
  return [
    { label: 'UTC', date: dated ? dateIn(at, 'UTC', options, now) : null, time: timeIn(at, 'UTC', options) },
    ...clocks.map((c, i) => ({ label: c.label, date: days[i] !== utcDay ? dateIn(at, c.timeZone, options, now) : null, time: timeIn(at, c.timeZone, options) })),
  ];
}

/** One line, as in "Tue 1 Dec 18:58 UTC · 13:58 Washington · Wed 2 Dec 02:58 Beijing". */
export function bothClocks(iso: string, clocks: readonly Clock[], options: ClockOptions): string {
  return clockParts(iso, clocks, options)
    .map((p) => [p.date, p.time, p.label].filter((s) => s !== null).join(' '))
    .join(' · ');
}
