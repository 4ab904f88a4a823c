// Narratives in the browser: the district searches every school's 总结 (总结检索),
// and a chair pre-fills their draft from their own summary (从总结导入).
// One real server with the demo district, one Chromium.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, screenshotDir, type PageOptions, useBrowserSuite } from './browser';

interface YearInfo {
  year: number;
  isOpen: boolean;
}
interface ListedSchool {
  id: number;
  name: string;
  reportStatus: string;
}
interface ListedUser {
  username: string;
  role: string;
  orgUnitId: number;
  disabled: boolean;
  mustChangePassword: boolean;
}

const SUMMARY = ['一、主要工作', '全年慰问生病住院教职工12人次，支出慰问金3600元。组织教职工健康体检86人。', '二、下一步打算', '明年计划投资十万元。'].join('\n');

/** Made up: a sure figure, one the extractor is less sure of (the 可能相关 group) and a plan. */
const TIERED_SUMMARY = ['一、主要工作', '全年慰问生病住院教职工12人次。教师节前，工会走访了教职工，共18人次。', '二、下一步打算', '明年计划投入3万元改造教工活动室。'].join('\n');

let openYear: number;
/** A chair whose school's report for the open year the chair may still edit. */
let chair: { username: string; schoolId: number; schoolName: string };
const suite = useBrowserSuite();

const newPage = (username: string, options: PageOptions = {}) => suite.loggedIn(username, options);

/** The value in the draft form's field for an indicator. */
const formValue = (page: Page, code: string) => page.locator(`[data-field="values.${code}"] input`).first().inputValue();

async function noHorizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const el = document.scrollingElement ?? document.documentElement;
    const dialog = document.querySelector('dialog[open]');
    return { page: el.scrollWidth <= window.innerWidth, dialog: dialog ? dialog.scrollWidth <= dialog.clientWidth + 1 : true };
  });
}

/** Opens 从总结导入 on the chair's report, pastes the summary and waits for the review step. */
async function importSummary(page: Page, summary = SUMMARY) {
  await page.getByRole('button', { name: '从总结导入' }).click();
  const dialog = page.getByRole('dialog', { name: '从总结导入' });
  await dialog.waitFor();
  await dialog.getByLabel('粘贴总结全文').fill(summary);
  await dialog.getByRole('button', { name: '识别数字' }).click();
  const review = dialog.getByRole('heading', { name: '第 2 步：核对识别出的数字' });
  await review
    .or(dialog.getByRole('alert'))
    .first()
    .waitFor({ timeout: 20_000 })
    .catch(async (e: unknown) => {
      await page.screenshot({ path: join(screenshotDir, 'debug-import.png') });
      console.log(await dialog.innerHTML().catch(() => 'no dialog'));
      throw e;
    });
  if (!(await review.isVisible())) {
    await page.screenshot({ path: join(screenshotDir, 'debug-import.png') });
    throw new Error(`import failed: ${await dialog.getByRole('alert').first().textContent()}`);
  }
  return dialog;
}

