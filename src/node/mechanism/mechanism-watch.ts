import { isParleyError } from '../../core/index.js';
import type { FederationStore } from '../../store/index.js';
import type { Clock } from '../server/clock.js';
import { dueSteps } from './due-steps.js';
import type { LinkMechanism } from './link-mechanism.js';

/**
 * Checks a change to the record asks for start at most this often. The first change is checked
 * at once (a receipt is not held back); under a flood of batches the link is then folded a few
 * times a second, not once per batch. Deadlines do not wait on this: the `checkMs` timer wakes
 * the check directly.
 */
const CHANGE_SPACING_MS = 100;

/**
 * The node watching for its users: every `checkMs`, and soon when the record changes, it
 * records what is due on each link (receipts, expiries, overdue messages, escalations) and opens
 * an incident for each deadline missed. Only the process that sends on a link acts (HA: one per
 * side), and every step goes through the link's commands, so it is checked like any other.
 */
export class MechanismWatch {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** When the latest check started (monotonic ms), and the check a change asked for, waiting for its turn. */
  private lastStart = -Infinity;
  private changeTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly links: readonly LinkMechanism[],
    private readonly store: Pick<FederationStore, 'openIncident'>,
    private readonly clock: Clock,
    private readonly checkMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => this.wake(), this.checkMs);
    this.wake();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.changeTimer) clearTimeout(this.changeTimer);
    this.timer = null;
    this.changeTimer = null;
    this.again = false;
    await this.running;
  }

  /** The record changed: a check at once, or CHANGE_SPACING_MS after the latest one started; many changes in between ask for one. */
  changed(): void {
    if (!this.timer || this.changeTimer) return;
    const wait = this.lastStart + CHANGE_SPACING_MS - performance.now();
    if (wait <= 0) return this.wake();
    this.changeTimer = setTimeout(() => {
      this.changeTimer = null;
      this.wake();
    }, wait);
  }

  /** Asks for a check now; a check already running is followed by one more, never run twice at once. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.lastStart = performance.now();
    this.running = this.check()
      .catch(this.onError)
      .finally(() => {
        this.running = null;
        if (this.again && this.timer) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Records everything due at the clock's now; safe to call any number of times. */
  async check(): Promise<void> {
    for (const link of this.links) {
      if (!link.shouldAct()) continue;
      const view = await link.projection.sync();
      const now = this.clock.now();
      for (const due of dueSteps(view.state, view.ourSide, now.toISOString(), link.peer)) {
        try {
          await link.commands.act(due.kind, link.actor, () => due.body);
        } catch (error) {
          // Already recorded by now (a command or another check got there first): nothing is due.
          if (isParleyError(error)) continue;
          throw error;
        }
        if (due.incident) await this.store.openIncident({ ...due.incident, openedAt: now, details: due.incident.details as never });
      }
    }
  }
}
