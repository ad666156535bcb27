import { ERROR_CODES, type ErrorCode } from './codes.js';
import { HINTS_ZH } from './hints-zh.js';

/** The two languages every hint exists in (DESIGN §2: each side writes in its own language). */
export type HintLanguage = 'en' | 'zh';

/**
 * What a person can do about a refusal, in their language. The English hint is the registry's
 * own (codes.ts); the Chinese one says the same in the terms the web app's Chinese uses.
 */
export function hintFor(code: ErrorCode, language: HintLanguage): string {
  return language === 'zh' ? HINTS_ZH[code] : ERROR_CODES[code].hint;
}
