import { ParleyError } from '../errors/index.js';

/**
 * What the chain needs of an event whose signature has already been checked. `H` names a hash:
 * by default its lowercase hex; the chain only compares two with `===`.
 */
export interface ChainLink<H = string> {
  readonly seq: number;
  readonly prev: H | null;
  /** SHA-256 of the event's canonical bytes. */
  readonly hash: H;
  /** Where the event was read (a line of a bundle file), to name failures precisely. */
  readonly line?: number;
}

/**
 * The sequence rules of one log (DESIGN §3): seq counts from 0 with no gaps, and each event's
 * `prev` is the hash of the event before it. A state machine fed events in file order.
 *
 * To name a failure precisely it looks one event ahead: when seq jumps forward, the next event
 * tells a reordering (the missing seq follows) from a deletion (it does not).
 */
export class LogChain<H = string> {
  private expected = 0;
  private lastHash: H | null = null;
  private pending: ChainLink<H> | null = null;

  constructor(readonly log: string) {}

  /** Number of events accepted so far; also the next expected seq. */
  get size(): number {
    return this.expected;
  }

  get headHash(): H | null {
    return this.lastHash;
  }

  accept(link: ChainLink<H>): void {
    if (this.pending) throw this.resolvePending(link.seq);
    if (link.seq === this.expected) {
      if (link.prev !== this.lastHash) {
        throw this.fail('E_EVENT_PREV_MISMATCH', link, `Event ${link.seq} of ${this.log} does not follow event ${link.seq - 1}: its prev hash is not that event's hash.`);
      }
      this.expected++;
      this.lastHash = link.hash;
      return;
    }
    if (link.seq > this.expected) {
      this.pending = link;
      return;
    }
    if (link.seq === this.expected - 1) {
      if (link.hash === this.lastHash) {
        throw this.fail('E_EVENT_DUPLICATE', link, `Event ${link.seq} of ${this.log} appears twice in a row.`);
      }
      throw this.fail('E_EVENT_SEQ_REUSED', link, `Two different events of ${this.log}, both validly signed, claim seq ${link.seq}.`);
    }
    throw this.fail('E_EVENT_OUT_OF_ORDER', link, `Event ${link.seq} of ${this.log} appears after event ${this.expected - 1}.`);
  }

  /** A failure still held by the one-event lookahead, if the input ended or broke after it. */
  pendingFailure(): ParleyError | null {
    return this.pending ? this.resolvePending(null) : null;
  }

  /** Call at the end of the log: a held forward jump is then a gap. */
  finish(): void {
    const failure = this.pendingFailure();
    if (failure) throw failure;
  }

  private resolvePending(nextSeq: number | null): ParleyError {
    const jumped = this.pending!;
    if (nextSeq === this.expected) {
      return this.fail('E_EVENT_OUT_OF_ORDER', jumped, `Event ${jumped.seq} of ${this.log} appears before event ${this.expected}.`);
    }
    const missing = jumped.seq - this.expected === 1 ? `event ${this.expected} is` : `events ${this.expected}–${jumped.seq - 1} are`;
    return this.fail('E_EVENT_SEQ_GAP', jumped, `In ${this.log}, ${missing} missing before event ${jumped.seq}.`);
  }

  private fail(code: 'E_EVENT_PREV_MISMATCH' | 'E_EVENT_DUPLICATE' | 'E_EVENT_SEQ_REUSED' | 'E_EVENT_OUT_OF_ORDER' | 'E_EVENT_SEQ_GAP', link: ChainLink<H>, message: string): ParleyError {
    const details: Record<string, unknown> = { log: this.log, seq: link.seq };
    if (link.line !== undefined) details.line = link.line;
    return new ParleyError(code, message, details);
  }
}
