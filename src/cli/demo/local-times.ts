import { DEMO_SIDES } from './demo-sides.js';

/*
 * DESIGN §2: every time is stored in UTC and shown with both sides' local dates (a call on
 * Sept 9 in Hawaii is Sept 10 in Beijing), so each reader sees the date their side wrote down.
 */

const formatters = DEMO_SIDES.map((side) => ({
  city: side.city,
  format: new Intl.DateTimeFormat('en-GB', {
    timeZone: side.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }),
}));

/** `2026-12-01 18:45:02 UTC (New York Tue 1 Dec 13:45:02, Beijing Wed 2 Dec 02:45:02)`. */
export function bothSidesTime(instant: string | Date): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return String(instant);
  const utc = at.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
  const local = formatters.map(({ city, format }) => `${city} ${format.format(at).replace(',', '')}`);
  return `${utc} (${local.join(', ')})`;
}
