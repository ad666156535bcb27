import { language, t, type Language } from '../i18n.js';
import { cityName, DEMO_SIDES } from './demo-sides.js';

/*
 * DESIGN §2: every time is stored in UTC and shown with both sides' local dates (a call on
 * Sept 9 in Hawaii is Sept 10 in Beijing), so each reader sees the date their side wrote down.
 */

const LOCALES: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN' };

const formatters = new Map<Language, readonly { side: (typeof DEMO_SIDES)[number]; format: Intl.DateTimeFormat }[]>();

function sideClocks(lng: Language) {
  let clocks = formatters.get(lng);
  if (!clocks) {
    clocks = DEMO_SIDES.map((side) => ({
      side,
      format: new Intl.DateTimeFormat(LOCALES[lng], {
        timeZone: side.timeZone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
      }),
    }));
    formatters.set(lng, clocks);
  }
  return clocks;
}

/**
 * `2026-12-01 18:45:02 UTC (New York Tue 1 Dec 13:45:02, Beijing Wed 2 Dec 02:45:02)`, or in
 * Chinese `2026-12-01 18:45:02 UTC（纽约时间 12月1日周二 13:45:02，北京时间 12月2日周三 02:45:02）`.
 */
export function bothSidesTime(instant: string | Date): string {
  const at = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(at.getTime())) return String(instant);
  const utc = at.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ' UTC');
  const local = sideClocks(language()).map(({ side, format }) => t('time.local', { city: cityName(side), time: format.format(at).replace(',', '') }));
  return t('time.both', { utc, local: local.join(t('time.separator')) });
}
