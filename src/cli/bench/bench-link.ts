import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JsonObject } from '../../core/index.js';
import { openNode, type ParleyNode } from '../../node/index.js';
import type { BenchNodes } from './bench-nodes.js';
import { wallClockMs, type FromPeer, type ReceiverTally, type ToPeer } from './peer-protocol.js';

/** One event the benchmark recorded at Washington, with when it was handed to the link. */
export interface Recorded {
  readonly id: string;
  readonly seq: number;
  readonly recordedAt: number;
  /** When the record call returned: signed and committed at Washington. */
  readonly committedAt: number;
}

/** A size or cursor over time: entry i says `value` was reached at `at`. Values only grow. */
class Progress {
  readonly values: number[] = [];
  readonly times: number[] = [];
  private waiters: (() => void)[] = [];

  get latest(): number {
    return this.values[this.values.length - 1] ?? -1;
  }

  note(value: number, at: number): void {
    if (value <= this.latest) return;
    this.values.push(value);
    this.times.push(at);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** When the value first reached at least `value`, or undefined if it has not. */
  reachedAt(value: number): number | undefined {
    let low = 0;
    let high = this.values.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.values[mid]! >= value) high = mid;
      else low = mid + 1;
    }
    return this.times[low];
  }

  /** Resolves at the next change, or after `ms`. */
  changed(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

/** Beijing, in its own process. */
class PeerProcess {
  private child: ChildProcess | null = null;
  private pendingTally: ((tally: ReceiverTally) => void) | null = null;
  private pendingCpu: ((micros: number) => void) | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly configPath: string,
    private readonly stored: Progress,
  ) {}

  /** Starts Beijing's node; resolves when it listens and its sender runs, with that moment. */
  start(): Promise<number> {
    const script = fileURLToPath(new URL('./peer-process.js', import.meta.url));
    // Beijing's output goes to stderr: stdout carries the benchmark's one JSON object.
    const child = fork(script, [this.configPath], { stdio: ['ignore', 2, 2, 'ipc'] });
    this.child = child;
    return new Promise((resolve, reject) => {
      child.on('message', (message: FromPeer) => {
        if (message.type === 'started') resolve(wallClockMs());
        // Sizes count events; the stored progress is kept as the highest seq held.
        else if (message.type === 'stored') this.stored.note(message.size - 1, message.at);
        else if (message.type === 'tally') this.pendingTally?.(message.tally);
        else if (message.type === 'cpu') this.pendingCpu?.(message.micros);
        else if (message.type === 'failed') {
          this.failure = new Error(`Beijing's node failed: ${message.message}`);
          reject(this.failure);
        }
      });
      child.on('exit', (code) => {
        if (this.child === child) this.child = null;
        reject(new Error(`Beijing's node exited with code ${code} before it started.`));
      });
    });
  }

  tally(): Promise<ReceiverTally> {
    return new Promise((resolve) => {
      this.pendingTally = resolve;
      this.send({ type: 'tally' });
    });
  }

  /** CPU time Beijing's process has used so far, in microseconds. */
  cpuMicros(): Promise<number> {
    return new Promise((resolve) => {
      this.pendingCpu = resolve;
      this.send({ type: 'cpu' });
    });
  }

  /** A graceful stop: in-flight work finishes and the store closes, as on SIGTERM. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    this.send({ type: 'stop' });
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(killer);
    this.child = null;
  }

  private send(message: ToPeer): void {
    if (this.failure) throw this.failure;
    this.child?.send(message);
  }
}

/**
 * Washington's node in this process and Beijing's in a child process, linked on loopback. Events
 * recorded on Washington's link are followed to their commit in Beijing's copy (reported by
 * Beijing) and to their receipt back at Washington (its outbox cursor), both stamped with the
 * wall clock in high resolution, so latencies are read off afterwards without slowing the run.
 */
export class BenchLink {
  /** The highest seq of Washington's log stored at Beijing, over time. */
  readonly stored = new Progress();
  /** Washington's outbox cursor (the highest seq Beijing receipted), over time. */
  readonly acked = new Progress();
  readonly peer: PeerProcess;
  private ackQuery: Promise<void> | null = null;
  private ackDirty = false;

  private constructor(
    readonly washington: ParleyNode,
    nodes: BenchNodes,
  ) {
    this.peer = new PeerProcess(nodes.beijing.configPath, this.stored);
    const { link } = this.link;
    link.onChange((change) => {
      if (change.origin === link.peerOrigin) this.refreshAck(wallClockMs());
    });
  }

  static async open(nodes: BenchNodes): Promise<BenchLink> {
    const washington = await openNode(nodes.washington.configPath, { logLevel: 'silent' });
    const bench = new BenchLink(washington, nodes);
    await washington.start();
    try {
      await bench.peer.start();
    } catch (error) {
      await washington.stop();
      throw error;
    }
    return bench;
  }

  get link() {
    return this.washington.links.get('beijing')!;
  }

  /** Records one event on Washington's link. */
  async record(id: string, kind: string, actor: string, body: JsonObject): Promise<Recorded> {
    const recordedAt = wallClockMs();
    const event = await this.link.link.record(kind, actor, { ...body, bench: id });
    return { id, seq: event.seq, recordedAt, committedAt: wallClockMs() };
  }

  /** Waits until Beijing stored and receipted `seq`, or the deadline (a wall-clock time) passes. */
  async delivered(seq: number, deadline: number): Promise<boolean> {
    while (this.stored.latest < seq || this.acked.latest < seq) {
      const left = deadline - wallClockMs();
      if (left <= 0) return false;
      // The cursor is also polled: a receipt may arrive through a path this process is not told of.
      this.refreshAck(wallClockMs());
      await Promise.race([this.stored.changed(Math.min(left, 10)), this.acked.changed(Math.min(left, 10))]);
    }
    return true;
  }

  /** CPU time used by both nodes so far, in microseconds. */
  async cpuMicros(): Promise<{ washington: number; beijing: number }> {
    const { user, system } = process.cpuUsage();
    return { washington: user + system, beijing: await this.peer.cpuMicros() };
  }

  async close(): Promise<void> {
    await this.peer.stop().catch(() => undefined);
    await this.washington.stop();
  }

  private refreshAck(at: number): void {
    if (this.ackQuery) {
      this.ackDirty = true;
      return;
    }
    this.ackQuery = this.washington.store.lastAckedSeq('beijing').then(
      (seq) => {
        this.ackQuery = null;
        if (seq !== undefined && seq !== null) this.acked.note(seq, at);
        if (this.ackDirty) {
          this.ackDirty = false;
          this.refreshAck(wallClockMs());
        }
      },
      () => {
        this.ackQuery = null;
      },
    );
  }
}
