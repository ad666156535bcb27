import { isParleyError, noteVerifierKey, parseVerifierKey, ParleyError, type CryptoSuite, type DecodedEvent, type JsonObject } from '../../core/index.js';
import type { EventRecord, Store } from '../../store/index.js';
import type { NodeKeys, PinnedPeerConfig } from '../config/index.js';
import type { SignatureChecks } from '../crypto/index.js';
import { OwnCheckpoints, PeerWitness } from '../record/checkpoints.js';
import { eventJson } from '../record/event-json.js';
import { OwnLog, type NewEntry } from '../record/own-log.js';
import { PeerLogIntake, RECEIPT_KIND, type BatchCommit, type IntakeResult } from '../record/peer-log-intake.js';
import type { Clock } from '../server/clock.js';
import { batchLength, MAX_BATCH_EVENTS, type CosignatureLine, type SyncRequest, type SyncResponse } from './link-protocol.js';
import { linkTestReactions, missedByPeer, missedTestIncident, type MissedByPeer } from './link-test-schedule.js';

export interface LinkSelf {
  readonly name: string;
  readonly host: string;
  readonly side: string;
  /** IANA time zone of this side: the peer shows our local times from it. */
  readonly timeZone: string;
}

/** The first event of every own log: who this node is, so the record itself names both sides. */
export const LINK_OPENED_KIND = 'link.opened';

/**
 * Our exchanges with the peer failed long enough to call the link down, and later worked again:
 * said on the record, so the peer learns of an outage it may not see itself (only our direction
 * cut) as soon as anything gets through, and raises it on its side too.
 */
export const LINK_DOWN_KIND = 'link.down';
export const LINK_RESTORED_KIND = 'link.restored';
/** The incident a node raises when its peer reports, on the record, that it cannot reach it. */
export const PEER_CANNOT_REACH_US = 'link.down.peer';

export interface PeerLinkOptions {
  /**
   * A new checkpoint of our log is signed at most this often while the log keeps growing (the
   * first after a pause at once). Each one costs a signature, a witness check and a cosignature
   * at the peer, and several commits on both sides; under a flood of batches one a second keeps
   * the cosigned state fresh without taxing every exchange.
   */
  readonly checkpointEveryMs?: number;
  /** Where the signatures of the peer's events are checked (by default inline, with the link's suite). */
  readonly signatures?: SignatureChecks;
}

/** One exchange on its way: its request, where the own-log events it carries end, and our log's size when it was made. */
export interface OutgoingExchange {
  readonly request: SyncRequest;
  readonly end: number;
  readonly ownSize: number;
}

export interface ExchangeResult {
  /** Another exchange should follow at once. */
  readonly more: boolean;
  readonly sent: number;
  readonly received: number;
}

/** How a node reaches its peer; the HTTP one signs every request. */
export interface LinkTransport {
  sync(request: SyncRequest): Promise<SyncResponse>;
}

/** An event's canonical text from its stored bytes (valid UTF-8: it was checked when stored). */
const text = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

/**
 * While our sender is delivering our log, an answer still carries our newest events if the peer
 * lacks no more than this many: the receipts of the exchanges it has in flight.
 */
const ANSWER_WHILE_DELIVERING = 8;

/**
 * One bilateral link: our own log towards the peer, our verified copy of the peer's log, the
 * checkpoints of both and the witness. Both directions of the exchange meet here: `receive`
 * answers the peer's request, `exchange` makes ours. Everything either side learns from the
 * other arrives as signed events or signed notes, so the HTTP layer only has to authenticate.
 */
