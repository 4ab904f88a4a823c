// 签字盖章版 in the browser: the chair downloads the approved report as PDF from
// the report page (the file is read back with pdftotext), the district staff
// open the QR code's link on a phone and see that the paper matches, a wrong
// code gets a Chinese error beside the field, and the review and summary pages
// offer their downloads.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiQuery, screenshotDir, useBrowserSuite } from './browser';

const run = promisify(execFile);
const YEAR = 2025;
const suite = useBrowserSuite();
const phone = { viewport: { width: 390, height: 844 }, isMobile: true };

async function ownSchoolId(page: Page): Promise<number> {
  const me = await apiQuery<{ schoolId: number }>(page, 'auth.me');
  return me.schoolId;
}

describe('[chromium] signed paper copies and their verification', () => {
  let code = '';
  let schoolId = 0;

  it('[chromium] the chair downloads the approved report as PDF; its footer carries the code and the verify link', async () => {
    const page = await suite.loggedIn('chair01', { viewport: { width: 1366, height: 800 } });
    schoolId = await ownSchoolId(page);
    await page.goto(`/schools/${schoolId}/reports/${YEAR}`);
    const section = page.getByRole('region', { name: '签字盖章版' });
    await section.getByText('每页页脚印有验证码和二维码').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'paper-copy-report-page-desktop.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '下载 PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/2025年度工会工作总结（签字盖章版）\.pdf$/);
    const file = join(screenshotDir, 'paper-copy-download.pdf');
    await download.saveAs(file);
    await section.getByRole('status').filter({ hasText: `已生成：${download.suggestedFilename()}` }).waitFor();
    const text = (await run('pdftotext', [file, '-'])).stdout;
    const found = /验证码：\s*([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text);
    expect(found).not.toBeNull();
    code = found![1]!;
    expect(text.replace(/\s+/g, '')).toContain(`/verify?code=${code.replace(/-/g, '')}`);
    // The .docx too.
    const [docx] = await Promise.all([page.waitForEvent('download'), section.getByRole('button', { name: '下载 Word（.docx）' }).click()]);
    expect(docx.suggestedFilename()).toMatch(/（签字盖章版）\.docx$/);
  });

  it('[chromium] on a phone, the QR code link shows that the paper matches; a wrong code is refused in Chinese', async () => {
    expect(code).not.toBe('');
    const page = await suite.loggedIn('viewer', { ...phone, path: `/verify?code=${code.replace(/-/g, '')}` });
    await page.waitForURL('**/verify?code=*');
    const result = page.locator('.verify-result--current');
    await result.getByText('一致：纸质件与线上当前审定版本相同').waitFor();
    await result.getByText(code).waitFor();
    await result.getByText(`${YEAR} 年度`).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    const verifyButton = page.getByRole('button', { name: '核验' });
    expect((await verifyButton.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: join(screenshotDir, 'paper-copy-verify-phone.png'), fullPage: true });

    // One character off: the code is unknown, said beside the field, nothing else shown.
    const wrong = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    await page.getByLabel('验证码').fill(wrong);
    await page.keyboard.press('Enter');
    await page.getByText('验证码无效：没有找到对应的签字盖章版').waitFor();
    expect(await page.locator('.verify-result').count()).toBe(0);
    await page.getByLabel('验证码').fill('abc');
    await verifyButton.click();
    await page.getByText('验证码格式不正确').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'paper-copy-verify-invalid-phone.png'), fullPage: true });
  });

  it('[chromium] district staff find the verify page in the navigation, and downloads on the review and summary pages', async () => {
    const viewer = await suite.loggedIn('viewer', { viewport: { width: 1366, height: 800 } });
    await viewer.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '核验纸质版' }).click();
    await viewer.waitForURL('**/verify');
    // Admins (whose navigation is full) reach it from the paper-copy box on the review page.
    const page = await suite.loggedIn('admin', { viewport: { width: 1366, height: 800 }, path: `/review/${YEAR}/${schoolId}` });
    await page.getByRole('region', { name: '签字盖章版' }).getByRole('link', { name: '核验纸质版' }).click();
    await page.waitForURL('**/verify');
    await page.getByText('请输入验证码').waitFor();
    await page.getByLabel('验证码').fill(code.toLowerCase());
    await page.getByRole('button', { name: '核验' }).click();
    await page.locator('.verify-result--current').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'paper-copy-verify-desktop.png'), fullPage: true });

    await page.goto(`/review/${YEAR}/${schoolId}`);
    const section = page.getByRole('region', { name: '签字盖章版' });
    await section.getByRole('button', { name: '下载 PDF' }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'paper-copy-review-page-desktop.png') });

    await page.goto(`/dashboard/print?year=${YEAR}`);
    const [summary] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载汇总 Word（.docx）' }).click()]);
    expect(summary.suggestedFilename()).toBe(`示范区教育工会${YEAR}年度学校工会工作汇总.docx`);
    await page.screenshot({ path: join(screenshotDir, 'paper-copy-summary-desktop.png') });
  });
});
