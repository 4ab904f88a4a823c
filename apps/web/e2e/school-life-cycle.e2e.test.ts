// The schools admin page with opening/closing years and mergers, on desktop
// (1366×800) and a 390 px phone, and the trends page's per-100 switch.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshotDir, useBrowserSuite } from './browser';

const suite = useBrowserSuite();
const row = (page: Page, name: string) => page.locator('table.schools-admin-table tbody tr').filter({ has: page.getByRole('rowheader', { name, exact: true }) });

async function noHorizontalOverflow(page: Page) {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth <= window.innerWidth);
}

describe('[chromium] school life cycle', () => {
  it('[chromium] the admin sees closed and merged schools with their years, edits a closing year and records a merger', async () => {
    const page = await suite.loggedIn('admin', { path: '/admin/schools', viewport: { width: 1366, height: 800 } });
    await row(page, '西苑春晖幼儿园').waitFor();
    expect(await page.locator('table.schools-admin-table tbody tr').count()).toBe(31);
    expect(await row(page, '示范区机关幼儿园').textContent()).toContain('2022–2024 年（已停办）');
    expect(await row(page, '西苑幼儿园').textContent()).toContain('2025 年并入西苑春晖幼儿园');
    expect(await row(page, '青山镇中心幼儿园').textContent()).toContain('2024 年起');
    await page.screenshot({ path: join(screenshotDir, 'desktop-schools-admin-life-cycle.png') });

    // A closing year before the opening year is refused beside its field, in Chinese.
    await page.getByRole('button', { name: '编辑：青山镇中心幼儿园' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('开办年度').inputValue()).toBe('2024');
    await dialog.getByLabel('停办年度').fill('2023');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.locator('.form-field', { hasText: '停办年度不能早于开办年度' }).getByLabel('停办年度').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'desktop-schools-admin-edit-years.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // Record a merger: 河口小学 into 河口学校 from 2027 would contradict nothing but the open year; a contradiction is named.
    await page.getByRole('button', { name: '记录并入：河口小学' }).click();
    const merge = page.getByRole('dialog', { name: '记录并入：河口小学' });
    await merge.getByLabel('并入的学校').selectOption({ label: '河口学校' });
    await merge.getByLabel('并入年度').fill('2026');
    await page.screenshot({ path: join(screenshotDir, 'desktop-schools-admin-merge.png') });
    await merge.getByRole('button', { name: '保存并入记录' }).click();
    await merge.waitFor({ state: 'detached' });
    await row(page, '河口小学').filter({ hasText: '2026 年并入河口学校' }).waitFor();
  });

  it('[chromium] the schools admin page fits a 390 px phone', async () => {
    const phone = await suite.loggedIn('admin', { path: '/admin/schools', viewport: { width: 390, height: 844 }, isMobile: true });
    await row(phone, '西苑春晖幼儿园').waitFor();
    expect(await noHorizontalOverflow(phone)).toBe(true);
    await phone.screenshot({ path: join(screenshotDir, 'phone-schools-admin-life-cycle.png') });
    await phone.getByRole('button', { name: '编辑：示范区机关幼儿园' }).click();
    const dialog = phone.getByRole('dialog');
    expect(await dialog.getByLabel('停办年度').inputValue()).toBe('2024');
    const box = await dialog.getByLabel('停办年度').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(await noHorizontalOverflow(phone)).toBe(true);
    await phone.screenshot({ path: join(screenshotDir, 'phone-schools-admin-edit-years.png') });
  });

  it('[chromium] trends: the per-100 switch is off and disabled for a share, on for a count', async () => {
    const page = await suite.loggedIn('admin', { path: '/dashboard/trends?code=new_cadre_share&per100=1', viewport: { width: 1366, height: 800 } });
    const toggle = page.getByRole('switch', { name: '按每百名教职工计算' });
    await page.getByText('不按每百名教职工换算').waitFor();
    expect(await toggle.isDisabled()).toBe(true);
    expect(await toggle.isChecked()).toBe(false);
    await page.goto('/dashboard/trends?code=sick_visits');
    await page.getByRole('switch', { name: '按每百名教职工计算' }).waitFor();
    expect(await page.getByRole('switch', { name: '按每百名教职工计算' }).isDisabled()).toBe(false);
  });
});
