// Web-specific helpers for the browser tests: the real server comes from
// `@union/server/testing`; Chromium is Debian's (CHROMIUM_PATH), never a download.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServerProcess, type ServerProcess } from '@union/server/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
