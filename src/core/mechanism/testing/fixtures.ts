import { expect } from 'vitest';
import { isParleyError } from '../../errors/index.js';
import type { MechanismEvent, MechanismEventKind } from '../event-catalogue.js';
import { addMillis, HOUR } from '../instant.js';
import type { Instant } from '../vocabulary.js';

/** Test data for the mechanism: the two sides of the 2023 record and a fixed start time. */
export const US = 'US';
export const CN = 'CN';
export const T0: Instant = '2023-12-21T13:00:00.000Z';
export const hoursAfter = (hours: number, from: Instant = T0): Instant => addMillis(from, hours * HOUR);

/** Builds a step of the given kind, taken by `side` at `at`. */
export function step<K extends MechanismEventKind>(kind: K, side: string, at: Instant, body: Omit<MechanismEvent<K>, 'kind' | 'side' | 'at'>): MechanismEvent<K> {
  return { kind, side, at, ...body } as unknown as MechanismEvent<K>;
}

/** Runs a step and returns the refusal's code, checking the state it was given is left untouched. */
export function refusalCode<S>(state: S, run: (state: S) => unknown): string {
  const before = JSON.stringify(state);
  try {
    run(state);
  } catch (err) {
    expect(JSON.stringify(state)).toBe(before);
    if (isParleyError(err)) return err.code;
    throw err;
  }
  throw new Error('the step was not refused');
}

/** Applies steps one by one, skipping refused ones, as a node does with bad input; other errors fail the test. */
export function applyAll<S, E>(initial: S, events: readonly E[], apply: (state: S, event: E) => S): { state: S; applied: E[] } {
  let state = initial;
  const applied: E[] = [];
  for (const event of events) {
    try {
      state = apply(state, event);
      applied.push(event);
    } catch (err) {
      if (!isParleyError(err)) throw err;
    }
  }
  return { state, applied };
}
