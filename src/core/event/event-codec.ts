import { fromBase64, fromUtf8, ScratchBytes, toBase64, toHex, utf8 } from '../bytes.js';
import type { CryptoSuite, Signer } from '../crypto/index.js';
import { ParleyError } from '../errors/index.js';
import { canonicalJson, isCanonicalJsonBytes, isCanonicalText } from '../json/index.js';
import { EVENT_SIGNING_PREFIX, type EncodedEvent, type SignedEvent, type UnsignedEvent } from './event-types.js';
import { parseSignedEvent, parseUnsignedEvent } from './event-schema.js';

const PREFIX_BYTES = utf8(EVENT_SIGNING_PREFIX);

export function signEvent(crypto: CryptoSuite, signer: Signer, unsigned: UnsignedEvent): EncodedEvent {
  const checked = parseUnsignedEvent(unsigned);
  const unsignedText = canonicalJson(checked);
  // The signed message is built in a scratch buffer (the signer keeps nothing of it) and the
  // event's bytes are copied out of it with the sig member put in: one allocation per event, not three.
  // The bytes an event signature covers: the domain prefix, then JCS of the event without `sig`.
  const message = scratch.take(PREFIX_BYTES.length + unsignedText.length * 3);
  message.set(PREFIX_BYTES, 0);
  const unsignedLength = encoder.encodeInto(unsignedText, message.subarray(PREFIX_BYTES.length)).written;
  const unsignedBytes = message.subarray(PREFIX_BYTES.length, PREFIX_BYTES.length + unsignedLength);
  const sig = toBase64(signer.sign(message.subarray(0, PREFIX_BYTES.length + unsignedLength)));
  const event: SignedEvent = { ...checked, sig };
  // The signed form is the unsigned canonical text with `"sig"` put in its sorted place, just
  // before the top-level `"ts"` (the last `,"ts":"` in the text: only ts and v follow it), the
  // inverse of signedMessageOf below; serializing the whole event again would cost as much as
  // the first serialization. The member is ASCII, so in the bytes it is found by searching them.
  const at = unsignedText.lastIndexOf(TS_MEMBER);
  const byteAt = unsignedLength === unsignedText.length ? at : lastIndexOfAscii(unsignedBytes, TS_MEMBER);
  const member = `,"sig":"${sig}"`;
  const text = `${unsignedText.slice(0, at)}${member}${unsignedText.slice(at)}`;
  const bytes = new Uint8Array(unsignedLength + member.length);
  bytes.set(unsignedBytes.subarray(0, byteAt), 0);
  encoder.encodeInto(member, bytes.subarray(byteAt));
  bytes.set(unsignedBytes.subarray(byteAt), byteAt + member.length);
  return { event, text, bytes, hash: crypto.sha256(bytes) };
}

const encoder = new TextEncoder();
const TS_MEMBER = ',"ts":"';
const scratch = new ScratchBytes(64 * 1024);

/**
 * The signed message, cut out of the event's canonical bytes rather than re-serialized.
 * In canonical form the top-level members are sorted (actor, body, kind, log, peer, prev, seq,
 * sig, ts, v), so the top-level `"sig"` member is the LAST occurrence of `,"sig":"<value>"`: only
 * `ts` (a validated timestamp) and `v` follow it. Removing one member from a canonical object
 * leaves it canonical, so the rest is exactly JCS(event without sig). The member is ASCII, so
 * its byte offset is found by searching the bytes, and no text is encoded again.
 */
function signedMessageOf(bytes: Uint8Array, text: string, sig: string, inScratch = false): Uint8Array {
  const length = signedMessageLengthOf(bytes, sig);
  // In the scratch buffer when only a signature check reads it, at once (no allocation per event).
  const out = inScratch ? scratch.take(length).subarray(0, length) : new Uint8Array(length);
  writeMessage(bytes, text, sig, out, 0);
  return out;
}

const sigMemberLength = (sig: string): number => ',"sig":"'.length + sig.length + 1;
const signedMessageLengthOf = (bytes: Uint8Array, sig: string): number => PREFIX_BYTES.length + bytes.length - sigMemberLength(sig);

