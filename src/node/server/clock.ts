/** Time is injected, never read deep inside logic, so deadlines and link tests can be tested without sleeping. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
