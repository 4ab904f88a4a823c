// The v2 考核评估表 editor in the browser: the city admin (who sets the common rubric
// of the demo city's districts) switches a year to the new
// model, starts from the 昆山 template, changes an item and watches the live
// maximum follow, meets the Chinese checks beside the fields, and saves.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiMutation, apiQuery, screenshotDir, useBrowserSuite } from './browser';

const YEAR = 2024;
const suite = useBrowserSuite();

describe('[chromium] rubric v2 editor', () => {
  it('[chromium] loads the 昆山 template, shows the maximum change, refuses in Chinese, saves, at 390 px too', async () => {
    const page = await suite.loggedIn('city1', { path: `/admin/rubric?year=${YEAR}` });
    await page.getByRole('button', { name: '改用新版评估表（人工评分、扣分、加分、一票否决）' }).click();
    await page.getByLabel('从模板开始').selectOption('kunshan');
    await page.getByRole('button', { name: '载入模板' }).click();
    await page.getByRole('status').filter({ hasText: '已载入模板：昆山市基层教育工会考核' }).waitFor();

    const base = page.getByTestId('max-base');
    expect(await base.textContent()).toBe('基础分合计 100 分');
    expect(await page.getByTestId('max-bonus').textContent()).toBe('含加分：上不封顶');
    expect(await page.getByTestId('category-max-basics').textContent()).toBe('基础分 20 · 含加分上不封顶');

    // 党政重视 (a deduction item) from 6 to 8 points: the maximum follows as it is typed.
    const leadership = page.locator('.editor-item[data-item="leadership"]');
    await leadership.getByLabel('分值', { exact: true }).fill('8');
    await page.getByTestId('category-max-basics').filter({ hasText: '基础分 22' }).waitFor();
    expect(await base.textContent()).toBe('基础分合计 102 分');
    await page.getByTestId('rubric-maximum').filter({ hasText: '基础分合计 102 分，与满分 100 分不符' }).waitFor();

    // An empty title too: both refused in Chinese, beside the fields and in the summary, before anything is sent.
    const ledger = page.locator('.editor-item[data-item="ledger"]');
    await ledger.getByLabel('评分项名称').fill('');
    await page.getByRole('button', { name: '保存评估表' }).click();
    const alert = page.getByRole('alert').filter({ hasText: '评估表有误' });
    await alert.waitFor();
    await ledger.locator('.form-field__error', { hasText: '请填写评分项名称' }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    // Keyboard users land on the first field to fix.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await ledger.getByLabel('评分项名称').fill('台帐齐全归档');
    await page.getByRole('button', { name: '保存评估表' }).click();
    await alert.filter({ hasText: '各类别基础分合计为 102 分，应为满分 100 分' }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'rubric-v2-editor-errors.png'), fullPage: false });

    // 台帐 from 5 to 3: back to 100, and the rubric saves with the year rescored.
    await ledger.getByLabel('分值', { exact: true }).fill('3');
    await page.getByTestId('rubric-maximum').filter({ hasText: '基础分合计 100 分' }).waitFor();
    await page.getByRole('button', { name: '保存评估表' }).click();
    const dialog = page.getByRole('dialog', { name: '保存考核评估表' });
    await dialog.getByText(`${YEAR} 年度使用新版评估表`).waitFor();
    await dialog.getByRole('button', { name: '保存并重新计分' }).click();
    await page.getByRole('status').filter({ hasText: /新版评估表已保存，已重新计算 \d+ 份/ }).waitFor();

    // Reloaded: the year opens in the v2 editor with what was saved.
    await page.reload();
    await page.locator('.editor-item[data-item="leadership"]').getByLabel('分值', { exact: true }).waitFor();
    expect(await page.locator('.editor-item[data-item="leadership"]').getByLabel('分值', { exact: true }).inputValue()).toBe('8');
    expect(await page.getByTestId('max-base').textContent()).toBe('基础分合计 100 分');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshotDir, 'rubric-v2-editor.png') });

    // 390 px: no sideways scrolling; the maximum stays in view at the bottom.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth <= window.innerWidth)).toBe(true);
    await page.locator('.editor-item[data-item="model_home"]').scrollIntoViewIfNeeded();
    expect(await page.getByTestId('rubric-maximum').isVisible()).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'rubric-v2-editor-390.png') });
  });

  it('[chromium] dashboards of a rated year show 综评分 and who over-rates themselves, on screen and in the printed summary', async () => {
    type Item = { id: string; kind: string; points?: number };
    // The city admin publishes the rubric; the district admin rates its schools and reads the dashboards.
    const city = await suite.loggedIn('city1', { path: '/' });
    const templates = await apiQuery<{ id: string; rubric: { items: Item[] } }[]>(city, 'rubric.templates', { year: YEAR });
    const kunshan = templates.find((t) => t.id === 'kunshan')!.rubric;
    await apiMutation(city, 'rubric.saveDefinition', { year: YEAR, definition: kunshan });
    const admin = await suite.loggedIn('admin', { path: '/' });
    const full = (overrides: Record<string, unknown> = {}) => ({
      ...Object.fromEntries(kunshan.items.flatMap((i): [string, object][] => (i.kind === 'manual' ? [[i.id, { earned: i.points }]] : i.kind === 'deduction' ? [[i.id, { occurrences: 0 }]] : []))),
      ...overrides,
    });
    // Two approved reports: one school over-rates itself by 5 (台帐 and 投稿), the other under-rates by 2.
    const { schools } = await apiQuery<{ schools: { id: number; code: string; name: string }[] }>(admin, 'schools.list', {});
    const approved: { id: number; code: string; name: string; reportId: number }[] = [];
    for (const school of schools) {
      const view = await apiQuery<{ status: string; report: { id: number } | null }>(admin, 'reports.get', { schoolId: school.id, year: YEAR }).catch(() => null);
      if (view?.status === 'approved' && view.report) approved.push({ ...school, reportId: view.report.id });
      if (approved.length === 2) break;
    }
    const [over, under] = approved;
    const rate = async (school: typeof over, self: object, inspection: object) => {
      const chair = await suite.loggedIn(`chair${school!.code.slice(1)}`, { path: '/' });
      await apiMutation(chair, 'rubric.rate', { reportId: school!.reportId, raterId: 'self', ratings: self });
      await apiMutation(admin, 'rubric.rate', { reportId: school!.reportId, raterId: 'inspection', ratings: inspection });
    };
    await rate(over, full(), full({ ledger: { earned: 2 }, articles: { earned: 2 } }));
    await rate(under, full({ innovation: { earned: 8 } }), full());

    await admin.goto(`/dashboard?year=${YEAR}`);
    await admin.getByTestId('combined-note').waitFor();
    const section = admin.getByTestId('self-gaps');
    await section.getByRole('heading', { name: '自评与考评的差距' }).waitFor();
    const rows = section.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').textContent()).toBe(over!.name);
    expect(await rows.nth(0).textContent()).toContain('+5');
    expect(await rows.nth(0).textContent()).toContain('台帐齐全归档 +3');
    expect(await rows.nth(1).textContent()).toContain('-2');
    await section.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: join(screenshotDir, 'dashboard-self-gaps.png') });

    // The comparison labels its score column 综评分.
    await admin.goto(`/dashboard/compare?year=${YEAR}`);
    await admin.getByTestId('combined-note').waitFor();
    await admin.getByRole('columnheader', { name: /综评分/ }).first().waitFor();

    // The printed summary carries the same table.
    await admin.goto(`/dashboard/print?year=${YEAR}`);
    const printed = admin.getByTestId('self-gaps');
    await printed.locator('tbody tr').first().waitFor();
    expect(await printed.locator('tbody tr').nth(0).locator('th').textContent()).toBe(over!.name);
    await admin.setViewportSize({ width: 390, height: 844 });
    await printed.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: join(screenshotDir, 'print-self-gaps-390.png') });
  });
});
