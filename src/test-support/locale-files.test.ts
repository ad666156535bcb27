import { describe, expect, it } from 'vitest';
import { localeProblems } from './locale-files.js';

describe('the locale-file check', () => {
  it('passes matching files and names each kind of mismatch', () => {
    const en = { a: { b: 'Hello {{name}}' }, n_one: '{{count}} event', n_other: '{{count}} events' };
    expect(localeProblems({ en, zh: { a: { b: '你好 {{name}}' }, n_one: '{{count}} 条记录', n_other: '{{count}} 条记录' } })).toEqual([]);
    // English needs `one` and `other`: a plural with only `other` lacks a form.
    expect(localeProblems({ en: { n_other: '{{count}} events' } })).toEqual(['en: n_one is missing (the language needs that plural form)']);
    expect(localeProblems({ en, zh: { a: { b: '你好' }, n_other: ' ', extra: '多余' } })).toEqual([
      'zh: n_one is missing',
      'zh: a.b has placeholders {}, en has {name}',
      'zh: n_other is empty or not text',
      'zh: extra is not in en',
    ]);
  });
});
