// Security in the browser: the Content-Security-Policy holds (and a violation
// fails the suite), and a page on another origin cannot make a logged-in user's
// browser change anything (CSRF) or frame the app (clickjacking).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, loginThroughForm, useBrowserSuite } from './browser';

const suite = useBrowserSuite();

/** The attacker's site: another port on 127.0.0.1 is another origin (though the same site, so Lax cookies travel). */
let attacker: Server;
let attackerUrl: string;
let attackPage = '';

beforeAll(async () => {
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackPage);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => attacker.close(resolve));
});

const whoAmI = async (page: Page) => (await apiQuery<{ username: string } | null>(page, 'auth.me'))?.username ?? null;

describe('[chromium] security: CSP, CSRF from another origin, framing', () => {
  it('[chromium] serves the app under a strict CSP and reports a violation as a console error', async () => {
    const errors: string[] = [];
    const { page } = await suite.openContext({}, errors);
    const response = await page.goto('/login');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await loginThroughForm(page, 'viewer');
    expect(errors).toEqual([]);

    // What stored XSS would try: an inline script and an inline event handler. Both are blocked…
    const ran = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const script = document.createElement('script');
      script.textContent = 'window.__injected = "script"';
      document.body.append(script);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__injected = "handler"');
      img.src = 'data:,not-an-image';
      document.body.append(img);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { injected: (window as { __injected?: string }).__injected ?? null, seen };
    });
    expect(ran.injected).toBeNull();
    expect(ran.seen.length).toBeGreaterThanOrEqual(2);
    expect(ran.seen.every((d) => d.startsWith('script-src'))).toBe(true);
    // …and the suite's console check sees them, so any page that trips the CSP fails its test.
    expect(errors.filter((e) => /Content Security Policy|CSP violation/.test(e)).length).toBeGreaterThanOrEqual(2);
  });

  it('[chromium] a page on another origin cannot log the user out with forms, fetch or a beacon', async () => {
    const { context, page } = await suite.openContext();
    await loginThroughForm(page, 'chair01');
    expect(await whoAmI(page)).toBe('chair01');
    const app = new URL(page.url()).origin;

    // The attacker's own tab (same browser, so the victim's cookie is there); its console is not the app's.
    const evil = await context.newPage();
    // What the attacker's tab sent to the app, and the app's answers where the browser got one
    // (a no-cors answer the app marks same-origin-only is withheld from the page: status 0 here).
    const sent: { method: string; status: number; failure?: string }[] = [];
    evil.on('requestfinished', (r) => {
      if (r.url().startsWith(`${app}/trpc/`)) void r.response().then((res) => sent.push({ method: r.method(), status: res?.status() ?? 0 }));
    });
    evil.on('requestfailed', (r) => {
      if (r.url().startsWith(`${app}/trpc/`)) sent.push({ method: r.method(), status: 0, failure: r.failure()?.errorText ?? '' });
    });
    attackPage = `<!doctype html><meta charset="utf-8"><title>免费领取</title>
      <form id="plain" method="post" action="${app}/trpc/auth.logout" enctype="text/plain"><input name='{"a":"' value='1"}'></form>
      <form id="urlenc" method="post" action="${app}/trpc/auth.logout" target="sink"><input name="x" value="1"></form>
      <iframe name="sink"></iframe>`;
    await evil.goto(attackerUrl);
    // A top-level form post: the app's own answer is visible here.
    const [answer] = await Promise.all([evil.waitForResponse(`${app}/trpc/auth.logout`), evil.evaluate(() => (document.getElementById('plain') as HTMLFormElement).submit())]);
    expect(answer.status()).toBe(415);
    await evil.waitForURL(`${app}/trpc/auth.logout`);
    await evil.goto(attackerUrl);
    await Promise.all([evil.waitForEvent('requestfailed'), evil.evaluate(() => (document.getElementById('urlenc') as HTMLFormElement).submit())]);
    const fetched = await evil.evaluate(async (app) => {
      const outcomes: string[] = [];
      const attempt = async (label: string, init: RequestInit) => {
        try {
          const res = await fetch(`${app}/trpc/auth.logout`, { method: 'POST', credentials: 'include', body: '{}', ...init });
          outcomes.push(`${label}: ${res.type} ${res.status}`);
        } catch {
          outcomes.push(`${label}: blocked`);
        }
      };
      // no-cors drops the JSON content type; cors with JSON needs a preflight the server never grants.
      await attempt('no-cors json', { mode: 'no-cors', headers: { 'content-type': 'application/json' } });
      await attempt('no-cors text', { mode: 'no-cors', headers: { 'content-type': 'text/plain' } });
      await attempt('cors json', { mode: 'cors', headers: { 'content-type': 'application/json' } });
      await attempt('no-cors form type', { mode: 'no-cors', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      try {
        navigator.sendBeacon(`${app}/trpc/auth.logout`, new Blob(['{}'], { type: 'text/plain' }));
      } catch {
        outcomes.push('beacon: blocked');
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      return outcomes;
    }, app);
    expect(fetched).toContain('cors json: blocked');

    // Each request either got the app's refusal (415 not JSON, 403 foreign origin), or its answer was
    // withheld from the attacker (framing, Cross-Origin-Resource-Policy) or it was never sent (CORS
    // preflight): and the session lives on.
    expect(sent.length).toBeGreaterThanOrEqual(6);
    for (const request of sent) {
      expect(request.status === 415 || request.status === 403 || /^net::ERR_(BLOCKED_BY_RESPONSE|FAILED)/.test(request.failure ?? ''), JSON.stringify(request)).toBe(true);
    }
    expect(await whoAmI(page)).toBe('chair01');

    // The app's own page can still log out: the check above could have seen a change.
    await page.evaluate(() => fetch('/trpc/auth.logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect(await whoAmI(page)).toBeNull();
    await evil.close();
  });

  it('[chromium] the app refuses to be framed by another origin', async () => {
    const { context } = await suite.openContext();
    const evil = await context.newPage();
    attackPage = `<!doctype html><meta charset="utf-8"><iframe id="app" src="${suite.server.url}/login"></iframe>`;
    await evil.goto(attackerUrl);
    await evil.waitForLoadState('load');
    const frame = evil.frames().find((f) => f !== evil.mainFrame());
    // A refused frame stays on Chromium's error page and never renders the login form.
    expect(await frame?.locator('#root').count()).toBe(0);
    await evil.close();
  });
});
