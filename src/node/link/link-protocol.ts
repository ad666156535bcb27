import { z } from 'zod';
import { ParleyError } from '../../core/index.js';

/*
 * What crosses the link: the one exchange between two nodes. Either node sends its new events,
 * says how much of the other's log it holds, offers its latest checkpoint and hands back its
 * cosignature on the other's; the answer is the same in the other direction. Events travel as
 * their canonical text, exactly the bytes signed and hashed, never re-serialized.
 */

/** Events per exchange: large enough to drain a backlog fast, small enough to store in one transaction. */
export const MAX_BATCH_EVENTS = 500;
/** Bytes of one exchange's body: 500 events of up to 16 KiB, with room to spare. */
export const MAX_LINK_BODY_BYTES = 16 * 1024 * 1024;
const MAX_EVENT_CHARS = 256 * 1024;

const eventText = z.string().min(2).max(MAX_EVENT_CHARS);
const seqCount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const note = z.string().min(1).max(16 * 1024);
const cosignature = z.strictObject({ size: seqCount, line: z.string().min(1).max(1024) });

export const syncRequestSchema = z.strictObject({
  /** The sender's own-log events towards the receiver, consecutive, oldest first. */
  events: z.array(eventText).max(MAX_BATCH_EVENTS),
  /** How many events of the receiver's log the sender holds: the receiver answers from there. */
  have: seqCount,
  /** The sender's latest signed checkpoint of its log, for the receiver to witness. */
  checkpoint: note.nullable(),
  /** The sender's witness cosignature on the receiver's checkpoint of this size. */
  cosignature: cosignature.nullable(),
});

export const syncResponseSchema = z.strictObject({
  /** How many events of the sender's log the receiver now holds. */
  size: seqCount,
  /** The receiver's own-log events from `have` on (its receipt among them). */
  events: z.array(eventText).max(MAX_BATCH_EVENTS),
  /** True when the receiver has more events than fit in this answer. */
  more: z.boolean(),
  checkpoint: note.nullable(),
  cosignature: cosignature.nullable(),
});

export type SyncRequest = z.infer<typeof syncRequestSchema>;
export type SyncResponse = z.infer<typeof syncResponseSchema>;
export type CosignatureLine = z.infer<typeof cosignature>;

/** Parses with a schema; a failure names every field that is wrong. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const why = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
  throw new ParleyError('E_REQUEST_MALFORMED', `The ${what} is not valid: ${why}.`);
}
