// The chair's form on a phone and a desktop: why a submission stops (marked fields,
// the problems list below the sticky toolbar), hard plausibility bounds, a valid
// value kept when its neighbour is held back, and the 「来自总结」 source of an
// imported figure in the form and on the review page.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, screenshotDir, type PageOptions, useBrowserSuite } from './browser';

interface ListedSchool {
  id: number;
  code: string;
  name: string;
  reportStatus: string;
  clusterName: string | null;
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true } satisfies PageOptions;
const DESKTOP = { viewport: { width: 1366, height: 800 } } satisfies PageOptions;

let openYear: number;
let notStarted: ListedSchool[];
const suite = useBrowserSuite();
const chairOf = (school: ListedSchool) => `chair${school.code.replace(/\D/g, '').padStart(2, '0')}`;
const field = (page: Page, code: string) => page.locator(`#rf-values-${code}`);
const state = (page: Page) => page.locator('.rf-bar__state');
const waitState = (page: Page, status: string) =>
  page.waitForFunction((s) => document.querySelector('.rf-bar__state')?.getAttribute('data-save-state') === s, status, { timeout: 20_000 });

describe('[chromium] the chair’s report form', () => {
  beforeAll(async () => {
    const page = await suite.loggedIn('admin');
    const years = await apiQuery<{ year: number; isOpen: boolean }[]>(page, 'reports.years');
    openYear = (years.find((y) => y.isOpen) ?? years[0])!.year;
    notStarted = (await apiQuery<{ schools: ListedSchool[] }>(page, 'schools.list', { year: openYear })).schools.filter((s) => s.reportStatus === 'not_started');
    expect(notStarted.length).toBeGreaterThanOrEqual(3);
    await suite.closeContexts();
  });

  it('[chromium] at 390 px a submit with a required field empty marks the field and shows the reasons below the sticky toolbar', async () => {
    const school = notStarted[0]!;
    const page = await suite.loggedIn(chairOf(school), { ...PHONE, path: `/schools/${school.id}/reports/${openYear}` });
    await page.locator('#rf-narrative-achievements').fill('本年度工会组织教职工开展师德建设活动。');
    await waitState(page, 'saved');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByRole('button', { name: '提交年报' }).click();

    const problems = page.locator('.rf-problems');
    await problems.waitFor();
    expect(await problems.getAttribute('role')).toBe('alert');
    await page.waitForFunction(() => document.activeElement?.classList.contains('rf-problems'));
    // Fully visible, and not under the sticky toolbar.
    await page.waitForFunction(() => {
      const list = document.querySelector('.rf-problems')!.getBoundingClientRect();
      const bar = document.querySelector('.rf-bar')!.getBoundingClientRect();
      return list.top >= bar.bottom - 1 && list.top < window.innerHeight;
    });
    // The empty required fields are red, with their message tied to the input.
    const staff = field(page, 'staff_total');
    expect(await staff.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await staff.getAttribute('aria-describedby'))!.split(' ');
    expect(await page.locator(`#${describedBy[0]}`).textContent()).toContain('提交前请填写教职工总数');
    expect(await page.locator('[data-field="values.staff_total"]').getAttribute('class')).toContain('rf-field--invalid');
    await page.screenshot({ path: join(screenshotDir, 'form-submit-problems-phone.png') });

    // A problem leads to its field; the field lands below the toolbar too.
    await problems.getByRole('button', { name: '提交前请填写教职工总数' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'rf-values-staff_total');
    // Tap targets beside the inputs are at least 44 px high on a phone.
    await staff.fill('74');
    await waitState(page, 'saved');
    await page.reload();
    await page.locator('.rf-history').first().waitFor();
    const box = await page.locator('.rf-history').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    // The history dialog keeps a name, a date and a time whole at 390 px (「王 / 主席」 wrapped before),
    // and its table inside the dialog.
    await page.locator('[data-field="values.staff_total"] .rf-history').click();
    const history = page.getByRole('dialog');
    await history.locator('.value-history__who').first().waitFor();
    const [table, dialogBox] = await Promise.all([history.locator('table').boundingBox(), history.boundingBox()]);
    expect(table!.x + table!.width).toBeLessThanOrEqual(dialogBox!.x + dialogBox!.width - 8);
    const lines = await history.locator('.value-history__who, .value-history__when span').evaluateAll((cells) =>
      cells.map((cell) => {
        const range = document.createRange();
        range.selectNodeContents(cell);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      }),
    );
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const n of lines) expect(n).toBe(1);
    await page.screenshot({ path: join(screenshotDir, 'form-history-phone.png') });
    await page.keyboard.press('Escape');
    await history.waitFor({ state: 'hidden' });
    // The category chips jump so the heading is not under the sticky bar.
    await page.locator('.category-nav a', { hasText: '健康关怀' }).click();
    await page.waitForFunction(() => {
      const heading = document.querySelector('#category-health-title')!.getBoundingClientRect();
      const bar = document.querySelector('.rf-bar')!.getBoundingClientRect();
      return heading.top >= bar.bottom - 1 && heading.top < window.innerHeight;
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(screenshotDir, 'form-category-jump-phone.png') });

    // The home page's links are tap targets of 44 px too (they were 25 px).
    await page.goto('/home');
    await page.locator('.home-links a').first().waitFor();
    const heights = await page.locator('.home-links a, .home-links button').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(heights.length).toBeGreaterThanOrEqual(3);
    for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
  });

  it('[chromium] an implausible figure is refused with the bound; a valid neighbour of a held-back value is saved and survives a reload', async () => {
    const school = notStarted[1]!;
    const page = await suite.loggedIn(chairOf(school), { ...DESKTOP, path: `/schools/${school.id}/reports/${openYear}` });
    await field(page, 'staff_total').fill('74');
    await field(page, 'congress_sessions').fill('1000000000000');
    await page.locator('[data-field="values.congress_sessions"] .form-field__error', { hasText: '教代会召开次数不能大于 12 次' }).waitFor();
    await field(page, 'health_checkup_participants').fill('100');
    await page.locator('[data-field="values.health_checkup_participants"] .form-field__error', { hasText: '组织体检人数（100）不能大于教职工总数（74）' }).waitFor();
    await field(page, 'congress_sessions').fill('2');
    await field(page, 'health_checkup_participants').fill('70');

    // 办结 12 > 征集 10: 征集 is saved, 办结 waits in this browser, and the status says so.
    await field(page, 'proposals_collected').fill('10');
    await field(page, 'proposals_resolved').fill('12');
    await page.locator('[data-field="values.proposals_resolved"] .form-field__error', { hasText: '提案办结数（12）不能大于征集提案数（10）' }).waitFor();
    await field(page, 'proposals_resolved').blur();
    await waitState(page, 'saved');
    await state(page).filter({ hasText: '其他修改已保存；提案办结数未保存' }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'form-held-back-desktop.png') });

    await page.reload();
    await field(page, 'proposals_collected').waitFor();
    expect(await field(page, 'proposals_collected').inputValue()).toBe('10');
    expect(await field(page, 'congress_sessions').inputValue()).toBe('2');
    // The history dialog on a desktop: date and time on one line.
    await page.locator('[data-field="values.proposals_collected"] .rf-history').click();
    await page.getByRole('dialog').locator('.value-history__who').first().waitFor();
    expect((await page.getByRole('dialog').locator('.value-history__when').first().boundingBox())!.height).toBeLessThan(50);
    await page.screenshot({ path: join(screenshotDir, 'form-history-desktop.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await page.getByText('发现未保存的本地草稿').waitFor();
    // Not 「所有修改都已保存」 beside the local draft.
    expect(await state(page).textContent()).toContain('本机还有未保存的修改');
    await page.getByRole('button', { name: '恢复这些内容' }).click();
    expect(await field(page, 'proposals_resolved').inputValue()).toBe('12');
    await field(page, 'proposals_resolved').fill('9');
    await waitState(page, 'saved');
    expect(await state(page).textContent()).toMatch(/已保存 \d\d:\d\d/);
  });

  it('[chromium] an imported figure keeps its sentence: 「来自总结」 beside the field and on the review page, gone once retyped', async () => {
    // Directly under the district: in the demo's two-step year the district approves it alone.
    const school = notStarted.find((s) => s.clusterName === null)!;
    const reportPath = `/schools/${school.id}/reports/${openYear}`;
    const page = await suite.loggedIn(chairOf(school), { ...DESKTOP, path: reportPath });
    await page.getByRole('button', { name: '从总结导入' }).click();
    const dialog = page.getByRole('dialog', { name: '从总结导入' });
    // A summary of another year is flagged.
    await dialog.getByLabel('粘贴总结全文').fill('2012年工会工作总结\n一、主要工作\n全年慰问生病住院教职工12人次。');
    await dialog.getByRole('button', { name: '识别数字' }).click();
    await dialog.getByText(`这份总结写的是 2012 年，没有提到 ${openYear} 年`).waitFor({ timeout: 30_000 });
    await dialog.getByRole('button', { name: '返回修改原文' }).click();
    await dialog.getByLabel('粘贴总结全文').fill(`${openYear}年工会工作总结\n一、主要工作\n全年慰问生病住院教职工12人次，支出慰问金3600元。`);
    await dialog.getByRole('button', { name: '识别数字' }).click();
    await dialog.getByRole('heading', { name: '第 2 步：核对识别出的数字' }).waitFor({ timeout: 30_000 });
    expect(await dialog.getByText('请确认年份').count()).toBe(0);
    await dialog.getByRole('checkbox', { name: '采用：探望慰问病患人次 12 人次' }).check();
    await dialog.getByRole('button', { name: /^填入草稿/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    const marker = page.locator('[data-field="values.sick_visits"]').getByRole('button', { name: '探望慰问病患人次来自总结：查看原句' });
    await marker.click();
    const panel = page.locator('[data-field="values.sick_visits"] .source-note__panel');
    await panel.locator('mark', { hasText: '12人次' }).waitFor();
    expect(await panel.textContent()).toContain('全年慰问生病住院教职工12人次');
    await waitState(page, 'saved');
    await page.screenshot({ path: join(screenshotDir, 'form-source-desktop.png') });

    // After a reload it is still there, with who accepted it and when.
    await page.reload();
    await marker.click();
    await panel.getByText(/于 .* 采用/).waitFor();
    expect(await panel.textContent()).toContain('来自粘贴的总结文字');

    // The district sees it on the review page.
    const admin = await suite.loggedIn('admin', { ...DESKTOP, path: `/review/${openYear}/${school.id}` });
    const row = admin.locator('tr[data-field="values.sick_visits"]');
    await row.getByRole('button', { name: /来自总结/ }).click();
    await row.locator('.source-note__panel mark', { hasText: '12人次' }).waitFor();
    await row.scrollIntoViewIfNeeded();
    await admin.screenshot({ path: join(screenshotDir, 'review-source-desktop.png') });
    const phoneAdmin = await suite.loggedIn('admin', { ...PHONE, path: `/review/${openYear}/${school.id}` });
    await phoneAdmin.locator('tr[data-field="values.sick_visits"]').getByRole('button', { name: /来自总结/ }).click();
    await phoneAdmin.locator('tr[data-field="values.sick_visits"]').scrollIntoViewIfNeeded();
    await phoneAdmin.screenshot({ path: join(screenshotDir, 'review-source-phone.png') });
    expect(await phoneAdmin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

    // The chair retypes the figure: the marker goes, and stays gone after a reload.
    await field(page, 'sick_visits').fill('13');
    expect(await marker.count()).toBe(0);
    await waitState(page, 'saved');
    await page.reload();
    await field(page, 'sick_visits').waitFor();
    expect(await field(page, 'sick_visits').inputValue()).toBe('13');
    expect(await page.locator('[data-field="values.sick_visits"] .source-note').count()).toBe(0);

    // Submitted and approved: the score shows at once, without a reload.
    await field(page, 'staff_total').fill('74');
    await field(page, 'union_members').fill('70');
    await page.locator('#rf-narrative-achievements').fill('本年度工会慰问生病教职工13人次。');
    await waitState(page, 'saved');
    await page.getByRole('button', { name: '提交年报' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认提交' }).click();
    await page.getByText('年报已提交，等待区教育工会审核。').waitFor();
    await admin.reload();
    // The figures come before the score cards: the first category is visible at 1366×800.
    await admin.locator('#category-basics-title').waitFor();
    const top = await admin.locator('#category-basics-title').boundingBox();
    expect(top!.y).toBeLessThan(800);
    await admin.screenshot({ path: join(screenshotDir, 'review-top-desktop.png') });
    await admin.getByRole('button', { name: '审核通过' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: '审核通过' }).click();
    await admin.getByText('已审核通过。').waitFor();
    await admin.waitForFunction(() => !document.body.textContent?.includes('尚未计算'), undefined, { timeout: 20_000 });
  });

  it('[chromium] a past year without a report reads 缺报, and the school facts say they are the register’s', async () => {
    const admin = await suite.loggedIn('admin', DESKTOP);
    const years = await apiQuery<{ year: number; isOpen: boolean }[]>(admin, 'reports.years');
    let missing: { school: ListedSchool; year: number } | null = null;
    for (const y of years.filter((y) => !y.isOpen)) {
      const list = (await apiQuery<{ schools: ListedSchool[] }>(admin, 'schools.list', { year: y.year })).schools;
      const school = list.find((s) => s.reportStatus === 'not_started');
      if (school) {
        missing = { school, year: y.year };
        break;
      }
    }
    expect(missing, 'a past year with a missing report in the demo district').not.toBeNull();
    const path = `/schools/${missing!.school.id}/reports/${missing!.year}`;
    await admin.goto(path);
    await admin.getByText(`${missing!.year} 年度年报未提交（缺报）`).waitFor();
    expect(await admin.locator('.status-line .badge--missing').textContent()).toBe('缺报');
    await admin.getByText('教职工（学校档案）').waitFor();
    await admin.screenshot({ path: join(screenshotDir, 'school-missing-year-desktop.png') });
    const phone = await suite.loggedIn('admin', { ...PHONE, path });
    await phone.getByText(`${missing!.year} 年度年报未提交（缺报）`).waitFor();
    await phone.screenshot({ path: join(screenshotDir, 'school-missing-year-phone.png') });

    // The schools list and the completeness page of that year say 缺报 too, not 未开始.
    await admin.goto(`/schools?year=${missing!.year}`);
    const row = admin.getByRole('row').filter({ has: admin.getByRole('link', { name: missing!.school.name, exact: true }) });
    expect(await row.locator('.badge').textContent()).toBe('缺报');
    expect(await admin.getByRole('row').locator('.badge', { hasText: '未开始' }).count()).toBe(0);
    await admin.getByText(/缺报 \d+/).first().waitFor();
    await admin.screenshot({ path: join(screenshotDir, 'schools-missing-year-desktop.png') });
    await admin.goto(`/review/completeness?year=${missing!.year}`);
    await admin.getByRole('row').filter({ has: admin.getByRole('link', { name: missing!.school.name, exact: true }) }).locator('.badge', { hasText: '缺报' }).waitFor();
    await admin.screenshot({ path: join(screenshotDir, 'completeness-missing-year-desktop.png') });
    await phone.goto(`/schools?year=${missing!.year}`);
    await phone.getByText(/缺报 \d+/).first().waitFor();
    await phone.screenshot({ path: join(screenshotDir, 'schools-missing-year-phone.png') });
    await phone.goto(`/review/completeness?year=${missing!.year}`);
    const phoneRow = phone.getByRole('row').filter({ has: phone.getByRole('link', { name: missing!.school.name, exact: true }) });
    expect(await phoneRow.locator('.badge').textContent()).toBe('缺报');
    await phoneRow.scrollIntoViewIfNeeded();
    await phone.screenshot({ path: join(screenshotDir, 'completeness-missing-year-phone.png') });
  });
});
