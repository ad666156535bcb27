import { hintFor, isErrorCode } from '../../core/index.js';
import type { Language } from '../i18n-options.js';

/** A piece of text and, when it is not in the screen's language, the language it is in. */
export interface Worded {
  readonly text: string;
  readonly lang?: 'en';
}

/** What a reader sees of a refusal: what to do about it, then the node's own words about this case. */
export interface RefusalText {
  readonly hint: Worded | null;
  readonly detail: Worded | null;
}

/**
 * How a refusal (`{code, message, hint}` from the node, or a code and message it recorded) reads
 * in the screen's language. A code of the registry is explained by its hint in that language; a
 * code the app does not know keeps the node's hint. The node's message names this case (which
 * seq, which field) and is English: it stays, marked as such, as the detail.
 */
export function refusalText(code: string, message: string, serverHint: string | null, language: Language): RefusalText {
  const english = (text: string): Worded => (language === 'en' ? { text } : { text, lang: 'en' });
  const known = isErrorCode(code);
  const hint = known ? { text: hintFor(code, language) } : serverHint ? english(serverHint) : null;
  // A message that only repeats the English hint says nothing more.
  const repeats = message === (known ? hintFor(code, 'en') : serverHint);
  return { hint, detail: message.trim() === '' || repeats ? null : english(message) };
}
