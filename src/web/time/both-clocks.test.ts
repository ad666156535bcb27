import { describe, expect, it } from 'vitest';
import { bothClocks } from './both-clocks.js';

const clocks = [
  { label: 'Washington', timeZone: 'America/New_York' },
  { label: 'Beijing', timeZone: 'Asia/Shanghai' },
];

describe('both clocks', () => {
  it('shows times only when the moment is today on every clock', () => {
    const now = new Date('2023-12-21T15:00:00Z');
    expect(bothClocks('2023-12-21T13:00:00.000Z', clocks, { language: 'en', now })).toBe('13:00 UTC · 08:00 Washington · 21:00 Beijing');
  });

  it('dates UTC, and a side only where its date differs (a call on one side\'s evening is the other\'s next morning)', () => {
    const now = new Date('2026-12-01T20:00:00Z');
    expect(bothClocks('2026-12-01T18:58:54.000Z', clocks, { language: 'en', now, seconds: true }))
      .toBe('Tue 1 Dec 18:58:54 UTC · 13:58:54 Washington · Wed 2 Dec 02:58:54 Beijing');
  });

  it('dates an earlier day, with the year when it is not this year, in the screen\'s language', () => {
    const now = new Date('2026-12-01T20:00:00Z');
    expect(bothClocks('2024-01-09T02:00:00.000Z', clocks, { language: 'en', now })).toBe('Tue, 9 Jan 2024 02:00 UTC · Mon, 8 Jan 2024 21:00 Washington · 10:00 Beijing');
    expect(bothClocks('2024-01-09T02:00:00.000Z', [{ label: '北京', timeZone: 'Asia/Shanghai' }], { language: 'zh', now })).toMatch(/^2024年1月9日周二 02:00 UTC · 10:00 北京$/);
  });
});
