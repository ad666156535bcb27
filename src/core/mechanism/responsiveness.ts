import { requestAt, type EngagementRequest } from './engagement-request.js';
import { millisBetween } from './instant.js';
import { unhandled } from './refusal.js';
import type { Instant, Level, Side } from './vocabulary.js';

/**
 * How each side answers the requests put to it, per level and period, computed from the record
 * rather than from press statements ("consistently denied or ignored US requests", DESIGN §2).
 * A row is about the side that was ASKED: how many requests it received and what became of them.
 */
export type Period = 'year' | 'quarter' | 'month';

export interface ResponsivenessRow {
  /** The side that was asked. */
  readonly side: Side;
  readonly level: Level;
  /** `2023`, `2023-Q4` or `2023-12`, by the UTC date the request was sent. */
  readonly period: string;
  readonly asked: number;
  readonly accepted: number;
  /** Requests it countered at least once, whatever their outcome. */
  readonly countered: number;
  readonly declined: number;
  readonly expiredUnanswered: number;
  readonly withdrawn: number;
  /** Still open at `now`, deadline not reached. */
  readonly open: number;
  /** Median time from sending to the asked side's first answer (accept, counter or decline), or null with no answers. */
  readonly medianMillisToAnswer: number | null;
}

export function periodOf(at: Instant, period: Period): string {
  const year = at.slice(0, 4);
  const month = Number(at.slice(5, 7));
  switch (period) {
    case 'year': return year;
    case 'quarter': return `${year}-Q${Math.ceil(month / 3)}`;
    case 'month': return at.slice(0, 7);
    default: return unhandled(period);
  }
}

const ANSWERS = new Set(['request.accepted', 'request.countered', 'request.declined']);

/** Rows sorted by side, level and period; requests are judged as they stand at `now`. */
export function responsiveness(requests: readonly EngagementRequest[], now: Instant, period: Period = 'year'): ResponsivenessRow[] {
  const groups = new Map<string, { side: Side; level: Level; period: string; requests: EngagementRequest[] }>();
  for (const request of requests) {
    const key = JSON.stringify([request.to, request.level, periodOf(request.sentAt, period)]);
    const group = groups.get(key) ?? { side: request.to, level: request.level, period: periodOf(request.sentAt, period), requests: [] };
    group.requests.push(requestAt(request, now));
    groups.set(key, group);
  }
  return [...groups.keys()].sort().map((key) => {
    const { side, level, period: label, requests: asked } = groups.get(key)!;
    const count = (status: EngagementRequest['status']) => asked.filter((r) => r.status === status).length;
    const answerTimes = asked.flatMap((r) => {
      const first = r.history.find((s) => s.side === r.to && ANSWERS.has(s.kind));
      return first ? [millisBetween(r.sentAt, first.at)] : [];
    });
    return {
      side, level, period: label, asked: asked.length,
      accepted: count('accepted'),
      countered: asked.filter((r) => r.history.some((s) => s.side === r.to && s.kind === 'request.countered')).length,
      declined: count('declined'), expiredUnanswered: count('expired'), withdrawn: count('withdrawn'), open: count('open'),
      medianMillisToAnswer: median(answerTimes),
    };
  });
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
