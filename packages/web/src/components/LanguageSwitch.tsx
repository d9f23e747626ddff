import { useI18n } from '../i18n/context.tsx';
import { langs } from '../i18n/index.ts';

/** العربية / English. Each label is written in its own language and tagged as such. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('lang.label')}</legend>
      {langs.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          className="lang-option"
          aria-pressed={lang === option}
          onClick={() => setLang(option)}
        >
          {t(option === 'ar' ? 'lang.ar' : 'lang.en')}
        </button>
      ))}
    </fieldset>
  );
}
