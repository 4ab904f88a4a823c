// The English locale all the way: walks the main pages as a chair and as the admin
// with the language set to English and finds no Han characters outside data (school
// names, narratives, user names, rubric items — marked `data-user-content`).
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiQuery, screenshotDir, useBrowserSuite } from './browser';

const suite = useBrowserSuite();

/**
 * The names the demo district gives its units, people and rubric items: data, like the
 * regions marked `data-user-content`. Inside labels ("Edit: 西苑小学") they are taken out
 * before the text is judged.
 */
async function dataNames(page: Page): Promise<string[]> {
  const names: string[] = [];
  const add = async (path: string, input: unknown, pick: (data: never) => string[]) => {
    try {
      names.push(...pick((await apiQuery(page, path, input)) as never));
    } catch {
      // Not this role's to read.
    }
  };
  type Unit = { name: string; children?: Unit[] };
  const flat = (units: Unit[]): string[] => units.flatMap((u) => [u.name, ...flat(u.children ?? [])]);
  await add('schools.orgTree', undefined, (tree: Unit | Unit[]) => flat(Array.isArray(tree) ? tree : [tree]));
  await add('schools.list', {}, (rows: { name: string; clusterName?: string | null }[]) => rows.flatMap((r) => [r.name, r.clusterName ?? '']));
  await add('users.list', undefined, (rows: { displayName: string }[]) => rows.map((r) => r.displayName));
  await add('auth.me', undefined, (me: { displayName: string; orgUnitName?: string }) => [me.displayName, me.orgUnitName ?? '']);
  await add('rubric.get', { year: 2026 }, (r: { rubric: { items: { titleZh: string }[] } }) => r.rubric.items.map((i) => i.titleZh));
  // 2026 is a v2 rubric (on-site items): its categories, items and raters are the rubric's own data too.
  await add('rubric.definition', { year: 2026 }, (r: { rubric: { items: { titleZh: string }[]; categories: { titleZh: string }[]; raters: { labelZh: string }[] } }) => [
    ...r.rubric.items.map((i) => i.titleZh),
    ...r.rubric.categories.map((c) => c.titleZh),
    ...r.rubric.raters.map((x) => x.labelZh),
  ]);
  return [...new Set(names.filter(Boolean))].sort((a, b) => b.length - a.length);
}

/** Visible texts (and labels, placeholders, titles) with Han characters outside data. */
async function chineseOutsideData(page: Page): Promise<string[]> {
  const names = await dataNames(page);
  return page.evaluate((names) => {
    const HAN = /[\u4e00-\u9fff]/;
    const withoutData = (text: string) => names.reduce((t, name) => t.split(name).join(''), text);
    const exempt = (el: Element | null) => !el || Boolean(el.closest('[data-user-content], script, style, noscript, .lang-switch, [hidden], option'));
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (HAN.test(withoutData(text)) && !exempt(node.parentElement)) found.push(text.trim().slice(0, 80));
    }
    for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title]')) {
      if (exempt(el)) continue;
      for (const attr of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(attr);
        if (value && HAN.test(withoutData(value))) found.push(`${attr}=${value.slice(0, 80)}`);
      }
    }
    return [...new Set(found)];
  }, names);
}

async function inEnglish(page: Page) {
  await page.evaluate(() => localStorage.setItem('union.lang', 'en'));
}

async function check(page: Page, name: string, path?: string) {
  if (path) await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  // Loading states end before the page is judged.
  await expect.poll(() => page.locator('.state--loading').count(), { timeout: 30_000 }).toBe(0);
  await page.screenshot({ path: join(screenshotDir, `english-${name}.png`), fullPage: true });
  const found = await chineseOutsideData(page);
  if (found.length) console.log(`HAN ${name}: ${JSON.stringify(found)}`);
  expect.soft(found, `${name}: Chinese outside data`).toEqual([]);
}

describe('English locale: no Chinese outside data', () => {
  it('chair: home, the form with a field error and an outlier warning, the import dialog', async () => {
    const page = await suite.loggedIn('chair22', { path: '/home' });
    await inEnglish(page);
    await check(page, 'chair-home', '/home');
    const me = await apiQuery<{ schoolId: number }>(page, 'auth.me');
    const years = await apiQuery<{ year: number; isOpen: boolean }[]>(page, 'reports.years');
    const open = years.find((y) => y.isOpen)!.year;
    await check(page, 'chair-form', `/schools/${me.schoolId}/reports/${open}`);
    await page.locator('[data-field="values.staff_total"] input').fill('-5');
    await page.locator('[data-field="values.staff_total"] .form-field__error').waitFor();
    await page.locator('[data-field="values.staff_total"] input').fill('60');
    await page.locator('[data-field="values.sick_visits"] input').fill('500');
    await page.locator('[data-field="values.union_members"] input').fill('90');
    await page.locator('.rf-warning').first().waitFor({ timeout: 30_000 });
    await page.locator('[data-field="values.union_members"] .form-field__error').waitFor();
    await check(page, 'chair-form-errors');
    await page.getByRole('button', { name: 'Import from summary' }).click();
    await page.getByRole('dialog').waitFor();
    await check(page, 'chair-import');
  });

  it('admin: review, completeness, dashboards, rubric and gaps, users, schools, audit', async () => {
    const page = await suite.loggedIn('admin', { path: '/review' });
    await inEnglish(page);
    for (const [name, path] of [
      ['review', '/review'],
      ['completeness', '/review/completeness'],
      ['overview', '/dashboard'],
      ['compare', '/dashboard/compare'],
      ['trends', '/dashboard/trends'],
      ['rubric', '/admin/rubric'],
      ['users', '/admin/users'],
      ['schools', '/admin/schools'],
      ['audit', '/admin/audit'],
      ['notifications', '/admin/notifications'],
    ] as const) {
      await check(page, name, path);
    }
    const profileLink = page.locator('.highlights a[href^="/dashboard/schools/"]').first();
    await check(page, 'overview-again', '/dashboard');
    await check(page, 'profile-gaps', (await profileLink.getAttribute('href'))!);
    const years = await apiQuery<{ year: number; isOpen: boolean }[]>(page, 'reports.years');
    const open = years.find((y) => y.isOpen)!.year;
    const queue = await apiQuery<{ school_id?: number; schoolId?: number }[]>(page, 'review.queue', { year: open });
    const first = queue[0]?.schoolId ?? queue[0]?.school_id;
    if (first) await check(page, 'review-report', `/review/${open}/${first}`);
    // Twelve pages, each waited for until the network is idle: more than the default minute on a busy machine.
  }, 240_000);

  it('shows the year overview’s highlights on a phone, in both languages', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const page = await suite.loggedIn('admin', { path: '/dashboard', viewport: { width: 390, height: 844 }, isMobile: true });
      if (lang === 'en') await inEnglish(page);
      await page.goto('/dashboard');
      await page.locator('.highlights a').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const link = page.locator('.highlights a').first();
      expect((await link.boundingBox())!.height).toBeGreaterThanOrEqual(20);
      await page.screenshot({ path: join(screenshotDir, `overview-highlights-phone-${lang}.png`), fullPage: false });
      const desktop = await suite.loggedIn('admin', { path: '/dashboard' });
      if (lang === 'en') await inEnglish(desktop);
      await desktop.goto('/dashboard');
      await desktop.locator('.highlights a').first().waitFor();
      await desktop.screenshot({ path: join(screenshotDir, `overview-highlights-desktop-${lang}.png`) });
    }
  });
});
