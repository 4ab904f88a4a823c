// The yearly reporting workflow in a real browser against the real server with
// the demo district: a chair fills in, autosaves, reloads, submits; the admin
// returns with comments; the chair fixes and resubmits; the admin approves.
// Plus: a stale save shows the compare dialog; completeness and import pages.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, loginThroughForm, repoRoot, screenshotDir, type PageOptions, useBrowserSuite } from './browser';

interface ListedSchool {
  id: number;
  code: string;
  name: string;
  reportStatus: string;
  clusterName: string | null;
}
interface YearInfo {
  year: number;
  isOpen: boolean;
}

/** The little of exceljs this test uses (the web app does not depend on it). */
interface ExcelLib {
  Workbook: new () => {
    xlsx: { load(data: ArrayBuffer): Promise<unknown>; writeBuffer(): Promise<ArrayBuffer> };
    worksheets: { getRow(n: number): { values: unknown; getCell(n: number): { value: unknown } } }[];
  };
}

const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true } satisfies PageOptions;

let openYear: number;
let schools: ListedSchool[];
const suite = useBrowserSuite();

const chairOf = (school: ListedSchool) => `chair${school.code.replace(/\D/g, '').padStart(2, '0')}`;

const loggedIn = (username: string, options: PageOptions = {}, path = '/') => suite.loggedIn(username, { path, ...options });

const saveState = (page: Page) => page.locator('.rf-bar__state');
async function waitSaved(page: Page) {
  await page.waitForFunction(() => document.querySelector('.rf-bar__state')?.getAttribute('data-save-state') === 'saved', undefined, { timeout: 15_000 });
  expect(await saveState(page).textContent()).toMatch(/已保存 \d\d:\d\d/);
}
const field = (page: Page, code: string) => page.locator(`#rf-values-${code}`);

