import { isParleyError } from '../../core/index.js';
import type { Leadership, Store } from '../../store/index.js';
import type { Clock } from '../server/clock.js';
import type { SyncResponse } from './link-protocol.js';
import type { LinkTransport, OutgoingExchange, PeerLink } from './peer-link.js';

/** Exchanges a sender keeps on their way at once. */
const IN_FLIGHT = 2;

export interface LinkTiming {
  /** An idle link still exchanges this often: the heartbeat. */
  readonly heartbeatMs: number;
  /** Retries back off from this delay… */
  readonly retryMinMs: number;
  /** …doubling up to this cap, and never give up. */
  readonly retryMaxMs: number;
  /** Failing for this long turns a degraded link into a down one, an incident on this side. */
  readonly downAfterMs: number;
  /** How often a process that is not the sender checks whether it should become one. */
  readonly standbyPollMs: number;
  /** While our log keeps growing, a new checkpoint of it is signed at most this often. */
  readonly checkpointEveryMs: number;
}

export const DEFAULT_LINK_TIMING: LinkTiming = { heartbeatMs: 5_000, retryMinMs: 250, retryMaxMs: 10_000, downAfterMs: 30_000, standbyPollMs: 2_000, checkpointEveryMs: 1_000 };

export type LinkStateName = 'connecting' | 'up' | 'degraded' | 'down' | 'untrusted' | 'standby';

export interface LinkSenderStatus {
  readonly state: LinkStateName;
  /** When the link entered this state. */
  readonly since: string;
  readonly lastContact: string | null;
  readonly lastError: { readonly code: string; readonly message: string } | null;
  readonly failures: number;
  /** True when this process is the one that sends to the peer (HA: exactly one is). */
  readonly sending: boolean;
}

/**
 * The durable outbox of one link, as a loop. The outbox itself is the own log: what the peer has
 * not receipted is sent, in seq order, until it has; nothing is kept only in memory, so a crash
 * or an outage of any length loses nothing, and a resend is a no-op at the receiver. Exactly one
 * process of a side sends (leadership in the store); the others stand by.
 */
export class LinkSender {
  private stopped = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private endBackoff: (() => void) | null = null;
  private woken = false;
  private leadership: Leadership | null = null;
  private state: LinkStateName = 'connecting';
  private since: Date;
  private lastContact: Date | null = null;
  private lastError: { code: string; message: string } | null = null;
  private failures = 0;
  private failingSince: Date | null = null;
  private incidentId: number | null = null;
  /** Whether an outage left open from before this process started has been looked for and closed. */
  private outageSettled = false;

  constructor(
    private readonly link: PeerLink,
    private readonly transport: LinkTransport,
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly timing: LinkTiming,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {
    this.since = clock.now();
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    await this.leadership?.release();
    this.leadership = null;
  }

  /** Something new to send: exchange now instead of at the next heartbeat. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * The peer has just reached us: if our exchanges were failing, it is probably back, so a
   * back-off in progress ends now rather than up to retryMaxMs later (the peer's own requests
   * already carry our events meanwhile, in the answers).
   */
  heardFromPeer(): void {
    if (this.failures > 0) this.endBackoff?.();
  }

  /** This process sends to the peer and its last exchange succeeded. */
  delivering(): boolean {
    return this.state === 'up' && this.leadership !== null && !this.leadership.signal.aborted;
  }

  status(): LinkSenderStatus {
    return {
      state: this.state,
      since: this.since.toISOString(),
      lastContact: this.lastContact?.toISOString() ?? null,
      lastError: this.lastError,
      failures: this.failures,
      sending: this.leadership !== null && !this.leadership.signal.aborted,
    };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      if (!(await this.lead())) {
        this.enter('standby');
        await this.pause(this.timing.standbyPollMs);
        continue;
      }
      try {
        const more = await this.exchangeInFlight();
        await this.succeeded();
        if (!more) await this.pause(this.timing.heartbeatMs);
      } catch (error) {
        await this.failed(error);
        const delay = isParleyError(error, 'E_LINK_UNTRUSTED') ? this.timing.retryMaxMs : this.backoff();
        // New events do not cut a back-off short: a down peer is not hammered while the outbox grows.
        await this.pause(delay, false);
      }
    }
  }

