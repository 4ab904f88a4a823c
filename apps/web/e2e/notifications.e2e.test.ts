// Notifications in the browser: the admin configures a group robot (its URL is
// a secret: shown only as 「已设置」), sends 「发送测试消息」 to a local receiver,
// and previews then sends 一键催报 from the completeness page; a chair sets
// their own e-mail. Desktop and 390 px phone screenshots.
import { join } from 'node:path';
import { startWebhookPeer, type WebhookPeer } from '@union/server/testing/notification-peers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickAdminMenuLink, loginThroughForm, screenshotDir, useBrowserSuite } from './browser';

const suite = useBrowserSuite();
const WECOM_KEY = 'e2e-wecom-key-0042';
const DING_TOKEN = 'e2e-ding-token-0043';
const DING_SECRET = 'SECe2e-ding-secret-0044';
const phone = { viewport: { width: 390, height: 844 }, isMobile: true };
// The server's own schedule (e.g. this week's digest) may post to the robots meanwhile: count by content.
const textOf = (post: { body: Record<string, unknown> }) => JSON.stringify(post.body);

describe('[chromium] notifications: channels, test message, 一键催报 preview', () => {
  let robots: WebhookPeer;
  beforeAll(async () => {
    robots = await startWebhookPeer({ dingtalk: DING_SECRET });
  });
  afterAll(async () => {
    await robots?.close();
  });

  it('[chromium] the admin sets up 企业微信 and 钉钉 robots, tests them against a local receiver, and never sees the secrets again', async () => {
    const page = await suite.newPage({ viewport: { width: 1366, height: 800 } });
    // Each request for the channel settings (a batch may carry several procedures).
    const channelReads: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/trpc/')) channelReads.push(...path.slice('/trpc/'.length).split(',').filter((p) => p === 'notifications.channels'));
    });
    await loginThroughForm(page, 'admin');
    // Through the 管理 menu, as an admin gets there.
    await clickAdminMenuLink(page, '通知渠道');
    await page.waitForURL('**/admin/notifications');
    await page.getByRole('heading', { name: '通知渠道', level: 1 }).waitFor();
    await page.getByText('还没有发送过消息').waitFor();
    // The page reads its settings once.
    expect(channelReads).toHaveLength(1);

    const wecom = page.getByRole('region', { name: '企业微信群机器人' });
    // Switching on without a URL is refused in Chinese.
    await wecom.getByLabel('启用').check();
    await wecom.getByRole('button', { name: '保存' }).click();
    await wecom.getByRole('alert').filter({ hasText: '启用企业微信群机器人前请填写 Webhook 地址' }).waitFor();
    await wecom.getByLabel(/Webhook 地址/).fill(`${robots.url}/wecom?key=${WECOM_KEY}`);
    await wecom.getByRole('button', { name: '保存' }).click();
    await wecom.getByRole('status').filter({ hasText: '已保存企业微信群机器人的设置' }).waitFor();
    await wecom.getByText(`已设置 · ${new URL(robots.url).host}`).waitFor();
    // The save answers the stored channel: the list is not fetched again.
    expect(channelReads).toHaveLength(1);
    await wecom.getByRole('button', { name: '发送测试消息' }).click();
    await wecom.getByText('测试消息已发送，请在企业微信群机器人所在的群里查看').waitFor();
    const tests = () => robots.accepted.filter((r) => textOf(r).includes('这是工会年报平台发送的测试消息'));
    expect(tests().map((r) => r.path)).toEqual(['/wecom']);

    const ding = page.getByRole('region', { name: '钉钉群机器人' });
    await ding.getByLabel('启用').check();
    await ding.getByLabel(/Webhook 地址/).fill(`${robots.url}/dingtalk?access_token=${DING_TOKEN}`);
    await ding.getByLabel(/签名密钥/).fill(DING_SECRET);
    await ding.getByRole('button', { name: '保存' }).click();
    await ding.getByRole('status').filter({ hasText: '已保存钉钉群机器人的设置' }).waitFor();
    await ding.getByRole('button', { name: '发送测试消息' }).click();
    await ding.getByText('测试消息已发送，请在钉钉群机器人所在的群里查看').waitFor();
    // The receiver checked the 加签 signature before accepting.
    expect(tests().map((r) => r.path)).toEqual(['/wecom', '/dingtalk']);

    // A receiver that fails: the reason is shown in Chinese.
    robots.failNext(500);
    await ding.getByRole('button', { name: '发送测试消息' }).click();
    await ding.getByText(`发送失败：${new URL(robots.url).host} 返回 HTTP 500`).waitFor();

    // After a reload the secrets are nowhere in the page, only 「已设置」.
    await page.reload();
    await page.getByRole('region', { name: '钉钉群机器人' }).getByText(`已设置 · ${new URL(robots.url).host}`).waitFor();
    const html = await page.content();
    for (const secret of [WECOM_KEY, DING_TOKEN, DING_SECRET]) expect(html).not.toContain(secret);
    await page.screenshot({ path: join(screenshotDir, 'notifications-channels.png'), fullPage: true });

    const mobile = await suite.loggedIn('admin', { path: '/admin/notifications', ...phone });
    await mobile.getByRole('region', { name: '企业微信群机器人' }).getByText('已设置', { exact: false }).first().waitFor();
    await mobile.screenshot({ path: join(screenshotDir, 'notifications-channels-phone.png') });
    expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('[chromium] 一键催报 shows who gets what before sending, then the robots get the list of schools', async () => {
    const page = await suite.loggedIn('admin', { path: '/review/completeness', viewport: { width: 1366, height: 800 } });
    await page.getByRole('button', { name: '发送提醒' }).click();
    const dialog = page.getByRole('dialog', { name: '向未提交的学校发送提醒' });
    const summary = dialog.getByRole('status').filter({ hasText: /将发送给 \d+ 所学校：站内提醒 \d+ 条、邮件 0 封、群消息 2 条。/ });
    await summary.waitFor();
    const schools = Number(/将发送给 (\d+) 所/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(schools).toBeGreaterThan(0);
    expect(await dialog.getByRole('table', { name: '收到提醒的学校和送达方式' }).getByRole('row').count()).toBe(schools + 1);
    await dialog.getByText('企业微信、钉钉：催报：2026 年度年报').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'notifications-remind-preview.png') });
    await dialog.getByRole('button', { name: '发送', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `已向 ${schools} 所学校发送提醒。` }).waitFor();
    // The worker in the server process sends the outbox (polls every few seconds).
    const reminders = () => robots.accepted.filter((r) => textOf(r).includes('催报：2026 年度年报'));
    await expect.poll(() => reminders().length, { timeout: 120_000, interval: 500 }).toBe(2);
    const wecom = reminders().find((r) => r.path === '/wecom')!;
    expect((wecom.body.markdown as { content: string }).content).toContain(`未提交的学校（${schools} 所）`);

    const mobile = await suite.loggedIn('admin', { path: '/review/completeness', ...phone });
    await mobile.getByRole('button', { name: '发送提醒' }).click();
    await mobile.getByRole('dialog').getByRole('status').filter({ hasText: /将发送给/ }).waitFor();
    await mobile.screenshot({ path: join(screenshotDir, 'notifications-remind-preview-phone.png') });
  });

  it('[chromium] a chair chooses e-mail for their own notifications', async () => {
    const page = await suite.loggedIn('chair01', { path: '/home', ...phone });
    await page.getByRole('button', { name: /账号菜单/ }).click();
    await page.getByRole('link', { name: '我的通知设置' }).click();
    await page.waitForURL('**/account/notifications');
    await page.getByText('站内提醒：始终开启').waitFor();
    await page.getByLabel('通过电子邮件接收通知').check();
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('选择通过邮件接收时请填写邮箱').waitFor();
    expect(await page.getByLabel('电子邮箱').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('电子邮箱').fill('chair01@school.example.cn');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('status').filter({ hasText: '已保存您的通知设置。' }).waitFor();
    await page.reload();
    expect(await page.getByLabel('电子邮箱').inputValue()).toBe('chair01@school.example.cn');
    await page.screenshot({ path: join(screenshotDir, 'notifications-my-settings-phone.png') });
  });
});
