import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { i18nOptions, type Language } from './i18n-options.js';

export { LANGUAGES, type Language } from './i18n-options.js';
const STORAGE_KEY = 'parley.language';

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language);
}

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
});

void i18next.use(initReactI18next).init(i18nOptions(initialLanguage()));

export default i18next;
