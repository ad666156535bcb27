import { z } from 'zod';
import { reached, toMillis } from './instant.js';
import { BilingualSchema, EngagementKindSchema, IdSchema, InstantSchema, LevelSchema, type EngagementKind, type Instant, type Level } from './vocabulary.js';

/**
 * The annual engagement plan (agreed at the January 2024 DPCT for the year after): the content
 * of a joint document of type `engagement-plan`, and how far the year's held engagements carry
 * it out. An engagement counts for the entry it names; one that names none counts for the first
 * open entry of the same kind and level whose window contains it.
 */
export const EngagementPlanSchema = z.strictObject({
  year: z.number().int().min(2000).max(2200),
  entries: z.array(z.strictObject({
    id: IdSchema, format: EngagementKindSchema, level: LevelSchema, title: BilingualSchema,
    window: z.strictObject({ from: InstantSchema, to: InstantSchema }),
  })),
});
export type EngagementPlan = z.infer<typeof EngagementPlanSchema>;
export type PlanEntry = EngagementPlan['entries'][number];

/** What the plan needs to know of an engagement that took place. */
export interface HeldEngagement {
  readonly id: string;
  readonly format: EngagementKind;
  readonly level: Level;
  readonly start: Instant;
  readonly planEntry: string | null;
}

export type PlanEntryStatus = 'held' | 'pending' | 'missed';

export interface PlanEntryProgress {
  readonly entry: PlanEntry;
  readonly status: PlanEntryStatus;
  readonly engagement: string | null;
}

export interface PlanProgress {
  readonly entries: readonly PlanEntryProgress[];
  readonly held: number;
  readonly pending: number;
  readonly missed: number;
  /** Held engagements the plan did not foresee. */
  readonly unplanned: readonly string[];
}

const within = (at: Instant, window: PlanEntry['window']): boolean => toMillis(at) >= toMillis(window.from) && toMillis(at) <= toMillis(window.to);

/** Planned against held, at `now`: an entry whose window closed without an engagement is missed. */
export function planProgress(plan: EngagementPlan, held: readonly HeldEngagement[], now: Instant): PlanProgress {
  const matched = new Map<string, string>();
  const unplanned: string[] = [];
  const ordered = [...held].sort((a, b) => Number(b.planEntry !== null) - Number(a.planEntry !== null) || toMillis(a.start) - toMillis(b.start));
  for (const engagement of ordered) {
    const entry = engagement.planEntry !== null
      ? plan.entries.find((e) => e.id === engagement.planEntry && !matched.has(e.id))
      : plan.entries.find((e) => !matched.has(e.id) && e.format === engagement.format && e.level === engagement.level && within(engagement.start, e.window));
    if (entry) matched.set(entry.id, engagement.id);
    else unplanned.push(engagement.id);
  }
  const entries = plan.entries.map((entry): PlanEntryProgress => {
    const engagement = matched.get(entry.id) ?? null;
    const status: PlanEntryStatus = engagement ? 'held' : reached(now, entry.window.to) ? 'missed' : 'pending';
    return { entry, status, engagement };
  });
  const count = (status: PlanEntryStatus) => entries.filter((e) => e.status === status).length;
  return { entries, held: count('held'), pending: count('pending'), missed: count('missed'), unplanned };
}
