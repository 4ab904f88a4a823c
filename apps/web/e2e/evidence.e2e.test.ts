// Evidence (佐证材料) on a phone: the chair attaches a photo to a narrative section of
// the report form and sees its thumbnail; a file whose bytes are not what its name
// says is refused in Chinese; deleting asks first.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, screenshotDir, type PageOptions, useBrowserSuite } from './browser';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true } satisfies PageOptions;
const DESKTOP = { viewport: { width: 1366, height: 900 } } satisfies PageOptions;
const shotDirs = [screenshotDir, process.env.EVIDENCE_SHOTS_DIR].filter((d): d is string => Boolean(d));

const suite = useBrowserSuite();
let formPath: string;

async function shoot(target: Page | Locator, name: string): Promise<void> {
  for (const dir of shotDirs) {
    mkdirSync(dir, { recursive: true });
    await target.screenshot({ path: join(dir, name) });
  }
}

/** A JPEG "photo": a screenshot of a page drawn for it. */
async function makePhoto(): Promise<Buffer> {
  const canvas = await suite.newPage({ viewport: { width: 640, height: 480 } });
  await canvas.setContent('<body style="margin:0;background:linear-gradient(135deg,#1f4e79,#f0a500)"><h1 style="color:#fff;font:48px sans-serif;padding:40px">教职工运动会</h1></body>');
  const photo = await canvas.screenshot({ type: 'jpeg', quality: 80 });
  await canvas.close();
  return photo;
}

describe('[chromium] evidence files on the report form', () => {
  beforeAll(async () => {
    const admin = await suite.loggedIn('admin');
    const years = await apiQuery<{ year: number; isOpen: boolean }[]>(admin, 'reports.years');
    const openYear = years.find((y) => y.isOpen)!.year;
    const schools = (await apiQuery<{ schools: { id: number; code: string; reportStatus: string }[] }>(admin, 'schools.list', { year: openYear })).schools;
    const s04 = schools.find((s) => s.code === 'S04')!;
    expect(s04.reportStatus).toBe('draft');
    formPath = `/schools/${s04.id}/reports/${openYear}`;
    await suite.closeContexts();
  });

  it('[chromium] at 390 px a chair uploads a photo to a section and sees its thumbnail; a renamed file is refused; delete asks first', async () => {
    const page = await suite.loggedIn('chair04', { ...PHONE, path: formPath });
    const section = page.locator('.rf-narrative').first().locator('.evidence');
    await section.waitFor();
    const add = section.getByRole('button', { name: '添加照片或文件' });
    const box = (await add.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(box.x + box.width).toBeLessThanOrEqual(390);

    await section.locator('[data-testid=evidence-input]').setInputFiles({ name: '运动会.jpg', mimeType: 'image/jpeg', buffer: await makePhoto() });
    const thumb = section.locator('img.evidence__thumb');
    await thumb.waitFor({ timeout: 30_000 });
    await thumb.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await thumb.elementHandle(), { timeout: 15_000 });
    expect(await section.locator('.evidence__name').allTextContents()).toEqual(['运动会.jpg']);
    expect(await section.getByRole('status').filter({ hasText: '已上传 1 个文件' }).count()).toBe(1);
    await section.scrollIntoViewIfNeeded();
    await shoot(section, 'evidence-phone-uploaded.png');

    // An HTML page named .pdf: refused by its bytes, in Chinese, naming the file.
    await section.locator('[data-testid=evidence-input]').setInputFiles({ name: '通知.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<!doctype html><script>alert(1)</script>') });
    const alert = section.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('文件「通知.pdf」的扩展名是 .pdf，内容却是无法识别的内容');
    await shoot(section, 'evidence-phone-refused.png');
    await shoot(page, 'evidence-phone-page.png');

    // Keyboard: the delete button opens a confirmation; Esc keeps the file, 确定删除 removes it.
    await section.getByRole('button', { name: '删除「运动会.jpg」' }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '删除佐证材料' });
    await dialog.waitFor();
    await shoot(page, 'evidence-phone-confirm.png');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await thumb.count()).toBe(1);
    await section.getByRole('button', { name: '删除「运动会.jpg」' }).click();
    await dialog.getByRole('button', { name: '确定删除' }).click();
    await section.getByText('还没有佐证材料。').waitFor();
    expect(await thumb.count()).toBe(0);
  });

  it('[chromium] on a desktop the three sections each have their own attachments; the district reads them without 删除', async () => {
    const page = await suite.loggedIn('chair04', { ...DESKTOP, path: formPath });
    const sections = page.locator('.rf-narrative .evidence');
    await sections.first().waitFor();
    expect(await sections.count()).toBe(3);
    const plans = page.locator('.rf-narrative').nth(2).locator('.evidence');
    await plans.locator('[data-testid=evidence-input]').setInputFiles({ name: '计划表.jpg', mimeType: 'image/jpeg', buffer: await makePhoto() });
    await plans.locator('img.evidence__thumb').waitFor({ timeout: 30_000 });
    expect(await page.locator('.rf-narrative').first().locator('.evidence__name').allTextContents()).not.toContain('计划表.jpg');
    await page.locator('.rf-narrative').nth(2).scrollIntoViewIfNeeded();
    await shoot(page.locator('.rf-narrative').nth(2), 'evidence-desktop-section.png');

    // The district admin reads the draft's report page: the file is listed under its section, without 删除.
    const admin = await suite.loggedIn('admin', { ...DESKTOP, path: formPath });
    const readOnly = admin.locator('.narrative').filter({ hasText: '下一步计划' }).locator('.evidence');
    await readOnly.locator('img.evidence__thumb').waitFor({ timeout: 30_000 });
    expect(await readOnly.locator('.evidence__name').allTextContents()).toEqual(['计划表.jpg']);
    expect(await readOnly.getByRole('button').count()).toBe(0);
    expect(await admin.locator('.narrative .evidence').count()).toBe(1);
    await readOnly.scrollIntoViewIfNeeded();
    await shoot(admin, 'evidence-desktop-read-only.png');
  });
});
