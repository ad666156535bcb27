import { describe, expect, it } from 'vitest';
import { ERROR_CODES, hintFor, isErrorCode, type ErrorCode } from './index.js';

const CODES = Object.keys(ERROR_CODES) as ErrorCode[];
const HAN = /\p{Script=Han}/u;
/** What a translation must carry over as it is: commands, flags, RFC numbers, documents named. */
const TOKENS = /`[^`]+`|--[a-z][a-z-]*|RFC \d+|docs\/[\w-]+\.md|\b[a-z]+\.json\b|\bparley [a-z]+(?: [a-z]+)?\b/g;

describe('hints in both languages', () => {
  it('gives every code its registry hint in English', () => {
    for (const code of CODES) expect(hintFor(code, 'en'), code).toBe(ERROR_CODES[code].hint);
  });

  it('gives every code a Chinese hint of its own: Chinese text, a full sentence, not the English one', () => {
    for (const code of CODES) {
      const zh = hintFor(code, 'zh');
      expect(zh.trim(), code).not.toBe('');
      expect(zh, code).not.toBe(hintFor(code, 'en'));
      expect(zh, code).toMatch(HAN);
      expect(zh, code).toMatch(/。$/);
    }
  });

  it('keeps the commands, flags, RFC numbers and documents of the English hint in the Chinese one', () => {
    for (const code of CODES) {
      const zh = hintFor(code, 'zh');
      for (const [token] of hintFor(code, 'en').matchAll(TOKENS)) expect(zh, `${code}: ${token}`).toContain(token);
    }
  });

  it('knows its own codes from anything else an answer may carry', () => {
    expect(isErrorCode('E_UNAUTHORIZED')).toBe(true);
    expect(isErrorCode('E_HTTP_502')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });
});
