// The city level in the browser: 市教育工会 (city1) logs in, lands on 各区对比 (three districts
// side by side, table + chart), and opens one district to see its schools. Screenshots at desktop
// width and on a 390 px phone go to artifacts/screenshots.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loginThroughForm, screenshotDir, useBrowserSuite } from './browser';

const suite = useBrowserSuite();
const shot = (name: string) => join(screenshotDir, `city-${name}.png`);

async function districtTable(page: Page) {
  const table = page.locator('table.district-table');
  await table.waitFor();
  return table;
}

describe('[chromium] city: the district comparison and a drill-down', () => {
  it('[chromium] city1 compares the three districts and opens one of them', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    await loginThroughForm(page, 'city1');
    await page.waitForURL('**/dashboard/districts');
    const table = await districtTable(page);
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toEqual(['示范区教育工会', '滨江区教育工会', '山南区教育工会']);
    // 2025 (the latest closed year): the demo district's 28 open schools, the two smaller ones' 6 and 4.
    expect(await table.locator('tbody tr').nth(0).locator('td').first().textContent()).toBe('28');
    expect(await table.locator('tbody tr').nth(1).locator('td').first().textContent()).toBe('6');
    await page.locator('figure.chart-figure .echart canvas').first().waitFor();
    await page.locator('table.district-indicators').waitFor();
    expect(await page.locator('.brand__district').textContent()).toBe('示范市教育工会');
    await page.screenshot({ path: shot('districts'), fullPage: true });

    // Drill into 滨江区: the year overview of that district only, with a way back.
    await table.getByRole('link', { name: '查看滨江区教育工会' }).click();
    await page.waitForURL(/\/dashboard\?district=\d+&year=\d+/);
    await page.getByText('正在查看：滨江区教育工会').waitFor();
    await page.locator('.kpi').first().waitFor();
    // The comparison tab keeps the district: only 滨江 schools.
    await page.getByRole('navigation', { name: '数据看板' }).getByRole('link', { name: '学校对比' }).click();
    await page.waitForURL(/\/dashboard\/compare\?district=\d+/);
    const rows = page.locator('table.compare-table tbody tr');
    await rows.first().waitFor();
    const schoolNames = await page.locator('table.compare-table tbody th').allTextContents();
    expect(schoolNames.length).toBe(6);
    expect(schoolNames.every((n) => /滨江|江湾/.test(n))).toBe(true);
    await page.screenshot({ path: shot('drill-compare'), fullPage: false });
    await page.getByRole('link', { name: '返回各区对比' }).click();
    await page.waitForURL('**/dashboard/districts**');
    await districtTable(page);
  });

  it('[chromium] on a 390 px phone the comparison fits and reads', async () => {
    const page = await suite.newPage({ viewport: { width: 390, height: 844 } });
    await loginThroughForm(page, 'cityview1');
    await page.waitForURL('**/dashboard/districts');
    await districtTable(page);
    await page.locator('figure.chart-figure .echart canvas').first().waitFor();
    expect(await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth <= window.innerWidth)).toBe(true);
    await page.screenshot({ path: shot('districts-phone'), fullPage: true });
  });

  it('[chromium] in English the page has no Chinese outside data (district names)', async () => {
    const page = await suite.newPage({ viewport: { width: 1280, height: 900 } });
    await loginThroughForm(page, 'cityview1');
    await page.waitForURL('**/dashboard/districts');
    await page.evaluate(() => localStorage.setItem('union.lang', 'en'));
    await page.reload();
    await page.getByRole('heading', { name: 'Districts compared' }).waitFor();
    await districtTable(page);
    await page.getByRole('columnheader', { name: 'District union' }).waitFor();
    const found = await page.evaluate(() => {
      const HAN = /[\u4e00-\u9fff]/;
      const main = document.querySelector('main')!;
      const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
      const out: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (HAN.test(node.textContent ?? '') && !node.parentElement?.closest('[data-user-content], [hidden], option')) out.push((node.textContent ?? '').trim());
      }
      return out;
    });
    expect(found).toEqual([]);
    await page.screenshot({ path: shot('districts-en'), fullPage: false });
  });
});
