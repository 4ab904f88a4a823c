import { languages, setLanguage, useI18n, type Language } from '../i18n';

export function LanguageSwitch() {
  const { t, language } = useI18n();
  const names: Record<Language, string> = { 'zh-CN': t('lang.zh'), en: t('lang.en') };
  return (
    <div className="lang-switch" role="group" aria-label={t('lang.label')}>
      {languages.map((lang) => (
        <button key={lang} type="button" lang={lang} aria-pressed={language === lang} onClick={() => void setLanguage(lang)}>
          {names[lang]}
        </button>
      ))}
    </div>
  );
}