describe('[chromium] reporting workflow', () => {
  beforeAll(async () => {
    const page = await loggedIn('admin');
    const years = await apiQuery<YearInfo[]>(page, 'reports.years');
    openYear = (years.find((y) => y.isOpen) ?? years[0])!.year;
    schools = (await apiQuery<{ schools: ListedSchool[] }>(page, 'schools.list', { year: openYear })).schools;
    await suite.closeContexts();
  });

  it('[chromium] a chair fills in, reloads, submits; the admin returns with comments; the chair fixes and resubmits; the admin approves', async () => {
    // Directly under the district: in the demo's two-step year the district reviews it alone (two steps: two-step-review.e2e.test.ts).
    const school = schools.find((s) => s.reportStatus === 'not_started' && s.clusterName === null);
    expect(school, 'a school that has not started').toBeDefined();
    const reportPath = `/schools/${school!.id}/reports/${openYear}`;

    // The chair lands on the home page with the year's status and a link to the form.
    const chair = await loggedIn(chairOf(school!));
    await chair.waitForURL('**/home');
    await chair.getByRole('heading', { level: 1, name: /您好/ }).waitFor();
    await chair.locator('.home-status', { hasText: '未开始' }).waitFor();
    await chair.getByText(/截止日期/).first().waitFor();
    await chair.getByRole('link', { name: '填写年报' }).first().click();
    await chair.waitForURL(`**${reportPath}`);

    // Part of the form: lenient numbers (full-width digits, thousands separator) and the achievements.
    await field(chair, 'union_groups').fill('５');
    await field(chair, 'ethics_activities').fill('1,2');
    await chair.locator('[data-field="values.ethics_activities"] .form-field__error', { hasText: '必须是数字' }).waitFor();
    await field(chair, 'ethics_activities').fill('12');
    const achievements = '本年度工会组织教职工开展师德建设活动12次，慰问困难教职工。';
    await chair.locator('#rf-narrative-achievements').fill(achievements);
    await waitSaved(chair);
    await field(chair, 'union_groups').scrollIntoViewIfNeeded();
    await chair.evaluate(() => window.scrollBy(0, -200));
    await chair.screenshot({ path: join(screenshotDir, 'report-form-desktop.png') });

    // Reload: the draft is intact (from the server; no local backup left to offer).
    await chair.reload();
    await field(chair, 'union_groups').waitFor();
    expect(await field(chair, 'union_groups').inputValue()).toBe('5');
    expect(await field(chair, 'ethics_activities').inputValue()).toBe('12');
    expect(await chair.locator('#rf-narrative-achievements').inputValue()).toBe(achievements);
    expect(await chair.getByText('发现未保存的本地草稿').count()).toBe(0);

    // Submitting without the required headcounts shows the problems (focused) and marks the fields; a problem jumps to its field.
    await chair.getByRole('button', { name: '提交年报' }).click();
    await chair.locator('.rf-problems', { hasText: '提交前请填写教职工总数' }).waitFor();
    await chair.waitForFunction(() => document.activeElement?.classList.contains('rf-problems'));
    expect(await field(chair, 'staff_total').getAttribute('aria-invalid')).toBe('true');
    await chair.locator('.rf-problems').getByRole('button', { name: '提交前请填写教职工总数' }).click();
    await chair.waitForFunction(() => document.activeElement?.id === 'rf-values-staff_total');
    await field(chair, 'staff_total').fill('80');
    await field(chair, 'union_members').fill('75');
    await waitSaved(chair);

    // The same form on a phone: one column, no sideways scrolling.
    const phone = await loggedIn(chairOf(school!), PHONE, reportPath);
    await field(phone, 'staff_total').waitFor();
    expect(await field(phone, 'staff_total').inputValue()).toBe('80');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await field(phone, 'staff_total').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(screenshotDir, 'report-form-phone.png') });

    await chair.getByRole('button', { name: '提交年报' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: '确认提交' }).click();
    await chair.getByText('年报已提交，等待区教育工会审核。').waitFor();
    expect(await field(chair, 'staff_total').count()).toBe(0);

    // The admin returns it with a whole-report comment and a field comment.
    const admin = await loggedIn('admin', {}, `/review?year=${openYear}`);
    await admin.getByRole('link', { name: school!.name }).first().click();
    await admin.waitForURL(`**/review/${openYear}/${school!.id}`);
    await admin.getByRole('button', { name: '对“工会小组数”的批注' }).click();
    await admin.getByLabel('对“工会小组数”的批注').fill('工会小组数与教职工人数不符，请核实');
    await admin.locator('#review-overall').fill('请补充存在的不足和下一步计划。');
    await admin.getByLabel('对“工会小组数”的批注').scrollIntoViewIfNeeded();
    await admin.evaluate(() => window.scrollBy(0, -300));
    await admin.screenshot({ path: join(screenshotDir, 'review-page.png') });
    await admin.getByRole('button', { name: '退回修改' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '退回修改' }).click();
    await admin.getByText('已退回学校修改。').waitFor();

    // The chair sees both comments: the whole-report one at the top, the field one beside its field.
    await chair.goto('/home');
    await chair.getByText('请补充存在的不足和下一步计划。').waitFor();
    await chair.goto(reportPath);
    await chair.locator('.rf-report-comments', { hasText: '请补充存在的不足和下一步计划。' }).waitFor();
    await chair.locator('[data-field="values.union_groups"] .rf-comment', { hasText: '工会小组数与教职工人数不符，请核实' }).waitFor();
    await field(chair, 'union_groups').fill('6');
    await chair.locator('#rf-narrative-plans').fill('明年继续加强教职工之家建设。');
    await waitSaved(chair);
    await chair.getByRole('button', { name: '提交年报' }).click();
    await chair.getByRole('dialog').getByRole('button', { name: '确认提交' }).click();
    await chair.getByText('年报已提交，等待区教育工会审核。').waitFor();

    // The admin approves; the chair's report is read-only.
    await admin.reload();
    await admin.getByRole('button', { name: '审核通过' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
    await admin.getByText('已审核通过。').waitFor();

    await chair.reload();
    await chair.getByText('年报已审核通过。如需修改，请联系区教育工会重新打开。').waitFor();
    expect(await chair.locator('.report-form').count()).toBe(0);
    expect(await field(chair, 'union_groups').count()).toBe(0);
    // What is left to the chair: the self-assessment.
    await chair.getByRole('heading', { name: '自评分' }).waitFor();
    await chair.locator('.badge--approved').first().waitFor();
  });

  it('[chromium] a save based on a stale version shows both versions and lets the chair keep theirs', async () => {
    const school = schools.find((s) => s.reportStatus === 'draft');
    expect(school, 'a school with a draft').toBeDefined();
    const path = `/schools/${school!.id}/reports/${openYear}`;
    const first = await loggedIn(chairOf(school!), {}, path);
    const second = await loggedIn(chairOf(school!), {}, path);
    await field(first, 'union_groups').waitFor();
    await field(second, 'union_groups').waitFor();

    // The second session saves first…
    await field(second, 'union_groups').fill('7');
    await waitSaved(second);
    // …so the first session's save is stale: the compare dialog opens, nothing is overwritten.
    await field(first, 'union_groups').fill('9');
    const dialog = first.getByRole('dialog', { name: '这份年报已被他人修改' });
    await dialog.waitFor({ timeout: 15_000 });
    const row = dialog.locator('tbody tr', { hasText: '工会小组数' });
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['9 个', '7 个']);
    expect(await saveState(first).getAttribute('data-save-state')).toBe('conflict');
    await first.screenshot({ path: join(screenshotDir, 'report-conflict-dialog.png') });

    await dialog.getByRole('button', { name: '全部保留我的' }).click();
    await waitSaved(first);
    expect(await field(first, 'union_groups').inputValue()).toBe('9');
    const view = await apiQuery<{ report: { values: Record<string, number> } }>(first, 'reports.get', { schoolId: school!.id, year: openYear });
    expect(view.report.values.union_groups).toBe(9);
  });

  it('[chromium] offline: a failed save keeps the input and retries; after a crash the local draft is offered back', async () => {
    const school = schools.filter((s) => s.reportStatus === 'draft')[1];
    expect(school, 'a second school with a draft').toBeDefined();
    const path = `/schools/${school!.id}/reports/${openYear}`;
    const networkErrors: string[] = [];
    const { context, page } = await suite.openContext({}, networkErrors);
    await page.goto(`/login?next=${encodeURIComponent(path)}`);
    await loginThroughForm(page, chairOf(school!));
    await field(page, 'retired_staff').waitFor();

    await context.setOffline(true);
    await field(page, 'retired_staff').fill('13');
    await page.waitForFunction(() => document.querySelector('.rf-bar__state')?.getAttribute('data-save-state') === 'retrying', undefined, { timeout: 15_000 });
    expect(await saveState(page).textContent()).toContain('保存失败，正在重试');
    expect(await field(page, 'retired_staff').inputValue()).toBe('13');
    // Only the expected network failures were logged.
    expect(networkErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e))).toEqual([]);

    // The tab dies before the network comes back; a new tab offers the local copy.
    await page.close();
    await context.setOffline(false);
    const again = await context.newPage();
    again.on('pageerror', (error) => suite.pageErrors.push(error.message));
    await again.goto(path);
    await again.getByText('发现未保存的本地草稿').waitFor();
    expect(await field(again, 'retired_staff').inputValue()).not.toBe('13');
    await again.getByRole('button', { name: '恢复这些内容' }).click();
    expect(await field(again, 'retired_staff').inputValue()).toBe('13');
    await waitSaved(again);
  });

  it('[chromium] completeness page and the Excel import preview with invalid cells', async () => {
    const admin = await loggedIn('admin', {}, `/review/completeness?year=${openYear}`);
    await admin.getByRole('heading', { level: 1, name: '填报进度' }).waitFor();
    await admin.locator('table.completeness-table tbody tr').first().waitFor();
    expect(await admin.locator('table.completeness-table tbody tr').count()).toBe(schools.length);
    await admin.getByText('完成率（已提交或已通过）').waitFor();
    await admin.getByLabel('状态').selectOption('not_started');
    await admin.waitForFunction(() => document.querySelectorAll('table.completeness-table tbody tr').length < 10);
    await admin.getByLabel('状态').selectOption('');
    await admin.screenshot({ path: join(screenshotDir, 'completeness-page.png') });
    // The English locale.
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Completeness' }).waitFor();
    await admin.getByText('Completion (submitted or approved)').waitFor();
    await admin.getByRole('button', { name: '中文' }).click();
    await admin.getByRole('heading', { level: 1, name: '填报进度' }).waitFor();

    // Reminder to schools that have not submitted.
    await admin.getByRole('button', { name: '发送提醒' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '发送' }).click();
    await admin.getByText(/已向 \d+ 所学校发送提醒/).waitFor();

    // Import: the year's own export with one bad cell → preview shows it in red.
    const exported = await admin.evaluate(async (year) => {
      const res = await fetch('/trpc/excel.exportYear', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ year }) });
      return ((await res.json()) as { result: { data: { base64: string } } }).result.data.base64;
    }, openYear);
    // exceljs is the server's dependency, not the web app's: load it from there.
    const ExcelJS = createRequire(join(repoRoot, 'apps/server/package.json'))('exceljs') as ExcelLib;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported, 'base64') as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const staffColumn = header.findIndex((h) => h.startsWith('教职工总数'));
    expect(staffColumn).toBeGreaterThan(0);
    sheet.getRow(2).getCell(staffColumn).value = -5;
    sheet.getRow(3).getCell(staffColumn).value = 'abc';
    const file = join(tmpdir(), `import-${Date.now()}.xlsx`);
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));

    await admin.goto(`/admin/import?year=${openYear}`);
    await admin.getByLabel('Excel 文件（.xlsx）').setInputFiles(file);
    await admin.getByRole('button', { name: '预览' }).click();
    await admin.locator('table.import-table tbody tr').first().waitFor({ timeout: 20_000 });
    expect(await admin.locator('.import-row--invalid').count()).toBeGreaterThanOrEqual(2);
    await admin.locator('.cell-error').first().waitFor();
    expect(await admin.getByRole('button', { name: '全部导入' }).isDisabled()).toBe(true);
    await admin.screenshot({ path: join(screenshotDir, 'import-preview.png') });
  });

  it('[chromium] a browser in Los Angeles shows the deadline as its day in China (2027-01-15), not the 14th', async () => {
    const timezoneId = 'America/Los_Angeles';
    const pages = [
      [await loggedIn('chair05', { timezoneId }, '/home'), '/home'],
      [await loggedIn('admin', { timezoneId }, `/review/completeness?year=${openYear}`), `/review/completeness?year=${openYear}`],
      [await loggedIn('admin', { timezoneId }, '/admin/years'), '/admin/years'],
    ] as const;
    for (const [page, path] of pages) {
      await page.waitForURL((url) => url.pathname + url.search === path);
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(timezoneId);
      await page.getByText('2027年1月15日').first().waitFor();
      expect(await page.getByText('2027年1月14日').count(), path).toBe(0);
    }
  });
});