export class PeerLink {
  readonly own: OwnLog;
  readonly intake: PeerLogIntake;
  readonly ownCheckpoints: OwnCheckpoints;
  readonly witness: PeerWitness;
  readonly peerHost: string;
  readonly peerLogPublicKey: Uint8Array;
  readonly ownOrigin: string;
  readonly peerOrigin: string;
  /** What the peer holds of our log, as it last told us; from the durable cursor after a restart. */
  private peerHas: number | null = null;
  /**
   * The newest event of our log that our sender must deliver itself. What we write in reply to the
   * peer (receipts, test answers) goes back in that answer and does not count: otherwise, while
   * the peer sends us a flood, our sender would exchange again and again for the receipt of each
   * batch, which the peer already holds. Set when the link opens: every event of before counts.
   */
  private lastLoudSeq: number | undefined;
  private lastReceiptUpTo: number | null | undefined;
  private pendingCosignature: CosignatureLine | null = null;
  private deliveredCosignatureSize = -1;
  private durableDelivered = 0;
  private readonly changeListeners = new Set<(change: { origin: string; size: number; wake: boolean }) => void>();
  /**
   * Whether this process is delivering our log to the peer itself right now (it leads the
   * link's sender and its last exchange succeeded). Then an answer to the peer does not carry
   * our events too: the same events on both directions of the link would be sent, parsed and
   * compared twice. Set by the node; false until it is.
   */
  deliversItself: () => boolean = () => false;
  /** Told of every authenticated exchange the peer makes with us. */
  heardFromPeer: () => void = () => undefined;

  constructor(
    private readonly store: Store,
    private readonly crypto: CryptoSuite,
    private readonly clock: Clock,
    keys: NodeKeys,
    readonly self: LinkSelf,
    readonly peer: PinnedPeerConfig,
    options: PeerLinkOptions = {},
  ) {
    const witnessKey = parseVerifierKey(crypto, peer.witnessKey);
    const logKey = parseVerifierKey(crypto, peer.logKey);
    this.peerHost = logKey.name;
    this.peerLogPublicKey = logKey.publicKey;
    this.ownOrigin = `${self.host}/${peer.name}`;
    this.peerOrigin = `${this.peerHost}/${self.name}`;
    this.own = new OwnLog(store, crypto, keys.log, clock, this.ownOrigin, this.peerOrigin);
    this.intake = new PeerLogIntake(store, crypto, clock, { peer: peer.name, peerOrigin: this.peerOrigin, ownOrigin: this.ownOrigin, peerLogKey: logKey.publicKey }, options.signatures);
    this.ownCheckpoints = new OwnCheckpoints(store, crypto, keys.log, clock, this.ownOrigin, witnessKey, options.checkpointEveryMs ?? 0);
    const peerLogKeyForOrigin = noteVerifierKey(crypto, this.peerOrigin, 'ed25519', logKey.publicKey);
    this.own.onAppended((events, quiet) => {
      const last = events[events.length - 1]!.seq;
      if (!quiet) this.lastLoudSeq = Math.max(this.lastLoudSeq ?? -1, last);
      this.changed(this.ownOrigin, last + 1, !quiet);
    });
    this.witness = new PeerWitness(store, crypto, keys.witness, clock, `${self.host}/witness`, this.peerOrigin, peerLogKeyForOrigin);
  }

  /** Told of every batch stored on either log of the link by this process. */
  onChange(listener: (change: { origin: string; size: number; wake: boolean }) => void): void {
    this.changeListeners.add(listener);
  }

  /** `wake`: whether the sender should exchange now (false for what already went back in an answer). */
  private changed(origin: string, size: number, wake = true): void {
    for (const listener of this.changeListeners) listener({ origin, size, wake });
  }

  /** Creates both logs of the link if they do not exist yet; idempotent. */
  async open(): Promise<void> {
    const createdAt = this.clock.now();
    await this.store.createLog({ origin: this.ownOrigin, role: 'own', peer: this.peer.name, createdAt });
    await this.store.createLog({ origin: this.peerOrigin, role: 'peer', peer: this.peer.name, createdAt });
    await this.store.pinPeer({ name: this.peer.name, url: this.peer.url, logKey: this.peer.logKey, witnessKey: this.peer.witnessKey, addedAt: new Date(this.peer.addedAt) });
    const { name, host, side, timeZone } = this.self;
    await this.own.appendFirst({ kind: LINK_OPENED_KIND, actor: this.actor, body: { node: name, host, side, timeZone, peer: this.peer.name } });
    this.lastLoudSeq = Math.max(this.lastLoudSeq ?? -1, (await this.store.logSize(this.ownOrigin)) - 1);
  }