  /**
   * Exchanges until nothing is left to send at once, with up to IN_FLIGHT exchanges on their way:
   * the next batch travels while the peer stores the one before, so neither node waits for the
   * other between batches. Answers are taken in the order the exchanges were made; the peer
   * stores batches in seq order whatever order they reach it in (a batch that overtook the one
   * before it waits for it). Resolves with whether another round should follow at once.
   */
  private async exchangeInFlight(): Promise<boolean> {
    const flying: { readonly outgoing: OutgoingExchange; readonly answer: Promise<SyncResponse> }[] = [];
    try {
      let next: number | undefined;
      for (;;) {
        while (flying.length < IN_FLIGHT && !this.stopped) {
          const outgoing = await this.link.nextExchange(next);
          // Beyond the first, an exchange goes only if it carries events.
          if (flying.length > 0 && outgoing.request.events.length === 0) break;
          const answer = this.transport.sync(outgoing.request);
          answer.catch(() => undefined); // awaited below, in order; not an unhandled rejection meanwhile
          flying.push({ outgoing, answer });
          next = outgoing.end;
          if (outgoing.end >= outgoing.ownSize) break;
        }
        const head = flying[0];
        if (!head) return false;
        // With room for another exchange, one recorded meanwhile goes at once, not after this answer.
        if (flying.length < IN_FLIGHT && (await this.wokenOr(head.answer)) === 'woken') continue;
        flying.shift();
        let response: SyncResponse;
        try {
          response = await head.answer;
        } catch (error) {
          if (this.link.resumesAfter(error)) return true;
          throw error;
        }
        const result = await this.link.answered(head.outgoing, response);
        if (flying.length === 0) return result.more;
        this.lastContact = this.clock.now();
      }
    } finally {
      // After a failure, what is still on its way is waited for before anything else is sent.
      await Promise.allSettled(flying.map((f) => f.answer));
    }
  }

  /** Waits until `answer` settles, or until something new is to be sent (never once stopping). */
  private async wokenOr(answer: Promise<unknown>): Promise<'woken' | 'settled'> {
    const settled = answer.then(
      () => 'settled' as const,
      () => 'settled' as const,
    );
    if (this.stopped) return settled;
    if (this.woken) {
      this.woken = false;
      return 'woken';
    }
    let release: () => void = () => undefined;
    const woken = new Promise<'woken'>((resolve) => (release = () => resolve('woken')));
    this.wakeUp = release;
    const outcome = await Promise.race([woken, settled]);
    if (this.wakeUp === release) this.wakeUp = null;
    if (outcome === 'woken') this.woken = false;
    return this.stopped ? settled : outcome;
  }

  private async lead(): Promise<boolean> {
    if (this.leadership && !this.leadership.signal.aborted) return true;
    this.leadership = await this.store.tryAcquireLeadership(`link:${this.link.peer.name}`).catch(() => null);
    return this.leadership !== null;
  }

  private backoff(): number {
    const base = Math.min(this.timing.retryMaxMs, this.timing.retryMinMs * 2 ** Math.min(20, this.failures - 1));
    // Jitter, so two nodes that lost the link together do not retry in lockstep.
    return base / 2 + Math.random() * (base / 2);
  }

  private async succeeded(): Promise<void> {
    const now = this.clock.now();
    this.lastContact = now;
    this.failures = 0;
    this.failingSince = null;
    this.lastError = null;
    this.enter('up');
    // After an outage, and once after starting (an outage may have outlasted the process that saw it).
    if (this.incidentId !== null || !this.outageSettled) {
      await this.closeOutage(now).catch(this.onError);
      this.outageSettled = true;
      this.incidentId = null;
    }
  }

  /** Closes this side's link.down incident for the link, and says on the record that the link works again. */
  private async closeOutage(now: Date): Promise<void> {
    await this.store.closeOpenIncident('link.down', this.link.peer.name, now);
    await this.link.reportRestored(now);
  }

  private async failed(error: unknown): Promise<void> {
    const now = this.clock.now();
    this.failures++;
    this.failingSince ??= now;
    this.lastError = isParleyError(error) ? { code: error.code, message: error.message } : { code: 'E_INTERNAL', message: String(error) };
    if (!isParleyError(error)) this.onError(error);
    if (isParleyError(error, 'E_LINK_UNTRUSTED')) return this.enter('untrusted');
    const down = now.getTime() - this.failingSince.getTime() >= this.timing.downAfterMs;
    this.enter(down ? 'down' : 'degraded');
    if (down && this.incidentId === null) {
      const incident = await this.store
        .openIncident({ kind: 'link.down', subject: this.link.peer.name, openedAt: this.failingSince, details: { lastError: this.lastError } })
        .catch(() => null);
      this.incidentId = incident?.id ?? null;
      await this.link.reportDown(this.failingSince, this.lastError).catch(this.onError);
    }
  }

  private enter(state: LinkStateName): void {
    if (this.state === state) return;
    this.state = state;
    this.since = this.clock.now();
  }

  private pause(ms: number, wakeable = true): Promise<void> {
    if (this.stopped || (wakeable && this.woken)) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.endBackoff = null;
        this.woken = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = wakeable ? done : () => (this.stopped ? done() : undefined);
      this.endBackoff = done;
    });
  }
}
