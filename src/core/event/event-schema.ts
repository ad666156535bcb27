import { ParleyError } from '../errors/index.js';
import { EVENT_VERSION, type SignedEvent, type UnsignedEvent } from './event-types.js';

const HASH_HEX = /^[0-9a-f]{64}$/;
// RFC 3339 in UTC with exactly three fractional digits: one spelling per instant.
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// Origins follow C2SP tlog-checkpoint: a non-empty line, no spaces or '+' (it would break vkeys).
const ORIGIN = /^[^\s+]{1,255}$/;
const KIND = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const SIG_B64 = /^[A-Za-z0-9+/]{86}==$/;
const UNSIGNED_FIELDS = ['actor', 'body', 'kind', 'log', 'peer', 'prev', 'seq', 'ts', 'v'];
const SIGNED_FIELDS = [...UNSIGNED_FIELDS, 'sig'].sort();

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isSeq = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isString = (value: unknown, pattern: RegExp, max = 1024): value is string => typeof value === 'string' && value.length <= max && pattern.test(value);

/** Whether `value` may be a log's origin, and so the `log` of an event or of a peer reference. */
export const isLogOrigin = (value: unknown): value is string => isString(value, ORIGIN);

/**
 * The first thing wrong with an event's shape, or null. Written out by hand rather than with a
 * schema library because the verifier runs it on every one of a million events; each message
 * names the field, so a producer knows what to fix.
 */
function shapeProblem(e: Record<string, unknown>, fields: readonly string[]): string | null {
  const keys = Object.keys(e);
  const unknown = keys.find((k) => !fields.includes(k));
  if (unknown !== undefined) return `unknown field "${unknown}"`;
  const missing = fields.find((k) => !(k in e));
  if (missing !== undefined) return `missing field "${missing}"`;
  if (e.v !== EVENT_VERSION) return `v must be ${EVENT_VERSION}`;
  if (!isLogOrigin(e.log)) return 'log must be a log origin (no spaces or "+")';
  if (!isSeq(e.seq)) return 'seq must be a whole number from 0';
  if (e.seq === 0 ? e.prev !== null : !isString(e.prev, HASH_HEX)) return 'prev must be null at seq 0 and a lowercase hex SHA-256 after it';
  if (e.peer !== null) {
    const p = e.peer;
    if (!isObject(p) || Object.keys(p).length !== 3 || !isLogOrigin(p.log) || !isSeq(p.seq) || !isString(p.hash, HASH_HEX)) {
      return 'peer must be null or {log, seq, hash}';
    }
  }
  if (!isString(e.ts, TIMESTAMP) || Number.isNaN(Date.parse(e.ts))) return 'ts must be UTC like 2023-12-21T13:00:00.000Z';
  if (!isString(e.kind, KIND, 64)) return 'kind must be dotted lowercase words, like message.sent';
  if (typeof e.actor !== 'string' || e.actor.length === 0 || e.actor.length > 200) return 'actor must be a non-empty string of at most 200 characters';
  if (!isObject(e.body)) return 'body must be a JSON object';
  if ('sig' in e && !isString(e.sig, SIG_B64)) return 'sig must be a base64 Ed25519 signature';
  return null;
}

function check(value: unknown, fields: readonly string[]): void {
  const problem = isObject(value) ? shapeProblem(value, fields) : 'an event is a JSON object';
  if (problem) throw new ParleyError('E_EVENT_MALFORMED', `Malformed event: ${problem}.`);
}

export function parseUnsignedEvent(value: unknown): UnsignedEvent {
  check(value, UNSIGNED_FIELDS);
  return value as UnsignedEvent;
}

/** Shape check of a signed event; a missing `sig` gets its own code, since "unsigned" and "garbled" call for different action. */
export function parseSignedEvent(value: unknown): SignedEvent {
  if (isObject(value) && !('sig' in value)) throw new ParleyError('E_EVENT_UNSIGNED', 'The event carries no signature (no "sig" field).');
  check(value, SIGNED_FIELDS);
  return value as SignedEvent;
}
