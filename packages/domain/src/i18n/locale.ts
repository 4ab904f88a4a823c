import { z } from 'zod';

/**
 * The one way domain (and server) messages follow the caller's language.
 *
 * Every user-facing text is written as a pair `{ zh, en }` where it is built,
 * and turned into one string by `localize()` at the moment it is built — in the
 * locale the host installed with `setLocaleSource()`: the server reads it from
 * the request (the web sends `X-Locale`), the web app from its language switch.
 * Zod schemas are built once, so their messages are functions (`zodMessage`)
 * evaluated when a value is checked. Simplified Chinese is the default.
 */
export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A text in both languages. */
export interface Localized {
  zh: string;
  en: string;
}

let readLocale: () => Locale = () => DEFAULT_LOCALE;

/** Installs where the current locale comes from (once, at start-up). */
export function setLocaleSource(read: () => Locale): void {
  readLocale = read;
}

export function currentLocale(): Locale {
  return readLocale();
}

/** `'en'` for English, else the default: anything unknown reads as Chinese. */
export function parseLocale(value: unknown): Locale {
  return typeof value === 'string' && /^en\b/i.test(value.trim()) ? 'en' : DEFAULT_LOCALE;
}

/** The text in the current locale. */
export function localize(text: Localized): string {
  return currentLocale() === 'en' ? text.en : text.zh;
}

/** A zod `error` that is localized when the check runs, not when the schema is built. */
export const zodMessage = (build: () => Localized) => () => localize(build());

/** A message given as plain Chinese (older callers) or as a pair. */
export type MessageText = string | Localized;
export const textOf = (message: MessageText): string => (typeof message === 'string' ? message : localize(message));

/** An indicator's (or any `nameZh`/`nameEn` record's) name in the current locale. */
export const nameOf = (named: { nameZh: string; nameEn: string }): string => localize({ zh: named.nameZh, en: named.nameEn });

/** Chinese full-width colon between a field's name and its problem; a plain one in English. */
export const labelled = (label: string, message: string): string => `${label}${currentLocale() === 'en' ? ': ' : '：'}${message}`;

/** Joins several messages the way the locale separates sentences. */
export const joinMessages = (messages: readonly string[]): string => messages.join(currentLocale() === 'en' ? '; ' : '；');

const zodLocales = { 'zh-CN': z.locales.zhCN(), en: z.locales.en() } as const;

/**
 * Zod's built-in messages (e.g. "Too small") in the current locale. zod's
 * config is process-global; called once at start-up by the server and the web.
 */
export function applyZodMessages(): void {
  z.config({ localeError: (issue) => zodLocales[currentLocale()].localeError(issue) });
}
