import { ERROR_CODES, type ErrorCode } from './codes.js';
import type { Language } from '../mechanism/vocabulary.js';
import { HINTS_ZH } from './hints-zh.js';

/**
 * What a person can do about a refusal, in their language. The English hint is the registry's
 * own (codes.ts); the Chinese one says the same in the terms the web app's Chinese uses.
 */
export function hintFor(code: ErrorCode, language: Language): string {
  return language === 'zh' ? HINTS_ZH[code] : ERROR_CODES[code].hint;
}
