import { z } from 'zod';
import { ParleyError } from '../errors/index.js';
import { EVENT_VERSION, type SignedEvent, type UnsignedEvent } from './event-types.js';

const HASH_HEX = /^[0-9a-f]{64}$/;
// RFC 3339 in UTC with exactly three fractional digits: one spelling per instant.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// Origins follow C2SP tlog-checkpoint: a non-empty line, no spaces or '+' (it would break vkeys).
const ORIGIN = /^[^\s+]{1,255}$/;
const KIND = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const SIG_B64 = /^[A-Za-z0-9+/]{86}==$/;

const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const peerRef = z.strictObject({ log: z.string().regex(ORIGIN), seq, hash: z.string().regex(HASH_HEX) });

const fields = {
  v: z.literal(EVENT_VERSION),
  log: z.string().regex(ORIGIN),
  seq,
  prev: z.string().regex(HASH_HEX).nullable(),
  peer: peerRef.nullable(),
  ts: z.string().regex(TIMESTAMP).refine((ts) => !Number.isNaN(Date.parse(ts)), 'not a real date'),
  kind: z.string().max(64).regex(KIND),
  actor: z.string().min(1).max(200),
  body: z.record(z.string(), z.unknown()),
};

const unsignedSchema = z.strictObject(fields).refine((e) => (e.seq === 0) === (e.prev === null), {
  message: 'prev must be null exactly at seq 0',
  path: ['prev'],
});
const signedSchema = z.strictObject({ ...fields, sig: z.string().regex(SIG_B64) }).refine((e) => (e.seq === 0) === (e.prev === null), {
  message: 'prev must be null exactly at seq 0',
  path: ['prev'],
});

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`).join('; ');
}

export function parseUnsignedEvent(value: unknown): UnsignedEvent {
  const result = unsignedSchema.safeParse(value);
  if (!result.success) throw new ParleyError('E_EVENT_MALFORMED', `Malformed event: ${describe(result.error)}.`);
  return result.data as UnsignedEvent;
}

/** Shape check of a signed event; a missing `sig` gets its own code, since "unsigned" and "garbled" call for different action. */
export function parseSignedEvent(value: unknown): SignedEvent {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && !('sig' in value)) {
    throw new ParleyError('E_EVENT_UNSIGNED', 'The event carries no signature (no "sig" field).');
  }
  const result = signedSchema.safeParse(value);
  if (!result.success) throw new ParleyError('E_EVENT_MALFORMED', `Malformed event: ${describe(result.error)}.`);
  return result.data as SignedEvent;
}
