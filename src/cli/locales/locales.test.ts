import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flattenLocale, localeProblems } from '../../test-support/locale-files.js';
import en from './en.json' with { type: 'json' };
import zh from './zh.json' with { type: 'json' };

const cliDir = join(import.meta.dirname, '..');

/** Every key the CLI's code asks for by a literal `t('…')`, with the file that asks. */
function keysAskedFor(): { key: string; file: string }[] {
  const files = readdirSync(cliDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  return files.flatMap((file) =>
    [...readFileSync(join(cliDir, file), 'utf8').matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => ({ key: m[1]!, file })),
  );
}

describe('the CLI locale files', () => {
  it('have the same keys, no empty text, the same placeholders per key, and the plural forms each language needs', () => {
    expect(localeProblems({ en, zh })).toEqual([]);
  });

  it('hold every text the CLI asks for, so none is shown as its bare key', () => {
    const known = flattenLocale(en);
    const plural = (key: string) => known.has(`${key}_one`) && known.has(`${key}_other`);
    const asked = keysAskedFor();
    expect(asked.length).toBeGreaterThan(100);
    expect(asked.filter(({ key }) => !known.has(key) && !plural(key))).toEqual([]);
  });
});
