import {
  crossesLink, parseEventBody, ParleyError, toHex, type Instant, type JsonObject, type MechanismEvent, type MechanismEventKind, type Side,
} from '../../core/index.js';
import type { EventRecord } from '../../store/index.js';
import type { PeerLink } from '../link/peer-link.js';
import { SerialQueue } from '../record/serial-queue.js';
import type { Clock } from '../server/clock.js';
import { internalEntry, type InternalLog } from './internal-log.js';
import type { LinkProjection, ProjectionView } from './link-projection.js';
import type { MechanismState } from './mechanism-state.js';
import { planStep } from './plan-step.js';

/** What a command's body is built from: the state as it stands, both sides, and the time of the step. */
export interface CommandContext {
  readonly state: MechanismState;
  readonly ourSide: Side;
  readonly peerSide: Side;
  readonly now: Instant;
}

export interface Recorded {
  readonly kind: MechanismEventKind;
  readonly scope: 'shared' | 'internal';
  readonly log: string;
  readonly seq: number;
  readonly hash: string;
  readonly ts: Instant;
}

/**
 * This side acting on one link. A command is checked against the current state by the same
 * planning the fold uses, and only then signed: shared kinds onto our log towards the peer,
 * internal kinds onto this node's internal log, never the shared one. Commands on a link run one
 * at a time, so two cannot both pass against the same old state.
 */
export class LinkCommands {
  private readonly serial = new SerialQueue();

  constructor(
    private readonly link: PeerLink,
    private readonly projection: LinkProjection,
    private readonly internal: InternalLog,
    private readonly clock: Clock,
  ) {}

  act(kind: MechanismEventKind, actor: string, build: (context: CommandContext) => unknown): Promise<Recorded> {
    return this.serial.run(async () => {
      const view = await this.projection.sync();
      const context = { state: view.state, ourSide: view.ourSide, peerSide: requirePeer(view), now: this.clock.now().toISOString() };
      const body = parseEventBody(kind, build(context)) as JsonObject;
      const where = { origin: this.link.ownOrigin, seq: -1, ref: { log: this.link.ownOrigin, seq: -1, hash: '0'.repeat(64) }, actor };
      // Planned, not committed: the refusal (if any) is thrown before anything is signed.
      planStep(view.state, { ...body, kind, side: view.ourSide, at: context.now } as MechanismEvent, where);
      const shared = crossesLink(kind);
      const record = shared ? await this.link.record(kind, actor, body) : await this.internal.append({ kind, actor, body: internalEntry(this.link.peer.name, body, view.seen) });
      await this.projection.sync();
      return recorded(kind, shared, shared ? this.link.ownOrigin : this.internal.origin, record);
    });
  }
}

function requirePeer(view: ProjectionView): Side {
  if (view.peerSide === null) {
    throw new ParleyError('E_PEER_IDENTITY_UNKNOWN', 'The peer has not told this node who it is yet (its first event has not arrived); try again once the link is up.');
  }
  return view.peerSide;
}

const recorded = (kind: MechanismEventKind, shared: boolean, log: string, record: EventRecord): Recorded => ({
  kind, scope: shared ? 'shared' : 'internal', log, seq: record.seq, hash: toHex(record.hash), ts: record.ts,
});
