import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from '../auth/actor';
import { clearedSessionCookie, readSessionToken, sessionCookie } from '../auth/session-cookie';
import { resolveSession } from '../auth/sessions';
import { clientAddress } from '../http/client-address';
import { EXTRACT_CHARS_PER_REQUEST } from '../services/upload-limits';

/** How a procedure sets or clears the session cookie, without knowing about HTTP. */
export interface SessionCookieJar {
  set(token: string, expiresAt: Date): void;
  clear(): void;
}

export interface Context {
  db: Kysely<Database>;
  /** The logged-in user, or null. */
  actor: Actor | null;
  /** The raw session token from the cookie (to revoke it on logout). */
  sessionToken: string | null;
  ip: string;
  userAgent: string;
  cookies: SessionCookieJar;
  /** What is left for costly work in this HTTP request (one batch of calls). */
  requestBudget: RequestBudget;
  /** The site as the caller reached it (scheme://host), for links printed on documents. */
  siteOrigin: string;
}

export interface RequestBudget {
  /** Characters the extractor may still read (services/narrative-import.ts). */
  extractChars: number;
}

/** A fresh budget for one request. */
export const newRequestBudget = (): RequestBudget => ({ extractChars: EXTRACT_CHARS_PER_REQUEST });

export interface HttpContextOptions {
  db: Kysely<Database>;
  /** Send cookies with `Secure` (behind HTTPS). */
  secureCookies: boolean;
  /** Trust X-Forwarded-For from the reverse proxy in front of us. */
  trustProxy: boolean;
}

export function createHttpContextFactory(options: HttpContextOptions) {
  return async ({ req, res }: { req: IncomingMessage; res: ServerResponse }): Promise<Context> => {
    const token = readSessionToken(req.headers.cookie) ?? null;
    const session = token ? await resolveSession(options.db, token) : null;
    const appendCookie = (value: string) => {
      const existing = res.getHeader('set-cookie');
      const list = Array.isArray(existing) ? existing : existing ? [String(existing)] : [];
      res.setHeader('set-cookie', [...list, value]);
    };
    return {
      db: options.db,
      actor: session?.actor ?? null,
      sessionToken: session ? token : null,
      ip: clientAddress(req, options.trustProxy),
      userAgent: req.headers['user-agent'] ?? '',
      cookies: {
        set: (t, expiresAt) => appendCookie(sessionCookie(t, expiresAt, options.secureCookies)),
        clear: () => appendCookie(clearedSessionCookie(options.secureCookies)),
      },
      requestBudget: newRequestBudget(),
      siteOrigin: siteOriginOf(req, options.secureCookies),
    };
  };
}

/** scheme://host of this request (the proxy keeps Host); a malformed Host falls back to the loopback. */
function siteOriginOf(req: IncomingMessage, secure: boolean): string {
  const host = req.headers.host ?? '';
  return `${secure ? 'https' : 'http'}://${/^[\w.-]+(:\d{1,5})?$|^\[[\da-f:]+\](:\d{1,5})?$/i.test(host) ? host : '127.0.0.1'}`;
}

/** A context for calling procedures directly (tests, scripts) as a given actor. */
export function createDirectContext(db: Kysely<Database>, actor: Actor | null, extra: Partial<Omit<Context, 'db' | 'actor'>> = {}): Context {
  return {
    db,
    actor,
    sessionToken: null,
    ip: '127.0.0.1',
    userAgent: 'direct-call',
    cookies: { set: () => {}, clear: () => {} },
    // Not an HTTP request: direct callers (tests, scripts) are not batched by a client.
    requestBudget: { extractChars: Number.POSITIVE_INFINITY },
    siteOrigin: 'http://127.0.0.1:3000',
    ...extra,
  };
}
