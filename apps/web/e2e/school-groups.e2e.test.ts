// Browser test of school groups and the league table on the comparison (学校对比) and the
// school profile, against the real server with the demo district. Screenshots: desktop and 390 px.
import { join } from 'node:path';
import { comparisonRows, type PackedComparison } from '@union/domain';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiQuery, screenshotDir, useBrowserSuite } from './browser';

const suite = useBrowserSuite();
const shot = (name: string) => join(screenshotDir, `school-groups-${name}.png`);
const YEAR = 2025;

async function compareRows(page: Page) {
  await page.locator('table.compare-table tbody tr').first().waitFor();
  return page.locator('table.compare-table tbody tr');
}

describe('[chromium] school groups and the league table', () => {
  it('[chromium] filters the comparison to a group and groups it by 学段, kept in the address; rank changes with arrows and a legend', async () => {
    const page = await suite.loggedIn('admin', { path: `/dashboard/compare?year=${YEAR}` });
    await compareRows(page);
    const all = comparisonRows(await apiQuery<PackedComparison>(page, 'dashboard.comparison', { year: YEAR, codes: ['sick_visits'] })).rows;
    expect(await (await compareRows(page)).count()).toBe(all.length);

    // League: every scored school has ▲/▼/—/新; the merged 西苑春晖幼儿园 continues a predecessor's rank (*).
    const legend = page.getByRole('note', { name: '名次变化说明' });
    await legend.waitFor();
    expect(await legend.textContent()).toContain('▲');
    const merged = page.locator('table.compare-table tbody tr', { hasText: '西苑春晖幼儿园' });
    expect(await merged.locator('.league').getAttribute('class')).toContain('league--inherited');
    const movements = await page.locator('table.compare-table tbody .league').evaluateAll((els) => els.map((e) => e.getAttribute('data-movement')));
    expect(movements.length).toBe(all.filter((r) => r.score !== null).length);
    expect(movements.some((m) => m === 'up') && movements.some((m) => m === 'down')).toBe(true);
    await page.screenshot({ path: shot('compare-desktop'), fullPage: true });

    // Filter: 农村 only.
    await page.getByTestId('group-filter').selectOption('locality:rural');
    await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe('locality:rural');
    await page.getByText('仅统计：农村').waitFor();
    const rural = comparisonRows(await apiQuery<PackedComparison>(page, 'dashboard.comparison', { year: YEAR, codes: ['sick_visits'], group: { set: 'locality', value: 'rural' } })).rows;
    expect(rural.length).toBeGreaterThan(0);
    await expect.poll(async () => (await compareRows(page)).count()).toBe(rural.length);

    // Group-by within the filter, then without it: the group rows add up to the schools shown.
    await page.getByTestId('group-filter').selectOption('');
    await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBeNull();
    await expect.poll(async () => (await compareRows(page)).count()).toBe(all.length);
    await page.getByTestId('group-by').selectOption('stage');
    await expect.poll(() => new URL(page.url()).searchParams.get('by')).toBe('stage');
    const summary = page.getByTestId('group-summary');
    await summary.getByRole('heading', { name: '按学段汇总' }).waitFor();
    const total = async () => (await summary.locator('tbody tr td:nth-of-type(1)').allTextContents()).map(Number).reduce((a, b) => a + b, 0);
    await expect.poll(total).toBe(all.length);
    expect(await summary.locator('tbody tr[data-group="preschool"] th').textContent()).toBe('学前');

    // The address keeps the choices: a reload shows the same view.
    await page.getByTestId('group-filter').selectOption('ownership:public');
    await expect.poll(() => new URL(page.url()).searchParams.get('group')).toBe('ownership:public');
    await page.reload();
    await summary.waitFor();
    expect(await page.getByTestId('group-filter').inputValue()).toBe('ownership:public');
    expect(await page.getByTestId('group-by').inputValue()).toBe('stage');
    await page.screenshot({ path: shot('compare-grouped-desktop'), fullPage: true });
  }, 180_000);

  it('[chromium] on a phone (390 px) the selectors, the league column and the group rows fit', async () => {
    const page = await suite.loggedIn('admin', { path: `/dashboard/compare?year=${YEAR}&group=locality:town&by=groups`, viewport: { width: 390, height: 844 }, isMobile: true });
    await compareRows(page);
    await page.getByTestId('group-summary').getByRole('heading', { name: '按区定分组汇总' }).waitFor();
    await page.getByText('仅统计：乡镇').waitFor();
    // No sideways scrolling of the page itself (tables scroll inside their own region).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: shot('compare-phone'), fullPage: true });
  }, 120_000);

  it('[chromium] the profile of the merged school shows its rank history with the inherited change and the legend', async () => {
    const page = await suite.loggedIn('admin', { path: '/dashboard' });
    const schools = await apiQuery<{ schools: { id: number; code: string }[] }>(page, 'schools.list', {});
    const s31 = schools.schools.find((s) => s.code === 'S31')!;
    await page.goto(`/dashboard/schools/${s31.id}`);
    const history = page.getByTestId('rank-history');
    await history.waitFor();
    const row2025 = history.locator('tbody tr', { has: page.locator('th', { hasText: '2025' }) });
    expect(await row2025.locator('.league').getAttribute('class')).toContain('league--inherited');
    await page.getByRole('note', { name: '名次变化说明' }).waitFor();
    await page.screenshot({ path: shot('profile-desktop'), fullPage: true });
  }, 120_000);

  it('[chromium] trends: a median line per group beside the district median, and the printed summary’s group rows', async () => {
    const page = await suite.loggedIn('admin', { path: '/dashboard/trends?by=locality&group=ownership:public' });
    const fig = page.locator('figure.chart-figure').first();
    await fig.locator('.echart canvas').first().waitFor();
    await page.getByText('仅统计：公办').waitFor();
    await fig.getByRole('button', { name: '查看数据表' }).click();
    const headers = await fig.locator('.chart-figure__table thead th').allTextContents();
    expect(headers).toEqual(expect.arrayContaining(['区中位数', '城区（中位数）', '乡镇（中位数）', '农村（中位数）']));
    await page.screenshot({ path: shot('trends-desktop'), fullPage: true });

    await page.goto(`/dashboard/print?year=${YEAR}&by=ownership`);
    const summary = page.getByTestId('group-summary');
    await summary.getByRole('heading', { name: '按办学性质汇总' }).waitFor();
    expect(await summary.locator('tbody tr').count()).toBe(2);
    await page.getByRole('note', { name: '名次变化说明' }).waitFor();
    await page.screenshot({ path: shot('print-desktop'), fullPage: true });
  }, 120_000);
});
