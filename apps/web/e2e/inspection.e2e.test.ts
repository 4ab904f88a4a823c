// 验收 on phones: the chair attaches a photo to a rubric item and self-scores at 390 px; the
// inspector opens the school's items with the evidence beside each, scores and notes them on a
// phone and submits; the admin confirms and publishes; the chair then sees the per-item feedback.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiMutation, apiQuery, screenshotDir, type PageOptions, useBrowserSuite } from './browser';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true } satisfies PageOptions;
const DESKTOP = { viewport: { width: 1366, height: 900 } } satisfies PageOptions;

const suite = useBrowserSuite();
let reportId: number;
let schoolId: number;
let openYear: number;

async function shoot(target: Page | Locator, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await target.screenshot({ path: join(screenshotDir, name) });
}

async function expectTapTarget(target: Locator): Promise<void> {
  const box = (await target.boundingBox())!;
  expect(box.height).toBeGreaterThanOrEqual(44);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
}

/** A JPEG "photo" of a filed ledger. */
async function makePhoto(): Promise<Buffer> {
  const canvas = await suite.newPage({ viewport: { width: 640, height: 480 } });
  await canvas.setContent('<body style="margin:0;background:linear-gradient(135deg,#6b4f1d,#e8d8a8)"><h1 style="color:#fff;font:48px sans-serif;padding:40px">工会台帐 2026</h1></body>');
  const photo = await canvas.screenshot({ type: 'jpeg', quality: 80 });
  await canvas.close();
  return photo;
}

