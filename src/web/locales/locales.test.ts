import { describe, expect, it } from 'vitest';
import en from './en.json';
import zh from './zh.json';

const LOCALES = { en, zh } as const;

/** Every string of a locale file by its dotted key. */
function flatten(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (value !== null && typeof value === 'object') for (const [k, v] of flatten(value as object, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

describe('locale files', () => {
  const flat = { en: flatten(en), zh: flatten(zh) };

  it('have the same keys', () => {
    expect([...flat.zh.keys()].sort()).toEqual([...flat.en.keys()].sort());
  });

  it('have no empty or non-string values', () => {
    for (const [language, strings] of Object.entries(flat)) {
      for (const [key, value] of strings) expect(typeof value === 'string' && value.trim() !== '', `${language}: ${key}`).toBe(true);
    }
  });

  it('use the same placeholders for each key', () => {
    for (const [key, value] of flat.en) expect(placeholders(String(flat.zh.get(key))), key).toEqual(placeholders(String(value)));
  });

  it('give every plural the forms its language needs', () => {
    for (const language of Object.keys(LOCALES) as (keyof typeof LOCALES)[]) {
      const keys = [...flat[language].keys()];
      const plurals = new Set(keys.filter((k) => /_(zero|one|two|few|many|other)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, '')));
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      for (const base of plurals) for (const form of needed) expect(keys, `${language}: ${base}_${form}`).toContain(`${base}_${form}`);
    }
  });
});
