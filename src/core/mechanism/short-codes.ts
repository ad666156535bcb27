import { z } from 'zod';
import { refuse } from './refusal.js';
import { IdSchema, type Bilingual } from './vocabulary.js';

/**
 * Pre-agreed short codes (the 1976 hotline idea): a code both sides agreed in advance means the
 * same words in both languages, so a message like "Q7" needs no interpreter at 3 a.m. A code
 * list is itself a joint document; this is its content and how a code renders.
 */
export const CodeListSchema = z.strictObject({
  id: IdSchema,
  version: z.number().int().min(1),
  codes: z.array(z.strictObject({ code: z.string().regex(/^[A-Z0-9-]{1,32}$/), en: z.string(), zh: z.string() })),
});
export type CodeList = z.infer<typeof CodeListSchema>;

/** Refuses a list with a code given twice or without both texts: either would let the two sides read different words. */
export function checkCodeList(list: CodeList): CodeList {
  const seen = new Set<string>();
  for (const entry of list.codes) {
    if (seen.has(entry.code)) refuse('E_CODE_LIST_INVALID', `Code ${entry.code} appears twice in list ${list.id}.`, { code: entry.code });
    if (!entry.en.trim() || !entry.zh.trim()) refuse('E_CODE_LIST_INVALID', `Code ${entry.code} of list ${list.id} needs both an English and a Chinese text.`, { code: entry.code });
    seen.add(entry.code);
  }
  return list;
}

/** The agreed words of a code, in both languages. */
export function renderShortCode(list: CodeList, code: string): Bilingual {
  const entry = list.codes.find((e) => e.code === code);
  if (!entry) return refuse('E_SHORT_CODE_UNKNOWN', `Code ${code} is not in list ${list.id} version ${list.version}.`, { list: list.id, code });
  return { en: entry.en, zh: entry.zh };
}
