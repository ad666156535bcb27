import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n-options.js';

/** The screen's language, as one of the two every text exists in. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'zh' ? 'zh' : 'en';
}
