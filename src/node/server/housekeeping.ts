import type { Store } from '../../store/index.js';
import type { Clock } from './clock.js';

/**
 * Forgets what no longer protects anything: link-request nonces past their replay window and
 * expired sign-in sessions. Every process may run it; deletes are idempotent.
 */
export class Housekeeping {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly store: Pick<Store, 'forgetExpiredNonces' | 'forgetExpiredSessions'>,
    private readonly clock: Clock,
    private readonly everyMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.sweep(), this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  sweep(): Promise<void> {
    if (this.running) return this.running;
    const now = this.clock.now();
    this.running = Promise.all([this.store.forgetExpiredNonces(now), this.store.forgetExpiredSessions(now)])
      .then(() => undefined, this.onError)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }
}
