import { describe, expect, it, vi } from 'vitest';
import { ScenarioClock } from './scenario-clock.js';

describe('the scenario clock', () => {
  it('stands at each moment it is set to, runs on at the real rate, and never back', () => {
    vi.useFakeTimers({ now: Date.parse('2026-12-01T00:00:00.000Z') });
    try {
      const clock = new ScenarioClock('2020-10-01T11:00:00.000Z');
      expect(clock.now().toISOString()).toBe('2020-10-01T11:00:00.000Z');
      vi.advanceTimersByTime(1_500);
      expect(clock.now().toISOString()).toBe('2020-10-01T11:00:01.500Z');
      clock.set('2022-08-05T08:00:00.000Z');
      expect(clock.now().toISOString()).toBe('2022-08-05T08:00:00.000Z');
      // A moment already passed is taken as now: the nodes' logs never see time run back.
      clock.set('2021-01-08T14:00:00.000Z');
      expect(clock.now().toISOString()).toBe('2022-08-05T08:00:00.000Z');
      expect(() => clock.set('not a time')).toThrow(TypeError);
    } finally {
      vi.useRealTimers();
    }
  });
});
