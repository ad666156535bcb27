import type { Clock } from '../../node/index.js';

/**
 * The simulated clock the demo reconstructs the public record on. Both nodes of the demo share
 * it while the history is written: the demo sets it to each historical moment before the step
 * that happened then, so every event carries its historical `ts`, and deadlines, expiries and
 * responsiveness per period come out as they were. Between two settings it runs on at the real
 * rate, so steps written at one moment still follow each other by milliseconds. It never runs
 * backwards (a node's log would refuse that), so a moment already passed is taken as now.
 */
export class ScenarioClock implements Clock {
  private base: number;
  private setAt = Date.now();

  constructor(start: string) {
    this.base = Date.parse(start);
  }

  now(): Date {
    return new Date(this.base + (Date.now() - this.setAt));
  }

  /** Moves the clock on to `instant` (RFC 3339), or leaves it where it is if it is past that already. */
  set(instant: string): void {
    const at = Date.parse(instant);
    if (Number.isNaN(at)) throw new TypeError(`Not a time: ${instant}`);
    if (at <= this.now().getTime()) return;
    this.base = at;
    this.setAt = Date.now();
  }
}
