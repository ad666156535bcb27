import i18next, { type i18n } from 'i18next';
import { i18nOptions, type Language } from '../i18n-options.js';

/** The app's i18next in one language, for rendering a part outside the browser. */
export function testI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(language));
  return instance;
}
