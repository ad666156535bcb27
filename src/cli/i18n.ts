import i18next, { type TOptions } from 'i18next';
import { hintFor, LANGUAGES, type ErrorCode, type Language } from '../core/index.js';
import en from './locales/en.json' with { type: 'json' };
import zh from './locales/zh.json' with { type: 'json' };

/*
 * The CLI's language: everything a person reads comes from src/cli/locales, in English or
 * Chinese. Logs and --json output are machine formats and stay English; error codes are never
 * translated. The language is chosen once per run, before the commands are built, because
 * their help texts are written when they are constructed.
 */

export type { Language } from '../core/index.js';

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, zh: { translation: zh } },
  lng: 'en',
  fallbackLng: 'en',
  // A terminal is not HTML: escaping would print &quot; and the like.
  interpolation: { escapeValue: false },
  initAsync: false,
});
const fixed = { en: i18n.getFixedT('en'), zh: i18n.getFixedT('zh') };
let current: Language = 'en';

/** The value of `--lang` in argv, as typed (`--lang zh` or `--lang=zh`); options after `--` are arguments. */
export function langArgument(argv: readonly string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

export type LanguageChoice = { readonly language: Language } | { readonly refused: string; readonly from: '--lang' | 'PARLEY_LANG' };

/**
 * In order: `--lang`, then PARLEY_LANG, then the locale (the first set of LC_ALL, LC_MESSAGES,
 * LANG, which is how POSIX ranks them): a locale starting with `zh` is Chinese, anything else
 * English. A wrong value of Parley's own two settings is refused rather than ignored.
 */
export function chooseLanguage(argv: readonly string[], env: NodeJS.ProcessEnv): LanguageChoice {
  const asked = langArgument(argv);
  if (asked !== undefined) return isLanguage(asked) ? { language: asked } : { refused: asked, from: '--lang' };
  const setting = env.PARLEY_LANG;
  if (setting) return isLanguage(setting) ? { language: setting } : { refused: setting, from: 'PARLEY_LANG' };
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return { language: locale.toLowerCase().startsWith('zh') ? 'zh' : 'en' };
}

export function useLanguage(language: Language): void {
  current = language;
}

export function language(): Language {
  return current;
}

/** The text of `key` in the chosen language, with its {{placeholders}} filled in. */
export function t(key: string, values?: TOptions): string {
  return fixed[current](key, values);
}

/** The same text in every language, for the few lines written before a language is settled. */
export function inEveryLanguage(key: string, values?: TOptions): string {
  return LANGUAGES.map((lng) => fixed[lng](key, values)).join('\n');
}

/** What a person can do about a refusal, in the chosen language. */
export function hintOf(code: ErrorCode): string {
  return hintFor(code, current);
}

/**
 * A refusal as the CLI prints it: the command, the code (never translated), the node's own
 * detail (English, with its specifics), and the hint in the chosen language.
 */
export function refusalText(command: string, error: { readonly code: ErrorCode; readonly message: string }): string {
  return t('refusal', { command: `parley ${command}`, code: error.code, message: error.message, hint: hintOf(error.code) }) + '\n';
}
