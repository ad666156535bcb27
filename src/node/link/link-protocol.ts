import { z } from 'zod';
import { fromUtf8, ParleyError, utf8 } from '../../core/index.js';

/*
 * What crosses the link: the one exchange between two nodes. Either node sends its new events,
 * says how much of the other's log it holds, offers its latest checkpoint and hands back its
 * cosignature on the other's; the answer is the same in the other direction. Events travel as
 * their canonical bytes, exactly the bytes signed and hashed, never re-serialized.
 *
 * On the wire an exchange is lines, each ending in a line feed: first a JSON header (the fields
 * below, with `events` the number of events that follow), then one line per event, each exactly
 * the event's bytes. Canonical JSON never holds a raw line feed (strings escape it, and no byte
 * of a multi-byte UTF-8 character is below 0x80), so no event needs escaping and the receiver
 * takes each event's bytes as they came: no event is decoded and encoded again on either side.
 */

/** Events per exchange: large enough to drain a backlog fast, small enough to store in one transaction. */
export const MAX_BATCH_EVENTS = 500;
/**
 * One event's bytes, at most: above the 1 MiB an API request may carry, so that every event a
 * node records can travel (an event the peer refused for its size would hold up the link for good).
 */
export const MAX_EVENT_BYTES = 2 * 1024 * 1024;
/** A sender stops adding events to an exchange once it holds this many bytes (it always holds at least one). */
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;
/** Bytes of one exchange's body: a full batch and its last, largest event, with room to spare. */
export const MAX_LINK_BODY_BYTES = 16 * 1024 * 1024;
const MAX_HEADER_BYTES = 64 * 1024;

/** The media type of an exchange, both ways. */
export const EXCHANGE_MEDIA_TYPE = 'application/vnd.parley.exchange';

const seqCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const eventCount = z.number().int().min(0).max(MAX_BATCH_EVENTS);
const note = z.string().min(1).max(16 * 1024);
const cosignature = z.strictObject({ size: seqCount, line: z.string().min(1).max(1024) });

export const syncRequestHeaderSchema = z.strictObject({
  /** How many of the sender's own-log events towards the receiver follow, consecutive, oldest first. */
  events: eventCount,
  /** How many events of the receiver's log the sender holds: the receiver answers from there. */
  have: seqCount,
  /** The sender's latest signed checkpoint of its log, for the receiver to witness. */
  checkpoint: note.nullable(),
  /** The sender's witness cosignature on the receiver's checkpoint of this size. */
  cosignature: cosignature.nullable(),
});

export const syncResponseHeaderSchema = z.strictObject({
  /** How many events of the sender's log the receiver now holds. */
  size: seqCount,
  /** How many of the receiver's own-log events from `have` on follow (its receipt among them). */
  events: eventCount,
  /** True when the receiver has more events than fit in this answer. */
  more: z.boolean(),
  checkpoint: note.nullable(),
  cosignature: cosignature.nullable(),
});

type Events = { readonly events: readonly Uint8Array[] };
export type SyncRequest = Omit<z.infer<typeof syncRequestHeaderSchema>, 'events'> & Events;
export type SyncResponse = Omit<z.infer<typeof syncResponseHeaderSchema>, 'events'> & Events;
export type CosignatureLine = z.infer<typeof cosignature>;

const LF = 0x0a;

/** How many of `events` (oldest first) one exchange carries: at most MAX_BATCH_BYTES of them, and at least one. */
export function batchLength(events: readonly { readonly bytes: Uint8Array }[]): number {
  let bytes = 0;
  for (let n = 0; n < Math.min(events.length, MAX_BATCH_EVENTS); n++) {
    bytes += events[n]!.bytes.length + 1;
    if (bytes > MAX_BATCH_BYTES && n > 0) return n;
  }
  return Math.min(events.length, MAX_BATCH_EVENTS);
}

/** The body of an exchange: its header line, then its events, a line each. */
export function encodeExchange(exchange: SyncRequest | SyncResponse): Uint8Array {
  const header = utf8(`${JSON.stringify({ ...exchange, events: exchange.events.length })}\n`);
  let length = header.length;
  for (const event of exchange.events) length += event.length + 1;
  const body = new Uint8Array(length);
  body.set(header, 0);
  let at = header.length;
  for (const event of exchange.events) {
    body.set(event, at);
    at += event.length;
    body[at++] = LF;
  }
  return body;
}

/**
 * Cuts an exchange body into its header, checked with `schema`, and its events' bytes (views on
 * the body, not copies). Only the framing is checked here; each event is checked as an event
 * where it is taken in. A failure names what is wrong (E_REQUEST_MALFORMED).
 */
export function decodeExchange<H extends { events: number }>(body: Uint8Array, schema: z.ZodType<H>, what: string): { header: H; events: Uint8Array[] } {
  const malformed = (why: string) => new ParleyError('E_REQUEST_MALFORMED', `The ${what} is not valid: ${why}.`);
  const headerEnd = body.indexOf(LF);
  if (headerEnd < 0 || headerEnd > MAX_HEADER_BYTES) throw malformed(`it must begin with a JSON header line of at most ${MAX_HEADER_BYTES} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(fromUtf8(body.subarray(0, headerEnd)));
  } catch {
    throw malformed('its header line is not JSON');
  }
  const header = parseWith(schema, json, what);
  const events: Uint8Array[] = [];
  for (let at = headerEnd + 1; at < body.length; ) {
    const end = body.indexOf(LF, at);
    if (end < 0) throw malformed(`its last line does not end in a line feed`);
    if (end === at) throw malformed(`line ${events.length + 2} is empty`);
    if (end - at > MAX_EVENT_BYTES) throw malformed(`event ${events.length + 1} is longer than ${MAX_EVENT_BYTES} bytes`);
    events.push(new Uint8Array(body.buffer, body.byteOffset + at, end - at));
    at = end + 1;
  }
  if (events.length !== header.events) throw malformed(`its header announces ${header.events} events and ${events.length} follow`);
  return { header, events };
}

/** Parses with a schema; a failure names every field that is wrong. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const why = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  throw new ParleyError('E_REQUEST_MALFORMED', `The ${what} is not valid: ${why}.`);
}
