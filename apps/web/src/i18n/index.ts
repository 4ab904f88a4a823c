import { applyZodMessages, parseLocale, setLocaleSource, unitLabelsEn, type Indicator } from '@union/domain';
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en';
import { zhCN, type Messages } from './zh-CN';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
const STORAGE_KEY = 'union.lang';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyToDocument(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function initI18n(): typeof i18n {
  if (i18n.isInitialized) return i18n;
  const lng = storedLanguage();
  void i18n.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
    lng,
    fallbackLng: 'zh-CN',
    supportedLngs: [...languages],
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
  });
  applyToDocument(lng);
  i18n.on('languageChanged', applyToDocument);
  // Messages the domain builds in the browser (the form's checks, zod's own) follow the switch;
  // the server gets the same language with every call (X-Locale, src/app/trpc.ts).
  setLocaleSource(() => parseLocale(i18n.language));
  applyZodMessages();
  return i18n;
}

export async function setLanguage(lang: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  await i18n.changeLanguage(lang);
}

/** 'zh' or 'en': the key used by the domain's `{ zh, en }` label records. */
export type LabelKey = 'zh' | 'en';

/** The translation function plus the domain-label picker for the current language. */
export function useI18n() {
  const { t, i18n: instance } = useTranslation();
  const language: Language = isLanguage(instance.language) ? instance.language : 'zh-CN';
  const labelKey: LabelKey = language === 'en' ? 'en' : 'zh';
  const label = (record: { zh: string; en: string }) => record[labelKey];
  return { t, language, labelKey, label, ...indicatorTexts(labelKey) };
}

/** An indicator's name, help and unit in the UI language (English help falls back to none, never to Chinese). */
export function indicatorTexts(labelKey: LabelKey) {
  const en = labelKey === 'en';
  return {
    indicatorName: (i: Pick<Indicator, 'nameZh' | 'nameEn'>) => (en ? i.nameEn : i.nameZh),
    indicatorHelp: (i: Pick<Indicator, 'descriptionZh' | 'descriptionEn'>) => (en ? (i.descriptionEn ?? '') : i.descriptionZh),
    indicatorUnit: (i: Pick<Indicator, 'unit'>) => (en ? (unitLabelsEn[i.unit] ?? i.unit) : i.unit),
  };
}
