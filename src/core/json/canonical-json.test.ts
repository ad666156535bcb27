import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import canonicalize from 'canonicalize';
import { readFileSync, readdirSync } from 'node:fs';
import { canonicalJson, isCanonicalText, parseCanonical } from './index.js';
import { vectorPath } from '../../test-support/vectors.js';

const dir = vectorPath('jcs');
const names = readdirSync(`${dir}/input`).map((f) => f.replace(/\.json$/, ''));

describe('RFC 8785 canonical JSON (vectors/jcs)', () => {
  it('has all six upstream cases', () => {
    expect(names.sort()).toEqual(['arrays', 'french', 'structures', 'unicode', 'values', 'weird']);
  });

  for (const name of names) {
    it(`${name}: reproduces the expected bytes exactly`, () => {
      const input = JSON.parse(readFileSync(`${dir}/input/${name}.json`, 'utf8'));
      const expected = readFileSync(`${dir}/output/${name}.json`);
      const hex = readFileSync(`${dir}/outhex/${name}.txt`, 'utf8').trim().split(/\s+/).join('');
      const ours = Buffer.from(canonicalJson(input), 'utf8');
      expect(ours.equals(expected)).toBe(true);
      expect(ours.toString('hex')).toBe(hex);
    });

    it(`${name}: the fast canonical check accepts the output and rejects the input`, () => {
      const output = readFileSync(`${dir}/output/${name}.json`, 'utf8');
      expect(isCanonicalText(output, JSON.parse(output))).toBe(true);
      const input = readFileSync(`${dir}/input/${name}.json`, 'utf8');
      expect(isCanonicalText(input, JSON.parse(input))).toBe(false);
    });
  }

  it('the fast check agrees with the reference serializer on random JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, shuffle) => {
        const canonical = canonicalJson(value);
        expect(isCanonicalText(canonical, JSON.parse(canonical))).toBe(true);
        const plain = JSON.stringify(value, null, shuffle ? 1 : undefined);
        expect(isCanonicalText(plain, JSON.parse(plain))).toBe(plain === canonical);
      }),
      { numRuns: 500 },
    );
  });

  it('writes exactly what the reference implementation writes, whatever the keys and strings', () => {
    // Keys that sort differently by code unit than by V8's enumeration, and strings with escapes and astral characters.
    const key = fc.oneof(fc.string(), fc.constantFrom('1', '10', '2', '0', '01', '__proto__', 'a', 'B', '\u00e9', '\ud83d\ude00', '\u20ac'));
    const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('\\ud800', '"quoted"', '\n\t', '\u2028', '\ud83d\ude00', ''));
    const value = fc.letrec((tie) => ({
      json: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), text, fc.array(tie('json')), fc.dictionary(key, tie('json'))),
    })).json;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(canonicalize(v));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses values canonical JSON cannot carry, with a code', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(expect.objectContaining({ code: 'E_JSON_UNSUPPORTED_VALUE' }));
    expect(() => canonicalJson('\ud800')).toThrow(expect.objectContaining({ code: 'E_JSON_UNSUPPORTED_VALUE' }));
  });

  it('parseCanonical refuses non-canonical spellings of the same value', () => {
    expect(parseCanonical('{"a":1,"b":[true,null]}')).toEqual({ a: 1, b: [true, null] });
    for (const bad of ['{"b":1,"a":2}', '{"a": 1}', '{"a":1.0}', '{"a":"\\u0041"}', '-0', '{"a":1,"a":1}', '"\\ud800"', 'nope']) {
      expect(() => parseCanonical(bad), bad).toThrow(expect.objectContaining({ code: 'E_JSON_NOT_CANONICAL' }));
    }
  });
});
