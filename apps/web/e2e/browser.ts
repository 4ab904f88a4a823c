// Web-specific helpers for the browser tests: the real server comes from
// `@union/server/testing`; Chromium is Debian's (CHROMIUM_PATH), never a download.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServerProcess, type ServerProcess } from '@union/server/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export const repoRoot = resolve(import.meta.dirname, '../../..');
const webDist = join(repoRoot, 'apps/web/dist');
export const screenshotDir = join(process.env.ARTIFACTS_DIR ?? join(repoRoot, 'artifacts'), 'screenshots');

/** The demo district's password for every demo login (packages/db seed). */
export const DEMO_PASSWORD = 'Demo@2026';

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH;
  // Only reached in CI or with CHROMIUM_PATH set (vitest.config.ts): fail, never skip.
  if (!path) throw new Error('CHROMIUM_PATH is not set: the browser tests need Debian Chromium (apt-get install -y chromium; CHROMIUM_PATH=/usr/bin/chromium).');
  return path;
}

/** The real server with the demo district, serving the built web app. */
export async function startDemoServer(): Promise<ServerProcess> {
  if (!existsSync(join(webDist, 'index.html'))) {
    throw new Error(`The web app is not built (${webDist}/index.html missing): run \`npx vite build\` in apps/web first (turbo runs build before test).`);
  }
  mkdirSync(screenshotDir, { recursive: true });
  return startServerProcess({ demo: true, env: { WEB_DIST_DIR: webDist } });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  isMobile?: boolean;
  /** The browser's time zone (IANA name); the machine's by default. */
  timezoneId?: string;
}

/**
 * A fresh browser context (its own cookies) and page. Page errors and console
 * errors are collected into `errors`, except failed requests the test expects.
 */
export async function openPage(browser: Browser, baseURL: string, errors: string[], options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    isMobile: options.isMobile ?? false,
    hasTouch: options.isMobile ?? false,
    locale: 'zh-CN',
    ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
  });
  // A blocked script, eval, style or connection (Content-Security-Policy) becomes a console
  // error, so every test fails on it, even where the app catches the error itself.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // API refusals (400 validation, 401 expired, 403, 404, 409) show up as "Failed to load
    // resource" console errors; the UI shows them itself, so they are not page errors.
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
      errors.push(message.text());
    }
  });
  return { context, page };
}

/** Logs in through the real login page, as a user would. Resolves once the app has left /login. */
export async function loginThroughForm(page: Page, username: string, password = DEMO_PASSWORD, { path = '/login' } = {}): Promise<void> {
  if (!page.url().includes('/login')) await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
}

/** Opens a link of the admin's 管理 menu (opening the menu first, again if a click toggled it shut). */
export async function clickAdminMenuLink(page: Page, name: string): Promise<void> {
  const link = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name });
  for (let attempt = 0; attempt < 10 && !(await link.isVisible()); attempt++) {
    await page.locator('.nav-menu > summary').click();
    await link.waitFor({ state: 'visible', timeout: 3_000 }).catch(() => undefined);
  }
  await link.click();
}

/** Calls a tRPC query from inside the page, with the page's own session cookie. */
export async function apiQuery<T>(page: Page, path: string, input?: unknown): Promise<T> {
  return page.evaluate(
    async ({ path, input }) => {
      const url = new URL(`/trpc/${path}`, location.origin);
      if (input !== undefined) url.searchParams.set('input', JSON.stringify(input));
      const res = await fetch(url);
      const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string } };
      if (!res.ok || !body.result) throw new Error(`${path} failed: HTTP ${res.status} ${body.error?.message ?? ''}`);
      return body.result.data;
    },
    { path, input },
  ) as Promise<T>;
}

/** Calls a tRPC mutation from inside the page (a same-origin JSON POST with the page's session cookie). */
export async function apiMutation<T>(page: Page, path: string, input?: unknown): Promise<T> {
  return page.evaluate(
    async ({ path, input }) => {
      const res = await fetch(`/trpc/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input ?? null) });
      const body = (await res.json()) as { result?: { data: unknown }; error?: { message: string } };
      if (!res.ok || !body.result) throw new Error(`${path} failed: HTTP ${res.status} ${body.error?.message ?? ''}`);
      return body.result.data;
    },
    { path, input },
  ) as Promise<T>;
}

/**
 * One demo server and one Chromium for a test file, a fresh context (own
 * cookies) per page, and after each test: every context closed and no error
 * in any page's console. Call once at the top of a test file.
 */
export function useBrowserSuite() {
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  const closeContexts = () => Promise.all(contexts.splice(0).map((c) => c.close()));

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  });
  afterEach(async () => {
    await closeContexts();
    expect(pageErrors.splice(0), 'errors in the browser console').toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A new context and page; its errors go to `errors` (the suite's, checked after each test, unless given). */
  async function openContext(options: PageOptions = {}, errors: string[] = pageErrors): Promise<{ context: BrowserContext; page: Page }> {
    const opened = await openPage(browser!, server!.url, errors, options);
    contexts.push(opened.context);
    return opened;
  }

  return {
    get server(): ServerProcess {
      return server!;
    },
    /** Errors collected from the suite's pages (checked after each test): for pages opened by hand in a context. */
    pageErrors,
    openContext,
    newPage: async (options: PageOptions = {}) => (await openContext(options)).page,
    /** A new page logged in through the form as `username`, sent on to `path`. */
    async loggedIn(username: string, { path = '/', ...options }: PageOptions & { path?: string } = {}): Promise<Page> {
      const { page } = await openContext(options);
      await page.goto(`/login?next=${encodeURIComponent(path)}`);
      await loginThroughForm(page, username);
      return page;
    },
    /** Closes the pages opened so far (e.g. after collecting test data in beforeAll). */
    closeContexts,
  };
}
