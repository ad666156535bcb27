import type { InitOptions } from 'i18next';
import type { Language } from '../core/index.js';
import en from './locales/en.json';
import zh from './locales/zh.json';

export { LANGUAGES, type Language } from '../core/index.js';

/** How the app's i18next is set up, for the app in the browser and for its parts rendered in tests. */
export function i18nOptions(language: Language): InitOptions {
  return {
    resources: { en: { translation: en }, zh: { translation: zh } },
    lng: language,
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show &amp; and the like.
    interpolation: { escapeValue: false },
    initAsync: false,
  };
}
