import { afterEach, describe, expect, it } from 'vitest';
import { useLanguage } from '../i18n.js';
import { bothSidesTime } from './local-times.js';

afterEach(() => useLanguage('en'));

describe('a time on both sides\' clocks', () => {
  // The 21 Dec 2023 VTC: the same moment is the morning in New York and the evening in Beijing.
  const vtc = '2023-12-21T13:00:00.000Z';

  it('reads in English as UTC, then New York and Beijing', () => {
    expect(bothSidesTime(vtc)).toBe('2023-12-21 13:00:00 UTC (New York Thu 21 Dec 08:00:00, Beijing Thu 21 Dec 21:00:00)');
  });

  it('reads in Chinese with Chinese dates and city names, still UTC first', () => {
    useLanguage('zh');
    expect(bothSidesTime(vtc)).toBe('2023-12-21 13:00:00 UTC（纽约时间 12月21日周四 08:00:00，北京时间 12月21日周四 21:00:00）');
    // Across midnight each side keeps the date it wrote down.
    expect(bothSidesTime('2026-12-01T18:45:02Z')).toBe('2026-12-01 18:45:02 UTC（纽约时间 12月1日周二 13:45:02，北京时间 12月2日周三 02:45:02）');
  });
});
