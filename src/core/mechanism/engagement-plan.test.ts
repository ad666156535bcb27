import { describe, expect, it } from 'vitest';
import { EngagementPlanSchema, planProgress, type EngagementPlan, type HeldEngagement } from './engagement-plan.js';

const entry = (id: string, format: 'talks' | 'vtc', level: 'policy' | 'working' | 'theater', from: string, to: string) => ({
  id, format, level, title: { en: id, zh: id }, window: { from: `2024-${from}T00:00:00.000Z`, to: `2024-${to}T00:00:00.000Z` },
});
const plan: EngagementPlan = {
  year: 2024,
  entries: [
    entry('mmca-spring', 'talks', 'working', '03-01', '05-31'),
    entry('dpct', 'talks', 'policy', '01-01', '12-31'),
    entry('theater-vtc', 'vtc', 'theater', '06-01', '09-30'),
    entry('mmca-autumn', 'talks', 'working', '09-01', '11-30'),
  ],
};
const held = (id: string, format: HeldEngagement['format'], level: HeldEngagement['level'], day: string, planEntry: string | null = null): HeldEngagement => ({
  id, format, level, start: `2024-${day}T02:00:00.000Z`, planEntry,
});

describe('the annual engagement plan', () => {
  it('shows each entry held, pending or missed, and engagements nobody planned', () => {
    const progress = planProgress(plan, [
      held('mmca-april', 'talks', 'working', '04-03'),
      held('dpct-2024', 'talks', 'policy', '10-01', 'dpct'),
      held('minister-call', 'call', 'policy', '04-16'),
    ], '2024-10-15T00:00:00.000Z');
    expect(progress.entries.map((e) => [e.entry.id, e.status, e.engagement])).toEqual([
      ['mmca-spring', 'held', 'mmca-april'],
      ['dpct', 'held', 'dpct-2024'],
      ['theater-vtc', 'missed', null],
      ['mmca-autumn', 'pending', null],
    ]);
    expect(progress).toMatchObject({ held: 2, pending: 1, missed: 1, unplanned: ['minister-call'] });
  });

  it('counts one engagement for one entry only', () => {
    const progress = planProgress(plan, [held('a', 'talks', 'working', '04-03'), held('b', 'talks', 'working', '04-04')], '2024-01-01T00:00:00.000Z');
    expect(progress.entries[0]!.engagement).toBe('a');
    expect(progress.unplanned).toEqual(['b']);
  });

  it('is checked as joint-document content', () => {
    expect(EngagementPlanSchema.safeParse(plan).success).toBe(true);
    expect(EngagementPlanSchema.safeParse({ ...plan, entries: [{ ...plan.entries[0], kind: 'party' }] }).success).toBe(false);
  });
});
