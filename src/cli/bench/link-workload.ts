import { availableParallelism, cpus, loadavg } from 'node:os';
import type { JsonObject } from '../../core/index.js';
import { nodeCrypto } from '../../node/index.js';
import type { BenchLink, Recorded } from './bench-link.js';
import { seededRandom, syntheticBody } from './synthetic-record.js';
import { wallClockMs, type ReceiverTally } from './peer-protocol.js';
import { t } from '../i18n.js';

/*
 * What the federation benchmarks record and how they read the outcome: realistic message bodies
 * (300–2,000 bytes), recorded either as fast as the link takes them or at an offered rate, then
 * latency from Washington's record call to the commit in Beijing's copy, and loss and duplication
 * from the ids Beijing's copy actually holds.
 */

export interface Percentiles {
  readonly offered_per_s: number;
  readonly events: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  /** Of the same events, record call → committed at Washington (part of the end-to-end time). */
  readonly commit_p50: number;
  readonly commit_p99: number;
}

export interface Delivery {
  /** Recorded at Washington, but not in Beijing's copy. */
  readonly lost: number;
  /** In Beijing's copy more than once (by body id), or a seq held twice. */
  readonly duplicated: number;
}

export interface PreparedEvent {
  readonly id: string;
  readonly actor: string;
  readonly body: JsonObject;
}

/** Every event kind is an ordinary message: a link test among them would be answered, and measured. */
const KIND = 'message.sent';

export class Workload {
  readonly recorded: Recorded[] = [];
  private readonly random = seededRandom(6);
  private n = 0;

  constructor(private readonly bench: BenchLink) {}

  private next(phase: string): PreparedEvent {
    const n = this.n++;
    const { actor, body } = syntheticBody(this.random, n);
    return { id: `${phase}-${n}`, actor, body };
  }

  /** Bodies for `count` events, made before any timing starts. */
  prepare(phase: string, count: number): PreparedEvent[] {
    return Array.from({ length: count }, () => this.next(phase));
  }

  /** Records the events as fast as the node signs them (its group commit batches them). */
  async flood(prepared: readonly PreparedEvent[]): Promise<Recorded[]> {
    const done = await Promise.all(prepared.map((b) => this.bench.record(b.id, KIND, b.actor, b.body)));
    this.recorded.push(...done);
    return done;
  }

  /**
   * Records `count` events at `rate` per second: each is recorded when its time slot comes (a
   * late timer records the events it owes at once, as an open-loop client would).
   */
  async paced(phase: string, rate: number, count: number): Promise<Recorded[]> {
    const bodies = this.prepare(phase, count);
    const started = wallClockMs();
    const pending: Promise<Recorded>[] = [];
    while (pending.length < count) {
      const due = Math.min(count, Math.floor(((wallClockMs() - started) / 1000) * rate) + 1);
      while (pending.length < due) {
        const b = bodies[pending.length]!;
        pending.push(this.bench.record(b.id, KIND, b.actor, b.body));
      }
      if (pending.length < count) {
        const nextAt = started + (pending.length / rate) * 1000;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextAt - wallClockMs())));
      }
    }
    const done = await Promise.all(pending);
    this.recorded.push(...done);
    return done;
  }

  /** Waits until every event of `events` is stored at Beijing and receipted; false at the deadline. */
  delivered(events: readonly Recorded[], deadline: number): Promise<boolean> {
    const last = events.reduce((high, e) => Math.max(high, e.seq), -1);
    return this.bench.delivered(last, deadline);
  }

  /**
   * End-to-end latency at each offered rate, one rate after the other, each run until its events
   * are delivered (or `timeoutS` passes) so one rate's tail does not spill into the next.
   */
  async atRates(rates: readonly number[], seconds: number, maxEvents: number, timeoutS: number, log: (line: string) => void): Promise<Record<string, Percentiles>> {
    const out: Record<string, Percentiles> = {};
    for (const rate of rates) {
      const count = eventsAtRate(rate, seconds, maxEvents);
      log(t('bench.progress.offering', { count, rate }));
      const events = await this.paced(`rate${rate}`, rate, count);
      await this.delivered(events, wallClockMs() + timeoutS * 1000);
      out[String(rate)] = this.latency(events, rate);
    }
    return out;
  }

  /** Record call → commit in Beijing's copy, in milliseconds; undelivered events are left out (and counted lost). */
  latency(events: readonly Recorded[], offered: number): Percentiles {
    const ms = events
      .map((e) => {
        const stored = this.bench.stored.reachedAt(e.seq);
        return stored === undefined ? undefined : stored - e.recordedAt;
      })
      .filter((v): v is number => v !== undefined)
      .sort((a, b) => a - b);
    const commit = events.map((e) => e.committedAt - e.recordedAt).sort((a, b) => a - b);
    return {
      offered_per_s: offered, events: ms.length, p50: rank(ms, 0.5), p95: rank(ms, 0.95), p99: rank(ms, 0.99), max: round(ms[ms.length - 1] ?? 0, 2),
      commit_p50: rank(commit, 0.5), commit_p99: rank(commit, 0.99),
    };
  }

  /** Loss and duplication of everything recorded, from the receiver's own copy. */
  delivery(tally: ReceiverTally): Delivery {
    const count = new Map<string, number>();
    for (const id of tally.ids) count.set(id, (count.get(id) ?? 0) + 1);
    let duplicated = tally.repeatedSeqs;
    for (const n of count.values()) if (n > 1) duplicated += n - 1;
    const lost = this.recorded.filter((r) => !count.has(r.id)).length;
    return { lost, duplicated };
  }
}

/** Nearest-rank percentile of sorted values. */
function rank(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!, 2);
}

export const round = (value: number, digits: number): number => Number(value.toFixed(digits));
/**
 * Digits of a run's reported duration: microseconds. A rate is computed from the duration
 * unrounded; at milliseconds, the duration of a short run (200 events in 90 ms) no longer gives
 * back its rate (200 / 0.090 = 2,222 where the rate was 2,229).
 */
export const TIME_DIGITS = 6;

/** Per offered rate: how many events, so a rate runs for `seconds` but never more than `maxEvents`. */
export function eventsAtRate(rate: number, seconds: number, maxEvents: number): number {
  return Math.max(1, Math.min(maxEvents, Math.round(rate * seconds)));
}

export interface MachineNote {
  readonly cores: number;
  readonly node: string;
  readonly cpu: string;
  /** The 1-minute load average when the run started: the machine is shared, and this says how much. */
  readonly load_average_1m: number;
  /** Single-thread Ed25519 signs and verifications per second at the start, for scale. */
  readonly raw_ed25519_per_s: { readonly sign: number; readonly verify: number };
}

/** The machine as the run found it: what else was running shows in the load and in the raw Ed25519 rate. */
export function machine(): MachineNote {
  const signer = nodeCrypto.ed25519Signer(new Uint8Array(32).fill(1));
  const message = new Uint8Array(1200).fill(7);
  const signature = signer.sign(message);
  const rate = (op: () => void): number => {
    let n = 0;
    const started = performance.now();
    while (performance.now() - started < 500) {
      for (let i = 0; i < 50; i++) op();
      n += 50;
    }
    return Math.round(n / ((performance.now() - started) / 1000));
  };
  return {
    cores: availableParallelism(), node: process.version, cpu: cpus()[0]?.model ?? 'unknown', load_average_1m: round(loadavg()[0] ?? 0, 2),
    raw_ed25519_per_s: { sign: rate(() => signer.sign(message)), verify: rate(() => nodeCrypto.ed25519.verify(signer.publicKey, message, signature)) },
  };
}
