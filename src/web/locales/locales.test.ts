import { describe, expect, it } from 'vitest';
import { localeProblems } from '../../test-support/locale-files.js';
import en from './en.json';
import zh from './zh.json';

describe('the web app\'s locale files', () => {
  it('have the same keys, no empty text, the same placeholders per key, and every plural form each language needs', () => {
    expect(localeProblems({ en, zh })).toEqual([]);
  });
});
