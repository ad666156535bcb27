import { fromUtf8 } from '../../core/index.js';
import type { Store } from '../../store/index.js';
import type { Clock } from '../server/clock.js';
import { HOUR_MS, LINK_TEST_GRACE_MS, LINK_TEST_KINDS, missedTestIncident, slotOf, testerOf } from './link-test-schedule.js';
import type { PeerLink } from './peer-link.js';

/**
 * Runs the hourly link test of one link: sends it in this side's hours, and in every hour,
 * after the grace period, records a test that was not sent or not answered as missed (an event
 * on the record and an incident on this side; the peer raises the same incident when the event
 * reaches it, and judges the hour from its side too).
 */
export class LinkTester {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  /** An hour is judged only from this long after the tester started: a node that just came up has not had the chance to hear a test. */
  private startedAt: Date | null = null;
  /** Only the process that sends on the link acts (HA: one per side). */
  shouldAct: () => boolean = () => true;

  constructor(
    private readonly link: PeerLink,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly checkMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  start(): void {
    this.startedAt ??= this.clock.now();
    this.timer ??= setInterval(() => void this.tick(), this.checkMs);
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private tick(): Promise<void> {
    if (this.running || !this.shouldAct()) return Promise.resolve();
    this.running = this.check(this.clock.now())
      .catch(this.onError)
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  /** Does what the hour calls for at `now`; safe to call any number of times. */
  async check(now: Date): Promise<void> {
    const { link } = this;
    const slot = slotOf(now);
    const weTest = testerOf(slot, [link.self.name, link.peer.name]) === link.self.name;
    const judgedFrom = Math.max(slot * HOUR_MS, this.startedAt?.getTime() ?? 0);
    const late = now.getTime() >= judgedFrom + LINK_TEST_GRACE_MS;
    if (weTest && !(await this.hasSlot(link.ownOrigin, LINK_TEST_KINDS.test, slot))) {
      await link.record(LINK_TEST_KINDS.test, this.actor, { slot, sentAt: now.toISOString() });
      return;
    }
    if (!late || (await this.hasSlot(link.ownOrigin, LINK_TEST_KINDS.missed, slot))) return;
    const done = weTest ? await this.hasSlot(link.ownOrigin, LINK_TEST_KINDS.completed, slot) : await this.hasSlot(link.peerOrigin, LINK_TEST_KINDS.test, slot);
    if (done) return;
    const role = weTest ? 'tester' : 'responder';
    await link.record(LINK_TEST_KINDS.missed, this.actor, { slot, role, noticedAt: now.toISOString() });
    await this.store.openIncident(missedTestIncident(link.peer.name, slot, now, { role }));
  }

  private async hasSlot(origin: string, kind: string, slot: number): Promise<boolean> {
    const event = await this.store.latestEventOfKind(origin, kind);
    if (!event) return false;
    const body = (JSON.parse(fromUtf8(event.bytes)) as { body: { slot?: unknown } }).body;
    return body.slot === slot;
  }

  private get actor(): string {
    return `node:${this.link.self.name}`;
  }
}
