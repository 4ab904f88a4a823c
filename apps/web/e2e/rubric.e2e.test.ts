// 考核评估表 in the browser: the city admin edits the year's common rubric (the total must be
// 100), saves it (rescoring the year's approved reports), and the district admin enters a
// report's acceptance score (验收分) on the review page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiQuery, clickAdminMenuLink, loginThroughForm, screenshotDir, useBrowserSuite } from './browser';

const YEAR = 2025;

const suite = useBrowserSuite();

async function newPage(): Promise<Page> {
  const page = await suite.newPage();
  return page;
}

describe('[chromium] rubric: assessment table and acceptance score', () => {
  it('[chromium] the admin fixes a rubric that does not total 100, saves it, and enters an acceptance score', async () => {
    // The demo district sits under a city: the rubric is the city's (市教育工会) to set.
    let page = await newPage();
    await loginThroughForm(page, 'city1');

    await clickAdminMenuLink(page, '考核评估表');
    await page.waitForURL('**/admin/rubric');
    await page.getByLabel('年度').selectOption(String(YEAR));
    await page.waitForURL(`**/admin/rubric?year=${YEAR}`);
    const items = page.locator('.rubric-item');
    await items.first().waitFor();
    const total = page.getByTestId('rubric-total');
    expect(await total.textContent()).toContain('合计 100 / 100 分');
    await page.getByText('使用默认评估表').waitFor();

    // One item loses a point: the total turns red and the rubric cannot be saved.
    const firstPoints = items.nth(0).getByRole('spinbutton').first();
    const secondPoints = items.nth(1).getByRole('spinbutton').first();
    const first = Number(await firstPoints.inputValue());
    const second = Number(await secondPoints.inputValue());
    await firstPoints.fill(String(first - 1));
    await page.locator('.rubric-total--wrong', { hasText: '合计 99 / 100 分' }).waitFor();
    expect(await total.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(180, 35, 24)');
    await page.getByRole('button', { name: '保存评估表' }).click();
    await page.getByRole('alert').filter({ hasText: '各评分项分值合计为 99 分，应为 100 分' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);

    // Another item gains it back: 100 again; saving explains the rescoring and reports it.
    await secondPoints.fill(String(second + 1));
    await page.locator('.rubric-total:not(.rubric-total--wrong)', { hasText: '合计 100 / 100 分' }).waitFor();
    await page.getByRole('button', { name: '保存评估表' }).click();
    const dialog = page.getByRole('dialog', { name: '保存考核评估表' });
    await dialog.getByText(`重新计算 ${YEAR} 年度所有已审核通过年报`).waitFor();
    await dialog.getByRole('button', { name: '保存并重新计分' }).click();
    const saved = page.getByRole('status').filter({ hasText: /已重新计算 \d+ 份已审核通过年报的得分/ });
    await saved.waitFor();
    const rescored = Number(/已重新计算 (\d+) 份/.exec((await saved.textContent()) ?? '')?.[1]);
    expect(rescored).toBeGreaterThan(0);
    expect(await page.getByText('使用默认评估表').count()).toBe(0);
    expect(await items.nth(0).getByRole('spinbutton').first().inputValue()).toBe(String(first - 1));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshotDir, 'rubric-editor.png') });

    // 360 px: no sideways scrolling.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The acceptance score on an approved report's review page (the district's), kept after a reload.
    page = await newPage();
    await loginThroughForm(page, 'admin');
    const { schools } = await apiQuery<{ schools: { id: number }[] }>(page, 'schools.list');
    let schoolId: number | null = null;
    for (const s of schools) {
      const view = await apiQuery<{ status: string }>(page, 'reports.get', { schoolId: s.id, year: YEAR });
      if (view.status === 'approved') {
        schoolId = s.id;
        break;
      }
    }
    expect(schoolId).not.toBeNull();
    await page.goto(`/review/${YEAR}/${schoolId}`);
    const panel = page.getByRole('region', { name: '考核评分' });
    await panel.getByTestId('assessment-automatic').getByText(/^\d+(\.\d)? 分$/).waitFor();
    await panel.getByText(/星级：/).waitFor();
    await panel.getByLabel('验收分（0–100）').fill('87.5');
    await panel.getByLabel('验收说明').fill('资料齐全，现场验收通过');
    await panel.getByRole('button', { name: '保存验收分' }).click();
    await panel.getByRole('status').filter({ hasText: '验收分已保存。' }).waitFor();

    await page.reload();
    const acceptance = page.getByRole('region', { name: '考核评分' }).getByTestId('assessment-acceptance');
    await acceptance.getByText('87.5 分').waitFor();
    expect(await acceptance.getByLabel('验收说明').inputValue()).toBe('资料齐全，现场验收通过');
  });
});
