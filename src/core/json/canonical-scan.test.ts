import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { readFileSync, readdirSync } from 'node:fs';
import { canonicalJson, isCanonicalJsonBytes } from './index.js';
import { vectorPath } from '../../test-support/vectors.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The definition the scanner must meet: the bytes decode strictly, parse, and re-serialize to themselves. */
function reference(bytes: Uint8Array): boolean {
  try {
    const text = strict.decode(bytes);
    return canonicalize(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}

const agree = (bytes: Uint8Array): void => {
  expect(isCanonicalJsonBytes(bytes), Buffer.from(bytes).toString('hex')).toBe(reference(bytes));
};

// Values with the spellings JSON allows several of: numbers, escapes, non-BMP and private-use characters, names that sort differently as UTF-16 and as code points.
const tricky = fc.oneof(
  fc.jsonValue(),
  fc.string({ unit: 'binary' }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.dictionary(fc.string({ unit: 'binary', maxLength: 3 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 }),
  // Names that sort one way as UTF-16 code units and another as code points (U+E000 up against a surrogate pair).
  fc.dictionary(fc.string({ unit: fc.constantFrom('a', '\u00e9', '\ue000', '\uffff', '\u{10000}', '\u{1f600}', '\n'), maxLength: 3 }), fc.constant(0), { maxKeys: 5 }),
  fc.constantFrom({ '\ue000': 1, '\u{1f600}': 2 }, { a: '\u2028\u007f\u0000\u001f' }, [1e21, 1e-7, -0, 5e-324, 0.1, 123456789012345680000]),
);

// Edits that turn a canonical text into another spelling of (often) the same value, or into something else.
const SPELLINGS = ['1.0', '1e2', '1E2', '-0', '0.1e1', '01', '1e+21', '\\u0041', '\\/', '\\u000A', '\\u000a', '\\u001f', '\\u001F', '\\ud83d\\ude00', '\\ud800', ' ', '\t', '\n', '\ufeff', '""', ':', ',', '{}', '[]', 'é', '\u{1f600}', '\\"', '\\\\', '\\b', '\\u0008'];

describe('single-pass canonical JSON check', () => {
  for (const name of readdirSync(vectorPath('jcs/input'))) {
    it(`${name}: accepts the RFC 8785 output and refuses the input`, () => {
      expect(isCanonicalJsonBytes(readFileSync(vectorPath(`jcs/output/${name}`)))).toBe(true);
      expect(isCanonicalJsonBytes(readFileSync(vectorPath(`jcs/input/${name}`)))).toBe(false);
    });
  }

  it('agrees with canonicalize(JSON.parse(text)) === text on random canonical and re-spelled JSON', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 0, max: 2 }), (value, indent) => {
        const canonical = canonicalJson(value);
        expect(isCanonicalJsonBytes(encode(canonical))).toBe(true);
        agree(encode(JSON.stringify(value, null, indent || undefined)));
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          agree(encode(JSON.stringify(Object.fromEntries(Object.entries(value).reverse()))));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the reference on edited texts', () => {
    fc.assert(
      fc.property(tricky, fc.nat(), fc.constantFrom(...SPELLINGS), fc.boolean(), (value, at, spelling, replace) => {
        const text = canonicalJson(value);
        const i = at % (text.length + 1);
        agree(encode(text.slice(0, i) + spelling + text.slice(replace ? i + 1 : i)));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with the reference on changed bytes, including broken UTF-8', () => {
    fc.assert(
      fc.property(tricky, fc.nat(), fc.integer({ min: 0, max: 255 }), (value, at, byte) => {
        const bytes = Uint8Array.from(encode(canonicalJson(value)));
        if (bytes.length === 0) return;
        bytes[at % bytes.length] = byte;
        agree(bytes);
      }),
      { numRuns: 5000 },
    );
  });

  it('decides each number spelling as Number::toString would', () => {
    for (const n of ['0', '-0', '1', '-1', '10', '1.5', '1e21', '1e+21', '1e-7', '1.0e-7', '0.0000001', '100000000000000000000', '123456789012345678', '9007199254740993', '5e-324', '1.7976931348623157e+308', '1e309', '.5', '5.', '+1', '0x10']) {
      agree(encode(n));
    }
  });

  it('refuses lone surrogates (JCS cannot carry them) and follows deep nesting', () => {
    expect(isCanonicalJsonBytes(encode('"\\ud800"'))).toBe(false);
    expect(isCanonicalJsonBytes(Uint8Array.from([0x22, 0xed, 0xa0, 0x80, 0x22]))).toBe(false);
    const deep = '['.repeat(1000) + ']'.repeat(1000);
    expect(isCanonicalJsonBytes(encode(deep))).toBe(true);
    expect(isCanonicalJsonBytes(encode(deep + ' '))).toBe(false);
  });
});
