import canonicalize from 'canonicalize';
import { fromUtf8, utf8 } from '../bytes.js';
import { ParleyError } from '../errors/index.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

const SLOW = Symbol('slow path');
const INDEX_KEY = /^(?:0|[1-9]\d*)$/;

/**
 * A copy of a plain JSON value whose objects have their keys inserted in sorted order, or SLOW
 * when the copy would not serialize canonically: integer-like keys (V8 enumerates them first,
 * numerically, not in insertion order), numbers JSON cannot carry, and anything that is not
 * plain data (toJSON, class instances, undefined).
 */
function sortedCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : SLOW;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out = new Array<unknown>(value.length);
        for (let i = 0; i < value.length; i++) if ((out[i] = sortedCopy(value[i])) === SLOW) return SLOW;
        return out;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return SLOW;
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      // Default sort order is UTF-16 code unit order, as RFC 8785 §3.2.3 asks.
      for (const key of Object.keys(value).sort()) {
        if (INDEX_KEY.test(key)) return SLOW;
        if ((out[key] = sortedCopy((value as Record<string, unknown>)[key])) === SLOW) return SLOW;
      }
      return out;
    }
    default:
      return SLOW;
  }
}

/**
 * RFC 8785 (JCS) text of a value.
 *
 * Fast path: §3.2.2 defines strings and numbers as ECMAScript's JSON.stringify writes them, so
 * once every object's keys are in sorted order the native serializer writes the canonical text.
 * A lone surrogate comes out escaped (`\udXXX`), which JCS refuses: any such escape (or a
 * backslash that merely looks like one) and everything the copy declines go through the
 * reference implementation, which decides or throws.
 */
export function canonicalJson(value: unknown): string {
  const sorted = sortedCopy(value);
  if (sorted !== SLOW) {
    const fast = JSON.stringify(sorted);
    if (!fast.includes('\\ud')) return fast;
  }
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (cause) {
    throw new ParleyError('E_JSON_UNSUPPORTED_VALUE', `Cannot canonicalize: ${(cause as Error).message}.`);
  }
  if (text === undefined) throw new ParleyError('E_JSON_UNSUPPORTED_VALUE', 'Cannot canonicalize undefined.');
  return text;
}

export const canonicalBytes = (value: unknown): Uint8Array => utf8(canonicalJson(value));

function keysSorted(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (Array.isArray(value)) return value.every(keysSorted);
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) return false;
  return keys.every((k) => keysSorted((value as Record<string, unknown>)[k]));
}

/**
 * Whether `text` is exactly the canonical form of `value` (which must be `JSON.parse(text)`).
 *
 * Fast path, used on every event the verifier reads: RFC 8785 §3.2.2 defines string and number
 * serialization as ECMAScript's JSON.stringify does it, so when the parsed object's keys are
 * already in UTF-16 code-unit order (§3.2.3) — JSON.parse keeps input order for ordinary keys —
 * the native JSON.stringify output is the canonical text. Anything the fast path cannot decide
 * takes the slow path through the reference implementation: integer-like keys (which V8
 * enumerates numerically, not in input order) and lone surrogates (escaped by JSON.stringify,
 * refused by JCS).
 */
export function isCanonicalText(text: string, value: unknown): boolean {
  if (JSON.stringify(value) === text && keysSorted(value) && !text.includes('\\ud')) return true;
  try {
    return canonicalize(value) === text;
  } catch {
    return false;
  }
}

/** Parse bytes that must already be canonical JSON; anything else is refused. */
export function parseCanonical(bytes: Uint8Array | string): JsonValue {
  let text: string;
  let value: JsonValue;
  try {
    text = typeof bytes === 'string' ? bytes : fromUtf8(bytes);
    value = JSON.parse(text) as JsonValue;
  } catch {
    throw new ParleyError('E_JSON_NOT_CANONICAL', 'The bytes are not valid UTF-8 JSON.');
  }
  if (!isCanonicalText(text, value)) {
    throw new ParleyError('E_JSON_NOT_CANONICAL', 'The JSON is valid but not in RFC 8785 canonical form.');
  }
  return value;
}
