import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n.js';

const NAMES = { en: 'English', zh: '中文' } as const;

/** Each language named in itself, so a reader finds theirs whatever the screen shows now. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button key={language} type="button" lang={language} aria-pressed={i18n.language === language} onClick={() => setLanguage(language)}>
          {NAMES[language]}
        </button>
      ))}
    </div>
  );
}
