import { isParleyError } from '../../core/index.js';
import type { FederationStore } from '../../store/index.js';
import type { Clock } from '../server/clock.js';
import { dueSteps } from './due-steps.js';
import type { LinkMechanism } from './link-mechanism.js';

/**
 * The node watching for its users: every `checkMs`, and at once when the record changes, it
 * records what is due on each link (receipts, expiries, overdue messages, escalations) and opens
 * an incident for each deadline missed. Only the process that sends on a link acts (HA: one per
 * side), and every step goes through the link's commands, so it is checked like any other.
 */
export class MechanismWatch {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

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
    this.timer = null;
    this.again = false;
    await this.running;
  }

  /** Asks for a check soon; a check already running is followed by one more, never run twice at once. */
  wake(): void {
    if (this.running) {
      this.again = true;
      return;
    }
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
