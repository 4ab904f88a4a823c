// Browser tests against the real server with the demo district: Debian
// Chromium through playwright-core (never a downloaded browser). Each page logs
// in as the district admin through the login page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, screenshotDir, type PageOptions, useBrowserSuite } from './browser';

const SCHOOL_NAME = /学校|小学|中学|幼儿园/;

interface ListedSchool {
  id: number;
  name: string;
  reportStatus: string;
}
interface SchoolList {
  year: number;
  schools: ListedSchool[];
}
interface YearInfo {
  year: number;
  isOpen: boolean;
}

let openYear: number;
let allSchools: ListedSchool[];
const suite = useBrowserSuite();

/** A new context logged in as the admin, on the schools list. */
async function newPage(options: PageOptions = {}): Promise<Page> {
  const page = await suite.loggedIn('admin', { path: '/schools', ...options });
  await page.waitForURL('**/schools');
  return page;
}

/** Rows of the schools table (one per school). */
const schoolRows = (page: Page) => page.locator('table.school-table tbody tr');

async function waitForRowCount(page: Page, count: number) {
  await page.waitForFunction((n) => document.querySelectorAll('table.school-table tbody tr').length === n, count, { timeout: 15_000 });
}

async function hasNoHorizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    return { scrollWidth: el.scrollWidth, innerWidth: window.innerWidth };
  });
}

