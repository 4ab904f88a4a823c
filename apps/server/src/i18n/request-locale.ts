import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage } from 'node:http';
import { DEFAULT_LOCALE, parseLocale, setLocaleSource, type Locale } from '@union/domain';

/**
 * The caller's locale for everything a request builds — domain messages, zod
 * messages, the server's own errors — read once from the `X-Locale` header the
 * web app sends (its language switch). No header: Simplified Chinese.
 * Held in AsyncLocalStorage so messages built deep in a service (or by a zod
 * schema built at start-up) follow the request without passing it around.
 */
export const LOCALE_HEADER = 'x-locale';

const requestLocale = new AsyncLocalStorage<Locale>();
setLocaleSource(() => requestLocale.getStore() ?? DEFAULT_LOCALE);

export function localeOfRequest(req: IncomingMessage): Locale {
  return parseLocale(req.headers[LOCALE_HEADER]);
}

/** Runs `work` (and everything it awaits) in `locale`. */
export function inLocale<T>(locale: Locale, work: () => T): T {
  return requestLocale.run(locale, work);
}