function writeMessage(bytes: Uint8Array, text: string, sig: string, out: Uint8Array, offset: number): number {
  const member = `,"sig":"${sig}"`;
  const at = text.length === bytes.length ? text.lastIndexOf(member) : lastIndexOfAscii(bytes, member);
  out.set(PREFIX_BYTES, offset);
  out.set(bytes.subarray(0, at), offset + PREFIX_BYTES.length);
  out.set(bytes.subarray(at + member.length), offset + PREFIX_BYTES.length + at);
  return signedMessageLengthOf(bytes, sig);
}

/** The length of a decoded event's signed message. */
export const signedMessageLength = (decoded: DecodedEvent): number => signedMessageLengthOf(decoded.bytes, decoded.event.sig);

/**
 * Writes a decoded event's signed message into `out` at `offset` and returns its length: for a
 * caller that checks the signatures of many events at once, elsewhere, from one buffer.
 */
export const writeSignedMessage = (decoded: DecodedEvent, out: Uint8Array, offset: number): number =>
  writeMessage(decoded.bytes, decoded.text, decoded.event.sig, out, offset);

/** A decoded event's signature, as bytes. */
export const signatureOf = (decoded: DecodedEvent): Uint8Array => fromBase64(decoded.event.sig, 64);

function lastIndexOfAscii(bytes: Uint8Array, needle: string): number {
  outer: for (let i = bytes.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export interface DecodedEvent extends EncodedEvent {
  /** The bytes the signature covers (made when read). */
  readonly signedMessage: Uint8Array;
}

/** Parse one event from its canonical bytes: JSON, shape, canonical form. No signature check. */
export function decodeEvent(crypto: CryptoSuite, input: Uint8Array | string): DecodedEvent {
  let text: string;
  let value: unknown;
  try {
    text = typeof input === 'string' ? input : fromUtf8(input);
    value = JSON.parse(text);
  } catch {
    throw new ParleyError('E_EVENT_MALFORMED', 'The event is not valid UTF-8 JSON.');
  }
  const event = parseSignedEvent(value);
  // Bytes are checked by one scan over them, about three times faster than serializing the value again.
  if (!(typeof input === 'string' ? isCanonicalText(text, value) : isCanonicalJsonBytes(input))) {
    throw new ParleyError('E_EVENT_NOT_CANONICAL', 'The event bytes are not its RFC 8785 canonical form.', { seq: event.seq });
  }
  const bytes = typeof input === 'string' ? utf8(input) : input;
  const hash = crypto.sha256(bytes);
  return {
    event, text, bytes, hash,
    get signedMessage() {
      return signedMessageOf(bytes, text, event.sig);
    },
  };
}

/** Decode and verify an event as a member of `expectedLog`, signed by `publicKey`. */
export function verifyEvent(crypto: CryptoSuite, input: Uint8Array | string, publicKey: Uint8Array, expectedLog: string): DecodedEvent {
  const decoded = decodeEventOfLog(crypto, input, expectedLog);
  const { event } = decoded;
  if (!crypto.ed25519.verify(publicKey, signedMessageOf(decoded.bytes, decoded.text, event.sig, true), signatureOf(decoded))) throw signatureRefusal(decoded);
  return decoded;
}

/** Everything `verifyEvent` checks but the signature: decoded, and a member of `expectedLog`. */
export function decodeEventOfLog(crypto: CryptoSuite, input: Uint8Array | string, expectedLog: string): DecodedEvent {
  const decoded = decodeEvent(crypto, input);
  const { event } = decoded;
  if (event.log !== expectedLog) {
    throw new ParleyError('E_EVENT_WRONG_LOG', `Event ${event.seq} belongs to log "${event.log}", not "${expectedLog}".`, { seq: event.seq });
  }
  return decoded;
}

/** The refusal of an event whose signature does not verify. */
export function signatureRefusal({ event }: DecodedEvent): ParleyError {
  return new ParleyError('E_EVENT_SIGNATURE_INVALID', `The signature of event ${event.seq} of ${event.log} does not verify.`, { seq: event.seq });
}

export const eventHashHex = (encoded: EncodedEvent): string => toHex(encoded.hash);
