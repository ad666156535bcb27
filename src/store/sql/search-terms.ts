import { ParleyError } from '../../core/index.js';
import type { SearchMark } from '../search-store.js';

export const MAX_QUERY_CHARS = 200;
export const MAX_QUERY_TERMS = 16;
/** A trigram index looks up substrings of three characters or more; shorter words are scanned for. */
export const TRIGRAM = 3;

/** Code points, as both databases count characters. */
export const charCount = (text: string): number => [...text].length;

/**
 * The words of a query: split on white space, `"…"` kept together, repeats (ignoring case)
 * dropped. Chinese is written without spaces, so a Chinese word is any run of characters the
 * user typed; each is matched as a substring.
 */
export function queryTerms(text: string): string[] {
  if (charCount(text) > MAX_QUERY_CHARS) {
    throw new ParleyError('E_SEARCH_QUERY_INVALID', `A search query may have at most ${MAX_QUERY_CHARS} characters.`, { length: charCount(text) });
  }
  const terms = new Map<string, string>();
  for (const [, phrase, word] of text.matchAll(/"([^"]*)"?|(\S+)/gu)) {
    const term = (phrase ?? word ?? '').trim().replace(/\s+/gu, ' ');
    if (term) terms.set(term.toLowerCase(), term);
  }
  if (terms.size > MAX_QUERY_TERMS) {
    throw new ParleyError('E_SEARCH_QUERY_INVALID', `A search query may have at most ${MAX_QUERY_TERMS} words.`, { terms: terms.size });
  }
  return [...terms.values()];
}

const SNIPPET_BEFORE = 60;
const SNIPPET_CHARS = 160;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * About 160 characters of `text` around the first match of any term, with every match inside it
 * marked. Computed here rather than by the database so both dialects return the same snippet
 * (SQLite's snippet() counts trigram tokens, PostgreSQL has none for pg_trgm).
 */
export function snippetOf(text: string, terms: readonly string[]): { snippet: string; marks: SearchMark[] } {
  const flat = text.replace(/[\t\n\r]/g, ' ');
  const pattern = terms.length ? new RegExp(terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu') : null;
  const first = pattern ? pattern.exec(flat) : null;
  let start = first ? Math.max(0, first.index - SNIPPET_BEFORE) : 0;
  if (start > 0 && isLowSurrogate(flat.charCodeAt(start))) start--;
  let end = Math.min(flat.length, start + SNIPPET_CHARS);
  if (end < flat.length && isLowSurrogate(flat.charCodeAt(end))) end++;
  const prefix = start > 0 ? '…' : '';
  const snippet = prefix + flat.slice(start, end) + (end < flat.length ? '…' : '');
  const marks: SearchMark[] = [];
  if (pattern) {
    pattern.lastIndex = start;
    for (let m = pattern.exec(flat); m && m.index < end; m = pattern.exec(flat)) {
      const markEnd = Math.min(m.index + m[0].length, end);
      marks.push({ start: m.index - start + prefix.length, end: markEnd - start + prefix.length });
      if (m[0].length === 0) pattern.lastIndex++;
    }
  }
  return { snippet, marks };
}
