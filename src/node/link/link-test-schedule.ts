import type { DecodedEvent, JsonObject } from '../../core/index.js';
import type { NewIncident } from '../../store/index.js';

/*
 * The scheduled link test (DESIGN §2, as the hotline does it): once an hour one side sends a
 * test and the other answers at once; the sides take turns by the hour. The tester records the
 * round trip; a test not answered, or not sent when due, is an incident on both sides.
 */

export const LINK_TEST_KINDS = {
  test: 'link.test',
  answer: 'link.test.answer',
  completed: 'link.test.completed',
  missed: 'link.test.missed',
} as const;

export const HOUR_MS = 3_600_000;
/** The incident of a missed hour, on the side that noticed and on the side told of it. */
const LINK_TEST_MISSED_INCIDENT = 'link-test.missed';

/** The incident of a missed hour on the link with `peer`: one open per hour, whichever side noticed first (its subject is the hour). */
export function missedTestIncident(peer: string, slot: number, openedAt: Date, details: JsonObject): NewIncident {
  return { kind: LINK_TEST_MISSED_INCIDENT, subject: `${peer}#${slot}`, openedAt, details: { peer, slot, hour: new Date(slot * HOUR_MS).toISOString(), ...details } };
}
/** How long after the hour a test may take before it counts as missed. */
export const LINK_TEST_GRACE_MS = 10 * 60_000;

/** The hour of the test, counted from the Unix epoch. */
export const slotOf = (at: Date): number => Math.floor(at.getTime() / HOUR_MS);

/** Which of the two nodes tests in this hour: they alternate, in the order of their names. */
export function testerOf(slot: number, nodes: readonly [string, string]): string {
  const sorted = [...nodes].sort();
  return sorted[slot % 2]!;
}

/** A missed hour the peer recorded on its log: this side raises the same incident, so an outage is an incident on both sides. */
export interface MissedByPeer {
  readonly slot: number;
  /** What the peer was in that hour: the side that should have sent the test, or the one that should have answered. */
  readonly role: string;
  readonly noticedAt: string;
}

export function missedByPeer(events: readonly DecodedEvent[]): MissedByPeer[] {
  return events
    .filter(({ event }) => event.kind === LINK_TEST_KINDS.missed && typeof event.body.slot === 'number')
    .map(({ event }) => ({ slot: event.body.slot as number, role: typeof event.body.role === 'string' ? event.body.role : 'unknown', noticedAt: event.ts }));
}

export interface Reaction {
  readonly kind: string;
  readonly body: JsonObject;
}

/** What newly received peer events call for at once: answering a test, and timing an answer to ours. */
export function linkTestReactions(events: readonly DecodedEvent[], now: Date): Reaction[] {
  const out: Reaction[] = [];
  for (const { event } of events) {
    if (event.kind === LINK_TEST_KINDS.test) {
      out.push({ kind: LINK_TEST_KINDS.answer, body: { slot: event.body.slot ?? null, test: event.seq, sentAt: event.body.sentAt ?? event.ts, receivedAt: now.toISOString() } });
    } else if (event.kind === LINK_TEST_KINDS.answer) {
      const sentAt = typeof event.body.sentAt === 'string' ? Date.parse(event.body.sentAt) : NaN;
      out.push({
        kind: LINK_TEST_KINDS.completed,
        body: { slot: event.body.slot ?? null, answer: event.seq, rttMs: Number.isFinite(sentAt) ? Math.max(0, now.getTime() - sentAt) : null },
      });
    }
  }
  return out;
}