  /** Who the peer says it is, from the first event of its log (undefined until it has arrived). */
  async peerIdentity(): Promise<{ node: string; host: string; side: string; timeZone: string } | undefined> {
    const [first] = await this.store.readEvents(this.peerOrigin, 0, 1);
    if (!first || first.kind !== LINK_OPENED_KIND) return undefined;
    return (JSON.parse(text(first.bytes)) as { body: { node: string; host: string; side: string; timeZone: string } }).body;
  }

  /** Records an event on our log towards the peer; it reaches the peer with the next exchange. */
  record(kind: string, actor: string, body: JsonObject) {
    return this.own.append({ kind, actor, body });
  }

  /** Answers the peer's exchange. */
  async receive(request: SyncRequest): Promise<SyncResponse> {
    await this.assertTrusted();
    this.heardFromPeer();
    // The peer holds at least what it says it has: our sender need not send that again.
    this.peerHas = Math.max(this.peerHas ?? request.have, request.have);
    // The answer carries our events from `have` on, unless our sender is delivering them and the
    // peer lacks more than the few we just wrote in reply to it (receipts, test answers): then
    // they go with our next exchange instead.
    const answers = !this.deliversItself() || (await this.store.logSize(this.ownOrigin)) - request.have <= ANSWER_WHILE_DELIVERING;
    // What we write in reply (receipt, test answer) goes back in this answer: no need to wake our sender.
    const taken = await this.takeIn(request.events, answers);
    if (request.cosignature) await this.ownCheckpoints.addCosignature(request.cosignature.size, request.cosignature.line);
    const cosignature = request.checkpoint ? await this.witnessNote(request.checkpoint) : null;
    const [checkpoint, out] = await Promise.all([this.ownCheckpoints.current(), answers ? this.store.readEvents(this.ownOrigin, request.have, MAX_BATCH_EVENTS + 1) : []]);
    const carried = batchLength(out);
    return {
      size: taken.size,
      events: out.slice(0, carried).map((e) => e.bytes),
      more: out.length > carried,
      checkpoint: checkpoint.note,
      cosignature,
    };
  }

  /**
   * The request of the next exchange: our events from `from` on (by default from what the peer
   * holds), what we hold of the peer's log, our checkpoint and our pending cosignature. A sender
   * may make the next one before the answer to this one is in (`from`: where this one ends).
   */
  async nextExchange(from?: number): Promise<OutgoingExchange> {
    await this.assertTrusted();
    const start = from ?? this.peerHas ?? ((await this.store.lastAckedSeq(this.peer.name)) ?? -1) + 1;
    const [read, have, checkpoint, ownSize] = await Promise.all([
      this.store.readEvents(this.ownOrigin, start, MAX_BATCH_EVENTS),
      this.store.logSize(this.peerOrigin),
      this.ownCheckpoints.current(),
      this.store.logSize(this.ownOrigin),
    ]);
    const events = read.slice(0, batchLength(read));
    const cosignature = this.pendingCosignature;
    return {
      request: { events: events.map((e) => e.bytes), have, checkpoint: checkpoint.note, cosignature },
      end: start + events.length,
      ownSize,
    };
  }

  /**
   * A failed exchange that says where to resume: the peer holds less (or more) of our log than
   * we thought (E_EVENT_SEQ_GAP names its size). True if the next exchange should follow at once.
   */
  resumesAfter(error: unknown): boolean {
    const size = isParleyError(error, 'E_EVENT_SEQ_GAP') ? error.details.size : undefined;
    if (typeof size !== 'number') return false;
    this.peerHas = size;
    return true;
  }

