import type { InitOptions } from 'i18next';
import en from './locales/en.json';
import zh from './locales/zh.json';

export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

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
