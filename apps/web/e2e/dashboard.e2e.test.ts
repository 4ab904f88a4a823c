// Browser tests of the dashboards (数据看板) against the real server with the
// demo district: one server and one Chromium for the file, each test in a fresh
// context logged in through the login page. Screenshots go to artifacts/screenshots.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { comparisonRows, type ComparisonRow, type PackedComparison } from '@union/domain';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, loginThroughForm, screenshotDir, type PageOptions, useBrowserSuite } from './browser';

interface YearInfo {
  year: number;
  isOpen: boolean;
}

/** The year the dashboards open on: the latest closed year. */
let year: number;
/** The year still open for reporting (plotted as partial in the trends). */
let openYear: number | null;
let rows: ComparisonRow[];
const suite = useBrowserSuite();

/** A new context logged in (admin by default) and on `path`. */
async function openAt(path: string, { user = 'admin', ...options }: PageOptions & { user?: string } = {}): Promise<Page> {
  const page = await suite.loggedIn(user, { path, ...options });
  await page.waitForURL((url) => url.pathname + url.search === path);
  return page;
}

const shot = (name: string) => join(screenshotDir, `dashboard-${name}.png`);

/** A figure (chart + table toggle) by its heading text. */
const figure = (page: Page, title: string | RegExp) => page.locator('figure.chart-figure', { has: page.locator('.chart-figure__title', { hasText: title }) });

/** Waits until the figure's chart has drawn its canvas. */
async function chartDrawn(page: Page, title: string | RegExp) {
  const fig = figure(page, title);
  await fig.locator('.echart canvas').first().waitFor();
  const box = await fig.locator('.echart canvas').first().boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(100);
  expect(box?.height ?? 0).toBeGreaterThan(100);
  return fig;
}

/** Opens a figure's 查看数据表 and returns the table. */
async function openDataTable(page: Page, title: string | RegExp) {
  const fig = figure(page, title);
  const toggle = fig.getByRole('button', { name: '查看数据表' });
  await toggle.click();
  expect(await fig.getByRole('button', { name: '隐藏数据表' }).getAttribute('aria-expanded')).toBe('true');
  const table = fig.locator('.chart-figure__table table');
  await table.waitFor();
  return table;
}

/** Scores of the comparison table, top to bottom; '—' rows are skipped. */
async function tableScores(page: Page): Promise<number[]> {
  const texts = await page.locator('table.compare-table tbody td[data-col="score"] .cell-value').allTextContents();
  return texts.filter((t) => t !== '—').map(Number);
}