  /** Takes in the peer's answer to `outgoing`; answers are taken in the order the exchanges were made. */
  async answered(outgoing: OutgoingExchange, response: SyncResponse): Promise<ExchangeResult> {
    const { cosignature } = outgoing.request;
    if (cosignature) this.deliveredCosignatureSize = Math.max(this.deliveredCosignatureSize, cosignature.size);
    if (this.pendingCosignature && this.pendingCosignature.size <= this.deliveredCosignatureSize) this.pendingCosignature = null;
    this.peerHas = response.size;
    const delivered = Math.min(response.size, await this.store.logSize(this.ownOrigin));
    const taken = await this.takeIn(response.events, false, delivered - 1);
    if (taken.ackedUpTo >= delivered - 1) this.durableDelivered = Math.max(this.durableDelivered, delivered);
    await this.rememberDelivered(delivered);
    if (response.cosignature) await this.ownCheckpoints.addCosignature(response.cosignature.size, response.cosignature.line);
    const ours = response.checkpoint ? await this.witnessNote(response.checkpoint) : null;
    if (ours && ours.size > this.deliveredCosignatureSize) this.pendingCosignature = ours;
    const ownSize = await this.store.logSize(this.ownOrigin);
    return {
      more: response.more || (this.lastLoudSeq ?? ownSize - 1) >= response.size || this.pendingCosignature !== null,
      sent: outgoing.request.events.length,
      received: taken.added,
    };
  }

  /**
   * Moves the durable outbox cursor to what the peer says it holds. Signed receipts move it too;
   * this covers the tail that no receipt names (our own receipts are not receipted). The answer
   * comes to a request we signed, and a cursor set too far only costs a resend: the peer then
   * refuses the gap and names where to resume.
   */
  private async rememberDelivered(held: number): Promise<void> {
    if (held <= this.durableDelivered || held === 0) return;
    await this.store.appendPeerEvents(this.peerOrigin, [], { merkleHashes: [], outboxAck: { peer: this.peer.name, seq: held - 1 } });
    this.durableDelivered = held;
  }

  /**
   * Stores the peer's events; receipts them, and answers link tests, if anything new needs it.
   * The receipt of new events is committed with them: it is durable exactly when they are.
   */
  private async takeIn(events: readonly Uint8Array[], quiet = false, deliveredUpTo = -1): Promise<IntakeResult> {
    let receipted = false;
    const withReceipt: BatchCommit = async (fresh, write) => {
      if (!(await this.needsReceipt(fresh))) return write.store();
      const outcome = await this.own.appendWith(this.receipt(write.expects.size - 1, write.expects.added, quiet), write);
      if (outcome.event) [this.lastReceiptUpTo, receipted] = [write.expects.size - 1, true];
      return outcome.result;
    };
    let taken: IntakeResult;
    try {
      taken = await this.intake.accept(events, deliveredUpTo, withReceipt);
    } catch (error) {
      if (isParleyError(error) && error.details.equivocation === true) await this.distrust(error);
      throw error;
    }
    if (taken.added > 0) this.changed(this.peerOrigin, taken.size);
    const fresh = taken.events.filter((e) => e.event.seq >= taken.size - taken.added);
    const reactions = linkTestReactions(fresh, this.clock.now());
    if (reactions.length > 0) await this.own.appendAll(reactions.map((r) => ({ ...r, actor: this.actor, quiet })));
    for (const missed of missedByPeer(fresh)) await this.raiseMissedTest(missed);
    await this.peerOutages(fresh);
    // Events stored before but never receipted (a redelivery), or stored by another process of this side.
    if (!receipted && (await this.needsReceipt(taken.events))) {
      await this.own.append(this.receipt(taken.size - 1, taken.added, quiet));
      this.lastReceiptUpTo = taken.size - 1;
    }
    return taken;
  }

  private receipt(upTo: number, received: number, quiet: boolean): NewEntry {
    return { kind: RECEIPT_KIND, actor: this.actor, body: { upTo, received, at: this.clock.now().toISOString() }, quiet };
  }

