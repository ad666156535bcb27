import { base64 } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, isHexOf, toBase64, toHex } from './bytes.js';

/** What the reference implementation makes of `text`: its bytes, or null where it refuses. */
function reference(text: string): Uint8Array | null {
  try {
    return base64.decode(text);
  } catch {
    return null;
  }
}

function ours(text: string): Uint8Array | null {
  try {
    return fromBase64(text);
  } catch (error) {
    expect(error).toMatchObject({ code: 'E_ENCODING_INVALID' });
    return null;
  }
}

describe('base64 (RFC 4648 §4)', () => {
  it('spells the RFC 4648 §10 test vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [text, spelled] of vectors) {
      expect(toBase64(new TextEncoder().encode(text))).toBe(spelled);
      expect(new TextDecoder().decode(fromBase64(spelled))).toBe(text);
    }
  });

  it('encodes any bytes as the reference implementation does, and decodes them back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(base64.encode(bytes));
        expect(fromBase64(text)).toEqual(bytes);
      }),
      { numRuns: 2_000 },
    );
  });

  it('accepts exactly what the reference accepts among near-miss spellings, with the same bytes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    // Spellings of valid ones with one character changed, cut or added: wrong padding, stray
    // characters, non-zero trailing bits, padding in the middle.
    const edits = fc.tuple(fc.uint8Array({ maxLength: 40 }), fc.nat(), fc.constantFrom(...`${alphabet}=-_ \n\u00e9`), fc.constantFrom('replace', 'insert', 'delete'));
    fc.assert(
      fc.property(edits, ([bytes, at, char, edit]) => {
        const valid = toBase64(bytes);
        const i = valid.length === 0 ? 0 : at % valid.length;
        const text = edit === 'replace' ? valid.slice(0, i) + char + valid.slice(i + 1) : edit === 'insert' ? valid.slice(0, i) + char + valid.slice(i) : valid.slice(0, i) + valid.slice(i + 1);
        expect(ours(text)).toEqual(reference(text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses a signature of the wrong length with the expected length named', () => {
    expect(() => fromBase64(toBase64(new Uint8Array(63)), 64)).toThrow('Expected 64 bytes of base64, got 63.');
  });
});

describe('hex comparison', () => {
  it('matches exactly the lowercase spelling of the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.nat(), fc.constantFrom(...'0123456789abcdefABCDEFg \u0100'), (bytes, at, char) => {
        const hex = toHex(bytes);
        expect(isHexOf(hex, bytes)).toBe(true);
        const i = hex.length === 0 ? 0 : at % hex.length;
        const edited = hex.slice(0, i) + char + hex.slice(i + 1);
        expect(isHexOf(edited, bytes)).toBe(edited === hex);
        expect(isHexOf(hex + '0', bytes)).toBe(false);
      }),
      { numRuns: 5_000 },
    );
  });
});
