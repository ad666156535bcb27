import { ParleyError, type Side } from '../../core/index.js';
import type { ParleyNode } from '../../node/index.js';
import type { DemoSide } from './demo-sides.js';
import { waitFor, type MechanismStep, type OperatorApi } from './operator-api.js';
import type { ScenarioClock } from './scenario-clock.js';

const WAIT_MS = 30_000;

export interface HistorySide {
  readonly side: DemoSide;
  readonly node: ParleyNode;
  readonly api: OperatorApi;
}

/** Who takes a reconstructed step: the side's role, marked so that nobody reads it as signed at the time. */
export const reconstructed = (side: DemoSide, role: string): string => `${side.name}/${role} (reconstructed from the public record)`;

/**
 * Writes history through both nodes' APIs, as their users would have, on the scenario clock.
 * Each step is taken at the clock's moment, once the acting node holds everything the other
 * node wrote, so it is decided against the same record the other side sees. Before the
 * clock moves on, both links are let go quiet: a link request signed before a jump of months
 * would reach the other node outside its 5-minute window and have to be sent again.
 */
export class HistoryWriter {
  constructor(
    private readonly clock: ScenarioClock,
    private readonly sides: readonly [HistorySide, HistorySide],
    private readonly signal?: AbortSignal,
  ) {}

  /** Moves the scenario clock on to `instant`, once the links are quiet. */
  async at(instant: string): Promise<void> {
    await this.until('both nodes to hold each other\'s whole log', () => this.quiet());
    this.clock.set(instant);
  }

  /** A step of `side` (US or CN) through its node's API, by the reconstructed `role`. */
  async step(side: Side, role: string, path: string, body: object): Promise<MechanismStep> {
    const [self, other] = this.pair(side);
    await this.until(`${self.side.label} to hold ${other.side.label}'s whole log`, () => this.holds(self, other));
    return self.api.act(other.side.name, path, { actor: reconstructed(self.side, role), ...body });
  }

  /** A read of `side`'s node on the link. */
  read<T>(side: Side, path: string): Promise<T> {
    const [self, other] = this.pair(side);
    return self.api.read<T>(other.side.name, path);
  }

  /**
   * Lets `request`, sent by `side` and unanswered, expire: the clock passes its deadline and the
   * asking node's own scheduler records `request.expired`, as it does for any request.
   */
  async expire(side: Side, request: string): Promise<void> {
    const [self, other] = this.pair(side);
    const path = `/requests/${encodeURIComponent(request)}`;
    const { respondBy } = await self.api.read<{ respondBy: { utc: string } }>(other.side.name, path);
    await this.at(new Date(Date.parse(respondBy.utc) + 60_000).toISOString());
    await this.until(`${self.side.label}'s node to record the expiry of ${request}`, async () => {
      self.node.mechanism.watch.wake();
      return (await self.api.read<{ expiryRecorded: boolean }>(other.side.name, path)).expiryRecorded;
    });
    await this.until(`${other.side.label} to hold the expiry of ${request}`, async () => (await other.api.read<{ expiryRecorded: boolean }>(self.side.name, path)).expiryRecorded);
  }

  /** `reader` holds the whole log of `writer`: a step of the reader is decided against everything the writer did. */
  private async holds(reader: HistorySide, writer: HistorySide): Promise<boolean> {
    const [theirs, ours] = await Promise.all([writer.api.link(reader.side.name), reader.api.link(writer.side.name)]);
    return ours.peerLog.size === theirs.own.size;
  }

  /** Both nodes hold each other's whole log. */
  async quiet(): Promise<boolean> {
    const [a, b] = this.sides;
    const [ab, ba] = await Promise.all([a.api.link(b.side.name), b.api.link(a.side.name)]);
    return ab.peerLog.size === ba.own.size && ba.peerLog.size === ab.own.size;
  }

  private pair(side: Side): [HistorySide, HistorySide] {
    const [a, b] = this.sides;
    return a.side.side === side ? [a, b] : [b, a];
  }

  private async until(what: string, check: () => Promise<boolean>): Promise<void> {
    if (await waitFor(check, WAIT_MS, { everyMs: 25, signal: this.signal })) return;
    if (this.signal?.aborted) throw new ParleyError('E_USAGE', 'The demo was stopped while it wrote the historical record.');
    throw new ParleyError('E_PEER_UNREACHABLE', `Writing the historical record: waited ${WAIT_MS / 1000} s for ${what}.`);
  }
}