describe('[chromium] dashboards', () => {
  beforeAll(async () => {
    const page = await openAt('/schools');
    const years = await apiQuery<YearInfo[]>(page, 'reports.years');
    year = (years.find((y) => !y.isOpen) ?? years[0]!).year;
    openYear = years.find((y) => y.isOpen)?.year ?? null;
    rows = comparisonRows(await apiQuery<PackedComparison>(page, 'dashboard.comparison', { year, codes: ['sick_visits'], perHundredStaff: false })).rows;
    await suite.closeContexts();
  });

  it('[chromium] the year overview shows completion, key indicator figures and the score distribution chart', async () => {
    const page = await openAt('/dashboard');
    await page.getByRole('heading', { level: 1, name: '年度概览' }).waitFor();
    await expect.poll(() => page.getByLabel('年度').inputValue()).toBe(String(year));
    await page.getByText('仅统计已审核通过的年报').first().waitFor();

    // Completion: a percentage and counts per status.
    const completion = page.locator('section', { has: page.getByRole('heading', { name: '填报进度' }) });
    expect(await completion.locator('.big-number').textContent()).toMatch(/^\d+%$/);
    expect(await completion.locator('.status-counts dd').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ 所$/)]));

    // Key indicators: totals with units, medians, and the proposal resolution rate.
    const cards = page.locator('.kpi');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThanOrEqual(8);
    expect(await page.locator('.kpi', { hasText: '提案办结率' }).locator('.kpi__value').textContent()).toMatch(/^\d+(\.\d)?%$/);
    expect(await page.locator('.kpi', { hasText: '困难帮扶金额' }).locator('.kpi__value').textContent()).toMatch(/\d{1,3}(,\d{3})* 元/);
    expect(await page.locator('.kpi', { hasText: '探望慰问病患人次' }).locator('.kpi__meta').textContent()).toMatch(/校中位数 [\d.]+ 人次/);

    // Score distribution: a drawn chart and its numbers as a table; star counts.
    await chartDrawn(page, '考核得分分布');
    const table = await openDataTable(page, '考核得分分布');
    const counts = (await table.locator('tbody td').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(rows.filter((r) => r.score !== null).length);
    expect(await page.locator('.star-counts li').count()).toBe(5);

    await page.screenshot({ path: shot('overview'), fullPage: true });
  });

  it('[chromium] the comparison table sorts by score (aria-sort), the per-100-staff switch changes the values, and the table exports as .xlsx', async () => {
    const page = await openAt('/dashboard/compare');
    await page.getByRole('heading', { level: 1, name: '学校对比' }).waitFor();
    await page.locator('table.compare-table tbody tr').first().waitFor();
    expect(await page.locator('table.compare-table tbody tr').count()).toBe(rows.length);

    // Default: score, highest first.
    const scoreHeader = page.locator('table.compare-table thead th', { hasText: '得分' });
    expect(await scoreHeader.getAttribute('aria-sort')).toBe('descending');
    const descending = await tableScores(page);
    expect(descending.length).toBeGreaterThan(10);
    expect(descending).toEqual([...descending].sort((a, b) => b - a));

    await scoreHeader.getByRole('button').click();
    expect(await scoreHeader.getAttribute('aria-sort')).toBe('ascending');
    const ascending = await tableScores(page);
    expect(ascending).toEqual([...descending].reverse());

    // Sorting by an indicator column moves aria-sort there.
    const visitsHeader = page.locator('table.compare-table thead th', { hasText: '探望慰问病患人次' });
    await visitsHeader.getByRole('button').click();
    expect(await visitsHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await scoreHeader.getAttribute('aria-sort')).toBeNull();

    // Per 100 staff: the unit says so and a school's value changes.
    const school = rows.find((r) => r.score !== null)!;
    const cell = page.locator('table.compare-table tbody tr', { has: page.getByRole('link', { name: school.schoolName, exact: true }) }).locator('td[data-col="sick_visits"] .cell-value');
    const raw = await cell.textContent();
    // The switch's state lives in the address, which updates in a transition: click, then wait.
    const per100 = page.getByRole('switch', { name: '按每百名教职工计算' });
    await per100.click();
    await page.waitForURL(/per100=1/);
    await expect.poll(() => per100.isChecked()).toBe(true);
    await visitsHeader.locator('.col-unit', { hasText: '/百人' }).waitFor();
    await expect.poll(() => cell.textContent()).not.toBe(raw);

    // Colour is never the only cue: cells show their percentile as a number.
    expect(await page.locator('table.compare-table tbody .pct').first().textContent()).toMatch(/^P\d{1,3}/);

    // The table (with the same filters) exports as .xlsx.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出对比表（Excel）' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByText(`已下载 ${download.suggestedFilename()}`).waitFor();

    // A school name opens its profile.
    await chartDrawn(page, '考核得分排名');
    await page.screenshot({ path: shot('compare'), fullPage: false });
    await page.getByRole('link', { name: school.schoolName, exact: true }).click();
    await page.waitForURL(`**/dashboard/schools/${school.schoolId}`);
    await page.getByRole('heading', { level: 1, name: school.schoolName }).waitFor();
  });

  it('[chromium] the heatmap and the trend chart draw, and their data tables open', async () => {
    const page = await openAt('/dashboard/compare');
    const heatmap = await chartDrawn(page, '各校各类别得分率');
    const heatTable = await openDataTable(page, '各校各类别得分率');
    expect(await heatTable.locator('tbody tr').count()).toBe(rows.filter((r) => r.score !== null).length);
    expect(await heatTable.locator('thead th').allTextContents()).toEqual(expect.arrayContaining(['民主管理', '维权帮扶']));
    expect(await heatTable.locator('tbody td').nth(1).textContent()).toMatch(/^\d+%$/);
    await figure(page, '各校各类别得分率').getByRole('button', { name: '隐藏数据表' }).click();
    await heatmap.screenshot({ path: shot('heatmap') });

    const chosen = rows.filter((r) => r.score !== null).slice(0, 3);
    const trends = await openAt(`/dashboard/trends?schools=${chosen.map((r) => r.schoolId).join(',')}`);
    await trends.getByRole('heading', { level: 1, name: '趋势与进步' }).waitFor();
    await chartDrawn(trends, '历年变化');
    expect(await trends.locator('.chip').allTextContents()).toEqual(chosen.map((r) => `${r.schoolName}×`));
    const trendTable = await openDataTable(trends, '历年变化');
    expect(await trendTable.locator('thead th').allTextContents()).toEqual(['年度', '区中位数', ...chosen.map((r) => r.schoolName)]);
    expect(await trendTable.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    // The year still open for reporting is marked as partial, in the table and in a note under the chart.
    expect(openYear).not.toBeNull();
    expect(await trendTable.locator('tbody tr > :first-child').allTextContents()).toContain(`${openYear}（进行中）`);
    await figure(trends, '历年变化').getByText('填报中的年度为进行中数据').waitFor();

    // Progress ranking: a table sorted by change and its bar chart.
    const changes = (await trends.locator('table.progress-table tbody td:nth-of-type(2)').allTextContents()).map((t) => Number(t.replace('−', '-').replace('+', '')));
    expect(changes.length).toBeGreaterThan(10);
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    await chartDrawn(trends, '得分变化');
    await trends.getByLabel('比较').selectOption('democracy');
    await figure(trends, '民主管理').waitFor();
    await trends.screenshot({ path: shot('trends'), fullPage: true });
  });

  it('[chromium] a school profile shows the score trend, the category radar and the gaps (查漏补缺); a chair sees only their own school', async () => {
    const lowest = [...rows].filter((r) => r.score !== null).sort((a, b) => a.score! - b.score!)[0]!;
    const page = await openAt(`/dashboard/schools/${lowest.schoolId}`);
    await page.getByRole('heading', { level: 1, name: lowest.schoolName }).waitFor();
    await chartDrawn(page, '得分与排名变化');
    await chartDrawn(page, '各类别得分与区中位数');
    const radarTable = await openDataTable(page, '各类别得分与区中位数');
    expect(await radarTable.locator('tbody th').allTextContents()).toEqual(expect.arrayContaining(['民主管理', '健康关怀']));

    const gaps = page.locator('.gap-list .gap');
    expect(await gaps.count()).toBeGreaterThan(0);
    expect(await gaps.first().locator('.gap__lost').textContent()).toMatch(/−[\d.]+ 分/);
    expect(await gaps.first().locator('.gap__advice').textContent()).toMatch(/可得 \+[\d.]+ 分/);
    // Links to the school's yearly reports.
    await page.getByRole('link', { name: `${year} 年度年报` }).waitFor();
    await page.screenshot({ path: shot('profile'), fullPage: true });

    // A chair: their own profile opens; another school's answers the server's not-found message.
    const chair = await openAt('/dashboard', { user: 'chair01' });
    const me = await apiQuery<{ schoolId: number }>(chair, 'auth.me');
    await chair.getByRole('heading', { name: '本校情况' }).waitFor();
    await chair.goto(`/dashboard/schools/${me.schoolId}`);
    await chair.locator('.gap-list, .profile-facts').first().waitFor();
    const other = rows.find((r) => r.schoolId !== me.schoolId)!;
    await chair.goto(`/dashboard/schools/${other.schoolId}`);
    await chair.getByText('找不到这所学校').waitFor();
    // The same not-found page as elsewhere, not a load failure with 重试.
    await chair.getByRole('heading', { name: '页面不存在' }).waitFor();
    expect(await chair.getByRole('button', { name: '重试' }).count()).toBe(0);
    expect(await chair.getByText(other.schoolName).count()).toBe(0);
    // The comparison is for district staff.
    await chair.goto('/dashboard/compare');
    await chair.getByRole('heading', { name: '无权访问' }).waitFor();
  });

  it('[chromium] the printable district summary renders totals, ranking, charts and top gaps, and prints to A4 without the site chrome', async () => {
    const page = await openAt('/dashboard/print');
    await page.getByRole('heading', { level: 1, name: new RegExp(`${year} 年度学校工会工作汇总`) }).waitFor();
    await page.getByRole('button', { name: '打印' }).waitFor();
    await page.locator('table.ranking-table tbody tr').first().waitFor();
    expect(await page.locator('table.ranking-table tbody tr').count()).toBe(rows.filter((r) => r.score !== null).length);
    await page.locator('table.gaps-table tbody tr').first().waitFor();
    expect(await page.locator('table.gaps-table tbody tr').count()).toBe(5);
    await chartDrawn(page, '考核得分分布');
    await chartDrawn(page, '考核得分排名');
    await page.screenshot({ path: shot('print'), fullPage: true });

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(screenshotDir, 'dashboard-print.pdf'), pdf);
    // Sections flow onto A4 pages (no forced breaks; print-summary.e2e.test.ts checks the layout page by page).
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(2);
  });

  it('[chromium] on a 360 px phone the dashboards fit the screen width (tables scroll inside their box)', async () => {
    const phone = { viewport: { width: 360, height: 740 }, isMobile: true };
    const page = await openAt('/dashboard/compare', phone);
    for (const path of ['/dashboard', '/dashboard/compare', '/dashboard/trends', `/dashboard/schools/${rows[0]!.schoolId}`, '/dashboard/print']) {
      if (!page.url().endsWith(path)) await page.goto(path);
      await page.locator('.echart canvas').first().waitFor();
      const width = await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth);
      expect(width, `${path} is wider than the phone`).toBeLessThanOrEqual(360);
      if (path === '/dashboard/compare') {
        // The comparison table scrolls sideways inside its own box.
        const scroller = page.locator('.table-scroll', { has: page.locator('table.compare-table') });
        expect(await scroller.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
        await page.screenshot({ path: shot('phone') });
      }
    }
  });

  it('[chromium] the dashboards load ECharts only on dashboard pages; JS sizes (gzip) are recorded', async () => {
    const jsFetched = async (path: string) => {
      const page = await suite.newPage();
      const scripts = new Map<string, number>();
      page.on('response', async (res) => {
        if (res.url().endsWith('.js') && res.ok()) scripts.set(new URL(res.url()).pathname, gzipSync(await res.body()).length);
      });
      await page.goto(`/login?next=${encodeURIComponent(path)}`);
      await loginThroughForm(page, 'admin');
      await page.waitForURL(`**${path}`);
      await page.locator('table').first().waitFor();
      if (path.startsWith('/dashboard')) await page.locator('.echart canvas').first().waitFor();
      await page.waitForLoadState('networkidle');
      return scripts;
    };
    const schools = await jsFetched('/schools');
    const compare = await jsFetched('/dashboard/compare');
    const sum = (m: Map<string, number>, keys = [...m.keys()]) => keys.reduce((a, k) => a + (m.get(k) ?? 0), 0);
    const dashboardOnly = [...compare.keys()].filter((k) => !schools.has(k));
    const figures = {
      schoolsListKB: +(sum(schools) / 1024).toFixed(1),
      dashboardCompareTotalKB: +(sum(compare) / 1024).toFixed(1),
      dashboardOnlyKB: +(sum(compare, dashboardOnly) / 1024).toFixed(1),
      chunks: Object.fromEntries([...compare].map(([k, v]) => [k.replace('/assets/', ''), +(v / 1024).toFixed(1)])),
    };
    writeFileSync(join(screenshotDir, 'dashboard-bundle.json'), JSON.stringify(figures, null, 2));
    console.log('dashboard JS (gzip KB):', JSON.stringify(figures));
    expect([...schools.keys()].some((k) => k.includes('echarts'))).toBe(false);
    expect(dashboardOnly.some((k) => k.includes('echarts'))).toBe(true);
    expect(figures.dashboardOnlyKB).toBeLessThanOrEqual(300);
  });
});
