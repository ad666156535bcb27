import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, fromUtf8, pureCrypto, toHex, utf8 } from '../index.js';
import { decodeEvent, signEvent, verifyEvent, EVENT_SIGNING_PREFIX, type UnsignedEvent } from './index.js';
import { TestLog, testSeed } from '../../test-support/event-factory.js';

const crypto = pureCrypto;
const signer = crypto.ed25519Signer(testSeed(1));
const stranger = crypto.ed25519Signer(testSeed(2));
const ORIGIN = 'washington.parley.example/beijing';

const base: UnsignedEvent = {
  v: 1, log: ORIGIN, seq: 0, prev: null, peer: null, ts: '2023-12-21T13:00:00.000Z', kind: 'message.sent', actor: 'us/duty-officer',
  body: { precedence: 'FLASH', text: '请确认 — please acknowledge', n: 10 },
};

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return undefined;
};

describe('events', () => {
  it('signs over the domain prefix and JCS of the event without sig, and verifies', () => {
    const encoded = signEvent(crypto, signer, base);
    const unsignedText = JSON.stringify({ actor: base.actor, body: { n: 10, precedence: 'FLASH', text: base.body.text }, kind: base.kind, log: ORIGIN, peer: null, prev: null, seq: 0, ts: base.ts, v: 1 });
    const message = utf8(EVENT_SIGNING_PREFIX + unsignedText);
    expect(crypto.ed25519.verify(signer.publicKey, message, Buffer.from(encoded.event.sig, 'base64'))).toBe(true);
    expect(encoded.text).toBe(unsignedText.replace(',"ts":', `,"sig":"${encoded.event.sig}","ts":`));
    expect(toHex(encoded.hash)).toBe(toHex(crypto.sha256(encoded.bytes)));
    const verified = verifyEvent(crypto, encoded.bytes, signer.publicKey, ORIGIN);
    expect(verified.event).toEqual(encoded.event);
    expect(fromUtf8(verified.signedMessage)).toBe(EVENT_SIGNING_PREFIX + unsignedText);
  });

  it('puts sig in its canonical place whatever the body holds (even members named ts or sig)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ unit: 'binary' }), fc.jsonValue({ maxDepth: 3 })), fc.constantFrom('ts', 'sig', 'v'), (body, extra) => {
        const withTricks = { ...body, [extra]: ',"ts":"x"' };
        const encoded = signEvent(crypto, signer, { ...base, body: withTricks as never });
        // The bytes are exactly the text's UTF-8, whatever characters the body holds, and they verify.
        return encoded.text === canonicalJson(encoded.event) && toHex(encoded.bytes) === toHex(utf8(encoded.text)) && verifyEvent(crypto, encoded.bytes, signer.publicKey, ORIGIN).event.sig === encoded.event.sig;
      }),
      { numRuns: 200 },
    );
  });

  it('finds the top-level sig even when the body has a member named sig', () => {
    const encoded = signEvent(crypto, signer, { ...base, body: { sig: 'x', inner: { sig: 'y' } } });
    expect(() => verifyEvent(crypto, encoded.text, signer.publicKey, ORIGIN)).not.toThrow();
  });

  it('refuses each kind of bad event with its own code', () => {
    const good = signEvent(crypto, signer, base);
    const { sig: _sig, ...unsigned } = good.event;
    const cases: Array<[string, string, string | Uint8Array]> = [
      ['not JSON', 'E_EVENT_MALFORMED', '{"v":1'],
      ['not UTF-8', 'E_EVENT_MALFORMED', Uint8Array.from([0x7b, 0xff, 0x7d])],
      // Decoding must not drop a leading byte order mark: the bytes, not a tidied text, are the event.
      ['bytes after a byte order mark', 'E_EVENT_MALFORMED', Uint8Array.from([0xef, 0xbb, 0xbf, ...good.bytes])],
      ['an array', 'E_EVENT_MALFORMED', '[]'],
      ['missing sig', 'E_EVENT_UNSIGNED', JSON.stringify(unsigned)],
      ['an unknown field', 'E_EVENT_MALFORMED', good.text.replace('{"actor"', '{"a":1,"actor"')],
      ['negative seq', 'E_EVENT_MALFORMED', good.text.replace('"seq":0', '"seq":-1')],
      ['prev at seq 0', 'E_EVENT_MALFORMED', good.text.replace('"prev":null', `"prev":"${'a'.repeat(64)}"`)],
      ['local time', 'E_EVENT_MALFORMED', good.text.replace('13:00:00.000Z', '13:00:00+08:00')],
      ['spaces', 'E_EVENT_NOT_CANONICAL', good.text.replace('"v":1', '"v": 1')],
      ['reordered keys', 'E_EVENT_NOT_CANONICAL', good.text.replace('"kind":"message.sent","log"', '"log"').replace('"peer"', '"kind":"message.sent","peer"')],
      ['an altered body', 'E_EVENT_SIGNATURE_INVALID', good.text.replace('FLASH', 'FLASK')],
      ['a stranger\'s signature', 'E_EVENT_SIGNATURE_INVALID', signEvent(crypto, stranger, base).text],
    ];
    for (const [what, code, input] of cases) {
      expect(codeOf(() => verifyEvent(crypto, input, signer.publicKey, ORIGIN)), what).toBe(code);
      // Bytes are checked for canonical form by another path (a scan): the same answer.
      if (typeof input === 'string') expect(codeOf(() => verifyEvent(crypto, utf8(input), signer.publicKey, ORIGIN)), `${what}, as bytes`).toBe(code);
    }
    expect(codeOf(() => verifyEvent(crypto, good.text, signer.publicKey, 'beijing.parley.example/washington'))).toBe('E_EVENT_WRONG_LOG');
  });

  it('refuses to sign a malformed event', () => {
    expect(codeOf(() => signEvent(crypto, signer, { ...base, seq: 1 }))).toBe('E_EVENT_MALFORMED');
    expect(codeOf(() => signEvent(crypto, signer, { ...base, kind: 'Bad Kind' }))).toBe('E_EVENT_MALFORMED');
  });

  it('a flipped bit anywhere in the bytes never verifies', () => {
    const log = new TestLog(crypto, signer, ORIGIN);
    log.append();
    const encoded = log.append({ text: 'second' }, null);
    for (let i = 0; i < encoded.bytes.length; i++) {
      const bytes = Uint8Array.from(encoded.bytes);
      bytes[i]! ^= 1 << (i % 8);
      expect(codeOf(() => verifyEvent(crypto, bytes, signer.publicKey, ORIGIN)), `byte ${i}`).toMatch(/^E_EVENT_/);
    }
    expect(decodeEvent(crypto, encoded.bytes).event.seq).toBe(1);
  });
});