describe('[chromium] 验收: chair self-assessment, inspector on a phone, district confirmation, feedback', () => {
  beforeAll(async () => {
    const admin = await suite.loggedIn('admin');
    const years = await apiQuery<{ year: number; isOpen: boolean }[]>(admin, 'reports.years');
    openYear = years.find((y) => y.isOpen)!.year;
    const schools = (await apiQuery<{ schools: { id: number; code: string; reportStatus: string }[] }>(admin, 'schools.list', { year: openYear })).schools;
    // S12 is in inspector1's team (demo) and was returned to the school: the chair can still attach evidence.
    const s12 = schools.find((s) => s.code === 'S12')!;
    expect(s12.reportStatus).toBe('returned');
    schoolId = s12.id;
    reportId = (await apiQuery<{ report: { id: number } }>(admin, 'reports.get', { schoolId, year: openYear })).report.id;
    await suite.closeContexts();
  });

  it('[chromium] at 390 px the chair attaches a photo to an item and self-scores, then hands the report in', async () => {
    const page = await suite.loggedIn('chair12', { ...PHONE, path: '/assessment' });
    await page.waitForURL(`**/assessment/${reportId}`);
    const ledger = page.locator('[data-item=ledger]');
    await ledger.waitFor();
    await page.getByText('考评结果尚未发布').waitFor();
    const add = ledger.getByRole('button', { name: '添加照片或文件' });
    await expectTapTarget(add);
    await ledger.locator('[data-testid=evidence-input]').setInputFiles({ name: '台帐.jpg', mimeType: 'image/jpeg', buffer: await makePhoto() });
    const thumb = ledger.locator('img.evidence__thumb');
    await thumb.waitFor({ timeout: 30_000 });
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await thumb.elementHandle(), { timeout: 15_000 });

    const points = ledger.getByLabel('得分（0–5）');
    await expectTapTarget(points);
    await points.fill('4');
    await page.locator('[data-item=staff_home]').getByLabel('得分（0–5）').fill('5');
    const save = page.getByRole('button', { name: '保存' });
    await expectTapTarget(save);
    await save.click();
    await page.getByRole('status').filter({ hasText: '自评已保存' }).waitFor();
    await ledger.scrollIntoViewIfNeeded();
    await shoot(page, 'inspection-chair-self-phone.png');
    await shoot(ledger, 'inspection-chair-item-phone.png');

    // The chair hands the (returned) report in again: now the inspector may open it.
    const got = await apiQuery<{ report: { version: number } }>(page, 'reports.get', { schoolId, year: openYear });
    await apiMutation(page, 'reports.submit', { schoolId, year: openYear, version: got.report.version });
  });

  it('[chromium] at 390 px the inspector sees the evidence and the 自评 beside each item, scores, notes and submits', async () => {
    const page = await suite.loggedIn('inspector1', { ...PHONE, path: '/' });
    await page.waitForURL('**/inspection');
    const open = page.locator(`a[href="/inspection/${reportId}"]`);
    await open.waitFor();
    expect(await open.textContent()).toBe('打开评分');
    await expectTapTarget(open);
    await shoot(page, 'inspection-inspector-list-phone.png');
    await open.click();
    const ledger = page.locator('[data-item=ledger]');
    await ledger.waitFor();
    await ledger.locator('img.evidence__thumb').waitFor({ timeout: 15_000 });
    expect(await ledger.locator('.evidence__name').allTextContents()).toEqual(['台帐.jpg']);
    expect(await ledger.locator('.insp-item__self').textContent()).toContain('学校自评：4 / 5 分');
    // The inspector may look, not change the school's files.
    expect(await ledger.getByRole('button', { name: '添加照片或文件' }).count()).toBe(0);

    const earned = ledger.getByLabel('得分（0–5）');
    await expectTapTarget(earned);
    await earned.fill('0');
    await ledger.getByLabel('说明（反馈给学校）').fill('台帐未归档');
    await page.locator('[data-item=staff_home]').getByLabel('得分（0–5）').fill('5');
    await page.locator('[data-item=publicity_board]').getByLabel('得分（0–3）').fill('3');
    await page.locator('[data-item=training_attendance]').getByLabel('缺席次数').fill('1');
    await ledger.scrollIntoViewIfNeeded();
    await shoot(page, 'inspection-inspector-scoring-phone.png');

    const submit = page.getByRole('button', { name: '提交考评' });
    await expectTapTarget(submit);
    await submit.click();
    await page.getByText('提交后不能再修改，确定提交？').waitFor();
    await page.getByRole('button', { name: '提交考评' }).click();
    await page.getByTestId('inspection-state').filter({ hasText: '已提交，待区工会确认' }).waitFor();
    expect(await page.getByTestId('inspection-total').textContent()).toContain('考评合计 11 / 17 分');
    expect(await earned.isDisabled()).toBe(true);
    await shoot(page, 'inspection-inspector-submitted-phone.png');
  });

  it('[chromium] the admin confirms and publishes the inspection from the teams page', async () => {
    const page = await suite.loggedIn('admin', { ...DESKTOP, path: '/admin/inspection-teams' });
    const team = page.locator('.insp-team', { hasText: '第一考评组' });
    await team.waitFor();
    const row = team.locator('tr', { has: page.locator(`a[href="/inspection/${reportId}"]`) });
    expect(await row.locator('.insp-state').textContent()).toBe('已提交，待区工会确认');
    await shoot(page, 'inspection-admin-teams.png');
    await row.getByRole('link', { name: '查看' }).click();
    await page.getByRole('button', { name: '确认考评' }).click();
    await page.getByTestId('inspection-state').filter({ hasText: '区工会已确认' }).waitFor();
    await page.getByRole('button', { name: '发布反馈给学校' }).click();
    await page.getByTestId('inspection-state').filter({ hasText: '已向学校反馈' }).waitFor();
    await shoot(page, 'inspection-admin-published.png');
  });

  it('[chromium] at 390 px the chair sees the published points and notes per item', async () => {
    const page = await suite.loggedIn('chair12', { ...PHONE, path: `/assessment/${reportId}` });
    await page.getByTestId('feedback-total').filter({ hasText: '考评合计 11 / 17 分' }).waitFor();
    const ledger = page.locator('[data-item=ledger]').getByTestId('item-feedback');
    expect(await ledger.textContent()).toContain('考评：0 / 5 分');
    expect(await ledger.textContent()).toContain('台帐未归档');
    expect(await ledger.textContent()).toContain('台帐未归档：-5');
    await page.locator('[data-item=ledger]').scrollIntoViewIfNeeded();
    await shoot(page, 'inspection-chair-feedback-phone.png');
  });
});