describe('[chromium] narratives: search and import from summary', () => {
  beforeAll(async () => {
    const page = await newPage('admin');
    const years = await apiQuery<YearInfo[]>(page, 'reports.years');
    openYear = (years.find((y) => y.isOpen) ?? years[0])!.year;
    const schools = (await apiQuery<{ schools: ListedSchool[] }>(page, 'schools.list', { year: openYear })).schools;
    const users = await apiQuery<ListedUser[]>(page, 'users.list');
    const editable = schools.filter((s) => s.reportStatus === 'draft' || s.reportStatus === 'not_started');
    for (const school of editable) {
      const user = users.find((u) => u.role === 'school_chair' && u.orgUnitId === school.id && !u.disabled && !u.mustChangePassword);
      if (user) {
        chair = { username: user.username, schoolId: school.id, schoolName: school.name };
        break;
      }
    }
    expect(chair, 'a demo chair with an editable report').toBeDefined();
    await suite.closeContexts();
  });

  it('[chromium] a viewer searches 送温暖 in all summaries, sees the match highlighted and opens the school report', async () => {
    const page = await newPage('viewer');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '总结检索' }).click();
    await page.getByRole('heading', { level: 1, name: '总结检索' }).waitFor();
    await page.getByText('输入词语开始检索').waitFor();

    await page.getByRole('button', { name: '送温暖', exact: true }).click();
    await page.locator('.search-hit mark').first().waitFor({ timeout: 15_000 });
    expect(page.url()).toContain('q=%E9%80%81%E6%B8%A9%E6%9A%96');
    expect(await page.getByRole('searchbox', { name: '检索内容' }).inputValue()).toBe('送温暖');
    const marks = await page.locator('.search-hit mark').allTextContents();
    expect(marks.length).toBeGreaterThan(0);
    expect(new Set(marks)).toEqual(new Set(['送温暖']));
    await expect.poll(() => page.getByRole('status').filter({ hasText: /找到 \d+ 条包含“送温暖”的内容/ }).count()).toBe(1);
    await page.screenshot({ path: join(screenshotDir, 'desktop-narrative-search.png'), fullPage: false });

    // One year only.
    await page.getByLabel('年度', { exact: true }).selectOption(String(openYear - 1));
    await page.waitForURL(new RegExp(`year=${openYear - 1}`));
    await expect
      .poll(async () => [...new Set(await page.locator('.search-hit__year').allTextContents())], { timeout: 15_000 })
      .toEqual([`${openYear - 1} 年度`]);

    // Nothing found.
    await page.getByRole('searchbox', { name: '检索内容' }).fill('不存在的做法甲乙丙');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    await page.getByText('没有找到包含“不存在的做法甲乙丙”的内容').waitFor();

    // Back to the results, then through to a school's report.
    await page.goBack();
    const first = page.locator('.search-hit').first();
    await first.waitFor();
    const schoolName = (await first.locator('.search-hit__school').textContent())!;
    await first.getByRole('link', { name: `${schoolName} · 查看 ${openYear - 1} 年度年报` }).click();
    await page.waitForURL(new RegExp(`/schools/\\d+/reports/${openYear - 1}$`));
    await page.getByRole('heading', { level: 1, name: new RegExp(schoolName) }).waitFor();
  });

  it('[chromium] the search page works at 360 px', async () => {
    const page = await newPage('viewer', { viewport: { width: 360, height: 740 }, isMobile: true });
    await page.goto('/search?q=%E5%B8%88%E5%BE%92%E7%BB%93%E5%AF%B9');
    await page.locator('.search-hit mark').first().waitFor({ timeout: 15_000 });
    expect(await page.locator('.search-hit mark').first().textContent()).toBe('师徒结对');
    expect(await noHorizontalOverflow(page)).toEqual({ page: true, dialog: true });
    await page.screenshot({ path: join(screenshotDir, 'phone-narrative-search.png') });
  });

  it('[chromium] a chair pastes a summary, accepts two figures, rejects one and sees the values in the draft, not submitted', async () => {
    const page = await newPage(chair.username);
    await page.goto(`/schools/${chair.schoolId}/reports/${openYear}`);
    await page.getByRole('button', { name: '从总结导入' }).waitFor({ timeout: 15_000 });
    const before = await formValue(page, 'health_checkup_participants');

    const dialog = await importSummary(page);
    // Every suggestion's sentence is highlighted, its figure emphasised.
    const text = dialog.getByTestId('import-text');
    expect(await text.locator('mark').count()).toBeGreaterThanOrEqual(2);
    expect(await text.locator('mark strong').allTextContents()).toEqual(expect.arrayContaining(['12人次', '3600元', '86人']));

    const visits = dialog.getByRole('checkbox', { name: '采用：探望慰问病患人次 12 人次' });
    const amount = dialog.getByRole('checkbox', { name: '采用：探病慰问支出 3,600 元' });
    await visits.check();
    await amount.check();
    await dialog.getByRole('button', { name: '不采用：组织体检人数 86 人' }).click();
    expect(await dialog.getByRole('checkbox', { name: '采用：组织体检人数 86 人' }).isChecked()).toBe(false);
    await dialog.getByText('已排除').waitFor();

    // A suggestion leads to its sentence, and a sentence to its suggestion.
    await dialog.locator('[data-suggestion]').filter({ hasText: '12人次' }).first().getByRole('button', { name: '查看原文' }).click();
    await text.locator('mark.nimport__sentence--active', { hasText: '12人次' }).first().waitFor();
    await text.locator('mark', { hasText: '86人' }).first().click();
    await dialog.locator('.nimport__item--active').filter({ hasText: '86人' }).waitFor();

    await visits.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'desktop-narrative-import.png') });

    await dialog.getByRole('button', { name: '填入草稿（2 项）' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await formValue(page, 'sick_visits')).toBe('12');
    expect(await formValue(page, 'sick_visit_amount')).toBe('3600');
    expect(await formValue(page, 'health_checkup_participants')).toBe(before);
    // Never submitted: the submit button is still there to press.
    await page.getByRole('button', { name: '提交年报' }).waitFor();
  });

  it('[chromium] at 390 px confident figures are ticked, 「可能相关」 ones are unticked in their own group and plans apart', async () => {
    const page = await newPage(chair.username, { viewport: { width: 390, height: 844 }, isMobile: true });
    await page.goto(`/schools/${chair.schoolId}/reports/${openYear}`);
    await page.getByRole('button', { name: '从总结导入' }).waitFor({ timeout: 15_000 });
    const dialog = await importSummary(page, TIERED_SUMMARY);

    const possible = dialog.locator('section.nimport__possible');
    await possible.getByRole('heading', { name: '可能相关' }).waitFor();
    const unsure = possible.getByRole('checkbox', { name: '采用：节日走访慰问人次 18 人次' });
    expect(await unsure.isChecked()).toBe(false);
    // The sure figure is outside that group, ticked unless it would change a value the draft already has;
    // the plan is apart and unticked.
    const sure = dialog.getByRole('checkbox', { name: '采用：探望慰问病患人次 12 人次' });
    expect(await possible.getByRole('checkbox', { name: '采用：探望慰问病患人次 12 人次' }).count()).toBe(0);
    const sureConflicts = (await dialog.locator('[data-suggestion]').filter({ hasText: '12人次' }).first().locator('.nimport__conflict').count()) > 0;
    expect(await sure.isChecked()).toBe(!sureConflicts);
    const plans = dialog.locator('section.nimport__plans');
    expect(await plans.getByRole('checkbox', { name: /^采用：教工活动设施投入金额/ }).isChecked()).toBe(false);
    expect(await noHorizontalOverflow(page)).toEqual({ page: true, dialog: true });

    await possible.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'phone-narrative-import-possible.png') });
    // Ticking a possible figure adds it.
    await unsure.check();
    await dialog.getByRole('button', { name: `填入草稿（${sureConflicts ? 1 : 2} 项）` }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  it('[chromium] the import panel is a full-screen sheet at 360 px, keeps focus inside and closes with Esc', async () => {
    const page = await newPage(chair.username, { viewport: { width: 360, height: 740 }, isMobile: true });
    await page.goto(`/schools/${chair.schoolId}/reports/${openYear}`);
    await page.getByRole('button', { name: '从总结导入' }).waitFor({ timeout: 15_000 });

    // A bad file gets a clear message from the server.
    await page.getByRole('button', { name: '从总结导入' }).click();
    const dialog = page.getByRole('dialog', { name: '从总结导入' });
    await dialog.getByLabel('上传总结文件（.txt 或 .docx）').setInputFiles({ name: '总结.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK\u0003\u0004 not really a docx') });
    await dialog.getByRole('alert').filter({ hasText: '无法读取该 Word 文件' }).waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await importSummary(page);
    const box = await dialog.boundingBox();
    expect(box && Math.round(box.width)).toBe(360);
    expect(await noHorizontalOverflow(page)).toEqual({ page: true, dialog: true });
    await page.screenshot({ path: join(screenshotDir, 'phone-narrative-import.png') });
    // The draft already has narrative text: keeping the source is off, with a note.
    const keep = dialog.getByRole('checkbox', { name: '将总结原文分段填入总结栏目' });
    expect(await keep.isChecked()).toBe(false);
    await dialog.getByText('草稿的总结栏目已有内容：勾选后将被原文替换。').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshotDir, 'phone-narrative-import-list.png') });

    // Tabbing never leaves the dialog.
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog[open]')) || document.activeElement === document.body)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });
});