  /**
   * The peer recorded an hour's link test as missed: the same incident on this side (one per hour
   * whoever noticed first, as the open incident's subject is the hour), so an outage that only one
   * side could see is on both sides' watch floors.
   */
  private async raiseMissedTest(missed: MissedByPeer): Promise<void> {
    await this.store.openIncident(missedTestIncident(this.peer.name, missed.slot, this.clock.now(), { reportedBy: this.peer.name, peerRole: missed.role, noticedAt: missed.noticedAt }));
  }

  /** Says on the record that our exchanges with the peer have failed since `since`, unless it already says so. */
  async reportDown(since: Date, lastError: { readonly code: string; readonly message: string } | null): Promise<void> {
    if (await this.reportedDown()) return;
    await this.own.append({ kind: LINK_DOWN_KIND, actor: this.actor, body: { since: since.toISOString(), lastError } });
  }

  /** If the record says our link is down (in this process or before a restart), says it works again. */
  async reportRestored(at: Date): Promise<void> {
    const down = await this.reportedDown();
    if (!down) return;
    const { since } = (eventJson(down.bytes) as { body: { since?: unknown } }).body;
    await this.own.append({ kind: LINK_RESTORED_KIND, actor: this.actor, body: { down: down.seq, downSince: typeof since === 'string' ? since : null, restoredAt: at.toISOString() } });
  }

  /** Our latest report of an outage, if no report of its end came after it. */
  private async reportedDown(): Promise<EventRecord | undefined> {
    const [down, restored] = await Promise.all([this.store.latestEventOfKind(this.ownOrigin, LINK_DOWN_KIND), this.store.latestEventOfKind(this.ownOrigin, LINK_RESTORED_KIND)]);
    return down && (!restored || restored.seq < down.seq) ? down : undefined;
  }

  /** The peer's reports of its own outages towards us: an incident on this side while it lasts. */
  private async peerOutages(events: readonly DecodedEvent[]): Promise<void> {
    for (const { event } of events) {
      if (event.kind === LINK_DOWN_KIND) {
        await this.store.openIncident({
          kind: PEER_CANNOT_REACH_US, subject: this.peer.name, openedAt: this.clock.now(),
          details: { reportedBy: this.peer.name, since: event.body.since ?? null, lastError: event.body.lastError ?? null, event: event.seq },
        });
      } else if (event.kind === LINK_RESTORED_KIND) {
        await this.store.closeOpenIncident(PEER_CANNOT_REACH_US, this.peer.name, this.clock.now());
      }
    }
  }

  /** Receipts are not receipted themselves, or two nodes would answer each other forever. */
  private async needsReceipt(events: readonly DecodedEvent[]): Promise<boolean> {
    if (this.lastReceiptUpTo === undefined) {
      this.lastReceiptUpTo = (await this.store.latestEventOfKind(this.ownOrigin, RECEIPT_KIND))?.peer?.seq ?? null;
    }
    const covered = this.lastReceiptUpTo ?? -1;
    return events.some((e) => e.event.seq > covered && e.event.kind !== RECEIPT_KIND);
  }

  private async witnessNote(note: string): Promise<CosignatureLine | null> {
    try {
      const outcome = await this.witness.observe(note);
      return outcome.kind === 'cosigned' ? { size: outcome.size, line: outcome.line } : null;
    } catch (error) {
      if (isParleyError(error) && error.details.equivocation === true) await this.distrust(error);
      throw error;
    }
  }

  private get actor(): string {
    return `node:${this.self.name}`;
  }

  private async distrust(error: ParleyError): Promise<void> {
    const at = this.clock.now();
    await this.store.setPeerTrust(this.peer.name, 'untrusted', error.message, at);
    await this.store.openIncident({ kind: 'equivocation', subject: this.peer.name, openedAt: at, details: { code: error.code, message: error.message } });
  }

  private async assertTrusted(): Promise<void> {
    const pinned = await this.store.getPeer(this.peer.name);
    if (pinned?.trust === 'untrusted') {
      throw new ParleyError('E_LINK_UNTRUSTED', `The link with ${this.peer.name} is untrusted since ${pinned.trustChangedAt?.toISOString()}: ${pinned.trustReason}`);
    }
  }
}
