import type { Instant } from './vocabulary.js';

/**
 * Time arithmetic on record instants. Every "now" is passed in by the caller (STYLE rule 7):
 * nothing here reads the clock, so deadlines and expiries are tested without sleeping.
 */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const toMillis = (at: Instant): number => Date.parse(at);

export const fromMillis = (ms: number): Instant => new Date(ms).toISOString();

export const addMillis = (at: Instant, ms: number): Instant => fromMillis(toMillis(at) + ms);

/** Milliseconds from `from` to `to` (negative when `to` is earlier). */
export const millisBetween = (from: Instant, to: Instant): number => toMillis(to) - toMillis(from);

/** True when `at` is at or after `deadline`: a deadline is passed at its own instant, not a millisecond later. */
export const reached = (at: Instant, deadline: Instant): boolean => toMillis(at) >= toMillis(deadline);
