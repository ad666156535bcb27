import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, fromBase64, pureCrypto, toBase64, utf8 } from '../index.js';
import { EventLineFields, decodeEvent, eventLineContext, scanEventLine } from './index.js';

const LOG = 'washington.parley.example/beijing';
const PEER = 'beijing.parley.example/washington';
const context = eventLineContext(LOG, PEER);
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);

/** What the full decoder says of a line, reduced to the fields the fast path reports; null where it refuses. */
interface Fields { seq: number; ts: number; peerSeq: number; signature: Uint8Array; prev: string | null; peerHash: string | null }

function reference(line: Uint8Array): Fields | null {
  try {
    const { event } = decodeEvent(pureCrypto, line);
    if (event.log !== LOG || (event.peer && event.peer.log !== PEER)) return null;
    return {
      seq: event.seq, ts: Date.parse(event.ts), peerSeq: event.peer ? event.peer.seq : -1, signature: fromBase64(event.sig, 64),
      prev: event.prev, peerHash: event.peer ? event.peer.hash : null,
    };
  } catch {
    return null;
  }
}

function fast(line: Uint8Array): Fields | null {
  const f = new EventLineFields();
  if (!scanEventLine(line, context, f)) return null;
  const hexAt = (at: number): string | null => (at < 0 ? null : new TextDecoder().decode(line.subarray(at, at + 64)));
  return { seq: f.seq, ts: f.ts, peerSeq: f.peerSeq, signature: f.signature, prev: hexAt(f.prevAt), peerHash: hexAt(f.peerHashAt) };
}

// Events that are mostly well-formed, with the edge cases of each field: seq 0, long and non-ASCII
// actors, odd kinds, dates at the end of months and years, references to this log's peer and others.
const eventArb = fc.record({
  v: fc.constantFrom(1, 1, 1, 2),
  log: fc.constantFrom(LOG, LOG, LOG, PEER, 'washington.parley.example/beijing ', 'a+b'),
  seq: fc.oneof(fc.constant(0), fc.nat(), fc.constantFrom(9007199254740991, 123456789012345)),
  prev: fc.option(hex64, { freq: 4 }),
  peer: fc.option(fc.record({ log: fc.constantFrom(PEER, PEER, LOG, 'moscow/x'), seq: fc.nat(), hash: hex64 }), { freq: 2 }),
  ts: fc.oneof(
    fc.date({ min: new Date(Date.UTC(1, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString()),
    fc.constantFrom('2024-02-29T23:59:59.999Z', '2023-02-29T00:00:00.000Z', '2024-04-31T00:00:00.000Z', '2024-01-01T24:00:00.000Z', '0099-01-01T00:00:00.000Z', '2024-13-01T00:00:00.000Z'),
  ),
  kind: fc.oneof(fc.constantFrom('message.sent', 'a', 'a.b_2.c', 'a.', '.a', 'A.b', 'a..b', 'x'.repeat(64), 'x'.repeat(65)), fc.string({ maxLength: 8 })),
  actor: fc.oneof(fc.constantFrom('us/duty-officer', '', 'é'.repeat(120), 'a'.repeat(200), 'a'.repeat(201), '值'.repeat(70)), fc.string({ unit: 'binary', maxLength: 20 })),
  body: fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 3 })), fc.constantFrom({ sig: 'x', inner: { sig: 'y' } }, { '1': 1, a: 2 })),
  sig: fc.oneof(fc.uint8Array({ minLength: 64, maxLength: 64 }).map(toBase64), fc.constantFrom('A'.repeat(85) + 'B==', 'A'.repeat(86) + '=')),
});

const fixPrev = (e: Record<string, unknown>, on: boolean): Record<string, unknown> => (on ? { ...e, prev: e.seq === 0 ? null : (e.prev ?? 'ab'.repeat(32)) } : e);

const SPELLINGS = [' ', '\\u0041', '1.0', '"', ',', '{}', '\\/', 'null', '0', ',"x":1', '\ufeff', 'é'];

describe('the single-pass event scan', () => {
  it('accepts only lines the full decoder accepts, with the same fields, and accepts the ordinary ones', () => {
    let accepted = 0;
    fc.assert(
      fc.property(eventArb, fc.boolean(), (raw, consistent) => {
        let text: string;
        try {
          text = canonicalJson(fixPrev(raw, consistent));
        } catch {
          return; // a lone surrogate: not an event anyone can write
        }
        const line = utf8(text);
        const slow = reference(line);
        const quick = fast(line);
        if (quick) {
          accepted++;
          expect(quick).toEqual(slow);
        } else if (slow && utf8(raw.actor).length <= 200) {
          // Beside long actors, the fast path declines a good event only for a seq of more than 15 digits.
          expect(raw.seq).toBeGreaterThan(999_999_999_999_999);
        }
      }),
      { numRuns: 4000 },
    );
    expect(accepted).toBeGreaterThan(20); // the fast path is exercised, not only declined
  });

  it('never accepts an edited line the full decoder refuses', () => {
    fc.assert(
      fc.property(eventArb, fc.nat(), fc.constantFrom(...SPELLINGS), fc.boolean(), fc.integer({ min: 0, max: 255 }), (raw, at, spelling, replace, byte) => {
        let text: string;
        try {
          text = canonicalJson(fixPrev(raw, true));
        } catch {
          return;
        }
        const i = at % (text.length + 1);
        for (const line of [utf8(text.slice(0, i) + spelling + text.slice(replace ? i + 1 : i)), Uint8Array.from(utf8(text), (b, j) => (j === i ? byte : b))]) {
          const quick = fast(line);
          if (quick) expect(quick).toEqual(reference(line));
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('takes nothing from a log whose name is not an origin', () => {
    const line = utf8(canonicalJson({ actor: 'a', body: {}, kind: 'k', log: 'a b', peer: null, prev: null, seq: 0, sig: 'A'.repeat(86) + '==', ts: '2024-01-01T00:00:00.000Z', v: 1 }));
    expect(scanEventLine(line, eventLineContext('a b', PEER), new EventLineFields())).toBe(false);
  });
});