describe('[chromium] schools list and school reports', () => {
  beforeAll(async () => {
    // The test data comes from the API, asked from inside a logged-in page.
    const page = await newPage();
    const years = await apiQuery<YearInfo[]>(page, 'reports.years');
    openYear = (years.find((y) => y.isOpen) ?? years[0])!.year;
    allSchools = (await apiQuery<SchoolList>(page, 'schools.list')).schools;
    await suite.closeContexts();
  });

  it('[chromium] the home page redirects to the schools list showing the seeded schools for the open year', async () => {
    expect(allSchools.length).toBeGreaterThanOrEqual(25);
    const page = await newPage();
    await page.goto('/');
    await page.waitForURL('**/schools');
    await schoolRows(page).first().waitFor();
    await waitForRowCount(page, allSchools.length);

    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.title()).toContain('工会年报平台');
    await page.getByRole('heading', { level: 1, name: '学校列表' }).waitFor();
    // Header: product name and the district from the org tree.
    await page.locator('header .brand__district', { hasText: '教育工会' }).waitFor();

    const names = await page.locator('table.school-table tbody th a').allTextContents();
    expect(names).toEqual(allSchools.map((s) => s.name));
    expect(names.some((n) => SCHOOL_NAME.test(n))).toBe(true);

    const summary = await page.locator('#school-summary').textContent();
    expect(summary).toContain(`共 ${allSchools.length} 所学校`);
    expect(summary).toMatch(/已提交 \d+，已通过 \d+，未开始 \d+/);
    // Year selector defaults to the open year.
    expect(await page.getByLabel('年度').inputValue()).toBe(String(openYear));
    expect(await page.getByRole('columnheader', { name: `${openYear} 年度状态` }).count()).toBe(1);

    await page.screenshot({ path: join(screenshotDir, 'desktop-schools.png'), fullPage: true });
  });

  it('[chromium] typing in the search box filters by school name; no match shows the empty state with a clear button', async () => {
    const page = await newPage();
    await page.goto('/schools');
    await waitForRowCount(page, allSchools.length);

    const search = page.getByLabel('搜索学校');
    await search.fill('幼儿园');
    const expected = allSchools.filter((s) => s.name.includes('幼儿园'));
    expect(expected.length).toBeGreaterThan(0);
    await waitForRowCount(page, expected.length);
    const names = await page.locator('table.school-table tbody th a').allTextContents();
    expect(names).toEqual(expected.map((s) => s.name));
    expect(page.url()).toContain('q=');

    await search.fill('没有这所学校XYZ');
    await page.getByText('没有符合条件的学校').waitFor();
    await page.locator('.state--empty').getByRole('button', { name: '清除筛选条件' }).click();
    await waitForRowCount(page, allSchools.length);
    expect(await search.inputValue()).toBe('');

    // The school-type filter narrows the list the same way.
    await page.getByLabel('学校类型').selectOption('kindergarten');
    await waitForRowCount(page, expected.length);
  });

  it('[chromium] opening a school shows its report with indicators by category, last year beside them, the narrative and honours', async () => {
    const page = await newPage();
    await page.goto('/schools');
    await waitForRowCount(page, allSchools.length);
    const first = allSchools[0]!;
    await page.getByRole('link', { name: first.name, exact: true }).click();
    await page.waitForURL(`**/schools/${first.id}/reports/${openYear}`);
    await page.getByRole('heading', { level: 1, name: first.name }).waitFor();
    await page.locator('.status-line', { hasText: `${openYear} 年度年报状态` }).waitFor();

    // Go to the latest earlier year with an approved report (the demo has a few years of history).
    const yearNav = page.getByRole('navigation', { name: '填报年度' });
    const approved = yearNav.getByRole('link').filter({ hasText: '已通过' }).first();
    await approved.waitFor();
    await approved.click();
    await page.waitForURL(/\/reports\/\d{4}$/);
    const year = Number(page.url().split('/').pop());
    await page.locator('.status-line', { hasText: `${year} 年度年报状态` }).waitFor();

    await page.getByRole('heading', { level: 2, name: '工作指标' }).waitFor();
    await page.getByRole('heading', { level: 3, name: '基本情况' }).waitFor();
    const staffRow = page.locator('table.indicator-table tr', { hasText: '教职工总数' });
    await staffRow.waitFor();
    expect(await staffRow.locator('td').first().textContent()).toMatch(/^[\d,]+ 人/);
    // Money with thousands separators and 元 somewhere in the report.
    expect(await page.locator('table.indicator-table td.num').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d{1,3}(,\d{3})* 元/)]),
    );
    // Help text is a keyboard-operable disclosure.
    const help = staffRow.locator('details.help');
    await help.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await help.getAttribute('open')).not.toBeNull();
    await help.getByText('在编在岗').waitFor();

    for (const heading of ['主要工作与成绩', '存在的不足', '下一步计划']) {
      await page.getByRole('heading', { level: 3, name: heading }).waitFor();
    }
    await page.getByRole('heading', { level: 2, name: '荣誉' }).waitFor();

    await page.screenshot({ path: join(screenshotDir, 'desktop-report.png'), fullPage: false });
    await page.screenshot({ path: join(screenshotDir, 'desktop-report-full.png'), fullPage: true });
  });

  it('[chromium] a school that has not started the open year shows the empty state; an unknown school shows the server message', async () => {
    const notStarted = allSchools.find((s) => s.reportStatus === 'not_started');
    const page = await newPage();
    if (notStarted) {
      await page.goto(`/schools/${notStarted.id}/reports/${openYear}`);
      await page.getByText(`该校尚未开始填报 ${openYear} 年度年报`).waitFor();
    }
    await page.goto(`/schools/999999/reports/${openYear}`);
    await page.getByRole('heading', { level: 1, name: '页面不存在' }).waitFor();
    await page.locator('.state--empty', { hasText: '找不到这所学校' }).getByRole('link', { name: '返回首页' }).waitFor();
  });

  it('[chromium] switching to English shows English labels and the choice survives a reload', async () => {
    const page = await newPage();
    await page.goto('/schools');
    await waitForRowCount(page, allSchools.length);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Schools' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#school-summary').textContent()).toMatch(new RegExp(`^${allSchools.length} schools: \\d+ submitted`));
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Schools' }).waitFor();
    await page.getByLabel('School type').waitFor();

    const withReport = allSchools.find((s) => s.reportStatus !== 'not_started') ?? allSchools[0]!;
    await page.getByRole('link', { name: withReport.name, exact: true }).click();
    await page.getByRole('navigation', { name: 'Reporting years' }).waitFor();
    const approved = page.getByRole('navigation', { name: 'Reporting years' }).getByRole('link').filter({ hasText: 'Approved' }).first();
    await approved.click();
    await page.getByRole('heading', { level: 3, name: 'Basics' }).waitFor();
    await page.locator('table.indicator-table th', { hasText: 'Total staff' }).first().waitFor();
    await page.getByRole('heading', { level: 3, name: 'Main work and achievements' }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'desktop-report-en.png'), fullPage: false });

    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('heading', { level: 3, name: '基本情况' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  });

  it('[chromium] on a 360×740 phone the list becomes cards and neither page overflows horizontally', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
    await page.goto('/schools');
    await waitForRowCount(page, allSchools.length);
    const listOverflow = await hasNoHorizontalOverflow(page);
    expect(listOverflow.scrollWidth).toBeLessThanOrEqual(listOverflow.innerWidth);
    // Rows are laid out as cards (not table rows) that fit the screen.
    const card = await schoolRows(page)
      .first()
      .evaluate((tr) => ({ display: getComputedStyle(tr).display, right: tr.getBoundingClientRect().right }));
    expect(card.display).not.toBe('table-row');
    expect(card.right).toBeLessThanOrEqual(360);
    // Navigation stays reachable without a horizontal scroll.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '学校列表' }).waitFor({ state: 'visible' });
    await page.screenshot({ path: join(screenshotDir, 'phone-schools.png'), fullPage: false });

    const withReport = allSchools.find((s) => s.reportStatus !== 'not_started') ?? allSchools[0]!;
    await page.getByRole('link', { name: withReport.name, exact: true }).click();
    const approved = page.getByRole('navigation', { name: '填报年度' }).getByRole('link').filter({ hasText: '已通过' }).first();
    await approved.click();
    await page.getByRole('heading', { level: 3, name: '基本情况' }).waitFor();
    await page.getByRole('heading', { level: 3, name: '主要工作与成绩' }).waitFor();
    const reportOverflow = await hasNoHorizontalOverflow(page);
    expect(reportOverflow.scrollWidth).toBeLessThanOrEqual(reportOverflow.innerWidth);
    await page.screenshot({ path: join(screenshotDir, 'phone-report.png'), fullPage: false });
  });

  it('[chromium] keyboard users get a skip link to the main content and visible focus', async () => {
    const page = await newPage();
    await page.goto('/schools');
    await schoolRows(page).first().waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: '跳到主要内容' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    const box = await skip.boundingBox();
    expect(box && box.y >= 0).toBe(true); // moved on screen when focused
    expect(await skip.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
  });
});
