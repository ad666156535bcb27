import { signEvent, toHex, type CryptoSuite, type EncodedEvent, type JsonObject, type PeerRef, type Signer } from '../core/index.js';

/** Deterministic 32-byte seed from a small number, for test keys. */
export const testSeed = (n: number): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => (n * 32 + i) & 0xff);

const BASE_TIME = Date.UTC(2023, 11, 21, 13, 0, 0);

/** Appends signed events to one log, as a node would. */
export class TestLog {
  readonly events: EncodedEvent[] = [];
  constructor(
    private readonly crypto: CryptoSuite,
    readonly signer: Signer,
    readonly origin: string,
  ) {}

  append(body: JsonObject = { text: 'hello' }, peer: PeerRef | null = null, kind = 'message.sent'): EncodedEvent {
    const seq = this.events.length;
    const last = this.events[seq - 1];
    const encoded = signEvent(this.crypto, this.signer, {
      v: 1,
      log: this.origin,
      seq,
      prev: last ? toHex(last.hash) : null,
      peer,
      ts: new Date(BASE_TIME + seq * 1000).toISOString(),
      kind,
      actor: 'us/duty-officer',
      body,
    });
    this.events.push(encoded);
    return encoded;
  }

  refTo(seq: number): PeerRef {
    const event = this.events[seq];
    if (!event) throw new Error(`no event ${seq}`);
    return { log: this.origin, seq, hash: toHex(event.hash) };
  }
}
