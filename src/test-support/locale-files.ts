/*
 * What every pair of locale files must keep (the web app's and the CLI's): the same keys, no
 * empty text, the same {{placeholders}} per key, and every plural form each language needs.
 */

/** Every value of a locale file by its dotted key. */
export function flattenLocale(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    if (value !== null && typeof value === 'object') for (const [k, v] of flattenLocale(value as object, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, value);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();

/** Everything wrong with a set of locale files, one sentence each; the first language is the reference. */
export function localeProblems(locales: Readonly<Record<string, object>>): string[] {
  const problems: string[] = [];
  const flat = Object.entries(locales).map(([language, tree]) => ({ language, strings: flattenLocale(tree) }));
  const [reference] = flat;
  if (!reference) return problems;
  for (const { language, strings } of flat) {
    for (const key of reference.strings.keys()) if (!strings.has(key)) problems.push(`${language}: ${key} is missing`);
    for (const [key, value] of strings) {
      if (!reference.strings.has(key)) problems.push(`${language}: ${key} is not in ${reference.language}`);
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push(`${language}: ${key} is empty or not text`);
        continue;
      }
      const expected = reference.strings.get(key);
      if (typeof expected === 'string' && placeholders(value).join() !== placeholders(expected).join()) {
        problems.push(`${language}: ${key} has placeholders {${placeholders(value).join(', ')}}, ${reference.language} has {${placeholders(expected).join(', ')}}`);
      }
    }
    const keys = [...strings.keys()];
    const plurals = new Set(keys.filter((k) => /_(zero|one|two|few|many|other)$/.test(k)).map((k) => k.replace(/_[a-z]+$/, '')));
    for (const base of plurals) {
      for (const form of new Intl.PluralRules(language).resolvedOptions().pluralCategories) {
        if (!strings.has(`${base}_${form}`)) problems.push(`${language}: ${base}_${form} is missing (the language needs that plural form)`);
      }
    }
  }
  return problems;
}
