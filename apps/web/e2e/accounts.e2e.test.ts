// Accounts in the browser: login, role navigation, a chair's isolation, the
// admin pages, the forced first password change and session expiry.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiQuery, clickAdminMenuLink, DEMO_PASSWORD, loginThroughForm, screenshotDir, type PageOptions, useBrowserSuite } from './browser';

interface ListedSchool {
  id: number;
  code: string;
  name: string;
}
interface YearInfo {
  year: number;
  isOpen: boolean;
}

let openYear: number;
let schools: ListedSchool[];
const suite = useBrowserSuite();

async function newPage(options: PageOptions = {}): Promise<Page> {
  const page = await suite.newPage(options);
  return page;
}

async function hasNoHorizontalOverflow(page: Page) {
  return page.evaluate(() => (document.scrollingElement ?? document.documentElement).scrollWidth <= window.innerWidth);
}

/** The main navigation's link texts, once the shell has rendered it after login. */
async function mainNavLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link').first().waitFor();
  return nav.getByRole('link', { includeHidden: true }).allTextContents();
}

describe('[chromium] accounts: login, roles and session expiry', () => {
  beforeAll(async () => {
    const page = await newPage();
    await loginThroughForm(page, 'admin');
    const years = await apiQuery<YearInfo[]>(page, 'reports.years');
    openYear = (years.find((y) => y.isOpen) ?? years[0])!.year;
    schools = (await apiQuery<{ schools: ListedSchool[] }>(page, 'schools.list')).schools;
    await suite.closeContexts();
  });

  it('[chromium] an unknown page sends a visitor to the login page; a wrong password shows 用户名或密码错误', async () => {
    const page = await newPage();
    await page.goto('/admin/users');
    await page.waitForURL('**/login?next=%2Fadmin%2Fusers');
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    const username = page.getByLabel('用户名');
    const password = page.getByLabel('密码', { exact: true });
    expect(await username.getAttribute('autocomplete')).toBe('username');
    expect(await password.getAttribute('autocomplete')).toBe('current-password');
    expect(await username.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'desktop-login.png') });

    // Empty fields are caught before asking the server.
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByText('请输入用户名').waitFor();

    await username.fill('admin');
    await password.fill('wrong-password-1');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
    expect(page.url()).toContain('/login');
    // Focus returns to the password, ready to type it again.
    expect(await password.evaluate((el) => el === document.activeElement)).toBe(true);

    // The right password goes where the visitor was heading.
    await password.fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL('**/admin/users');
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
  });

  it('[chromium] the login page fits a 360 px phone', async () => {
    const page = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
    await page.goto('/login');
    await page.getByLabel('用户名').waitFor();
    expect(await hasNoHorizontalOverflow(page)).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'phone-login.png') });
  });

  it("[chromium] a chair lands on their own school's report, sees only 本校年报, and cannot open another school or the admin pages", async () => {
    const own = schools.find((s) => s.code === 'S01')!;
    const other = schools.find((s) => s.code === 'S02')!;
    const page = await newPage();
    await loginThroughForm(page, 'chair01');
    // A chair lands on their home page (reporting workflow), which links to the report.
    await page.waitForURL('**/home');
    await page.goto(`/schools/${own.id}/reports/${openYear}`);
    await page.getByRole('heading', { level: 1, name: own.name }).waitFor();
    expect(await mainNavLinks(page)).toEqual(expect.arrayContaining(['首页', '本校年报']));
    expect(await mainNavLinks(page)).not.toContain('学校列表');
    // The user menu says who is logged in.
    await page.getByRole('button', { name: /账号菜单/ }).click();
    await page.locator('.user-menu__panel').getByText('学校工会主席').waitFor();
    await page.locator('.user-menu__panel').getByText(own.name).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'desktop-chair-report.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('.user-menu__panel').isHidden()).toBe(true);

    await page.goto(`/schools/${other.id}/reports/${openYear}`);
    await page.locator('.state--empty', { hasText: '找不到这所学校' }).waitFor();
    expect(await page.getByText(other.name).count()).toBe(0);

    for (const path of ['/schools', '/admin/users', '/admin/audit']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: '无权访问' }).waitFor();
    }
  });

  it('[chromium] logging out returns to the login page, and pages need a login again', async () => {
    const page = await newPage();
    await loginThroughForm(page, 'viewer');
    await page.waitForURL('**/schools');
    // District pages only (other features add their own links): no admin pages.
    expect(await mainNavLinks(page)).toContain('学校列表');
    expect(await mainNavLinks(page)).not.toContain('用户管理');
    await page.getByRole('button', { name: /账号菜单/ }).click();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
    await page.goto('/schools');
    await page.waitForURL('**/login?next=%2Fschools');
  });

  it('[chromium] the admin sees 用户管理, 学校管理 and 操作日志 with data', async () => {
    const page = await newPage();
    await loginThroughForm(page, 'admin');
    expect(await mainNavLinks(page)).toEqual(expect.arrayContaining(['学校列表', '学校管理', '用户管理', '操作日志']));

    // Set-up pages sit in the header's 管理 menu.
    await clickAdminMenuLink(page, '用户管理');
    await page.locator('table.users-table tbody tr', { hasText: 'chair01' }).waitFor();
    expect(await page.locator('table.users-table tbody tr').count()).toBeGreaterThanOrEqual(32);
    await page.screenshot({ path: join(screenshotDir, 'desktop-users.png') });

    // Twelve links in one header row at 1280 px: set-up pages sit in the 管理 menu (the header was 175 px).
    expect((await page.locator('header.site-header').boundingBox())!.height).toBeLessThanOrEqual(100);
    await clickAdminMenuLink(page, '学校管理');
    await page.locator('table.schools-admin-table tbody tr').nth(schools.length - 1).waitFor();
    await page.getByRole('button', { name: `编辑：${schools[0]!.name}` }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('学校代码').inputValue()).toBe(schools[0]!.code);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    await clickAdminMenuLink(page, '操作日志');
    const rows = page.locator('table.audit-table tbody tr');
    await rows.first().waitFor();
    // Earlier tests logged in and failed a login: both are in the log, with Chinese labels and local times.
    await page.getByLabel('操作类型').selectOption({ label: '登录失败' });
    await page.locator('table.audit-table tbody tr', { hasText: '登录失败' }).first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('table.audit-table tbody tr')].every((tr) => tr.textContent?.includes('登录失败')));
    expect(await rows.first().locator('time').textContent()).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/);
    await page.getByLabel('操作类型').selectOption('');
    await page.getByLabel('用户名', { exact: true }).fill('chair01');
    await page.waitForFunction(() => {
      const trs = [...document.querySelectorAll('table.audit-table tbody tr')];
      return trs.length > 0 && trs.every((tr) => tr.textContent?.includes('chair01'));
    });
    await page.screenshot({ path: join(screenshotDir, 'desktop-audit.png') });

    const phone = await newPage({ viewport: { width: 360, height: 740 }, isMobile: true });
    await loginThroughForm(phone, 'admin');
    await phone.goto('/admin/users');
    await phone.locator('table.users-table tbody tr').first().waitFor();
    expect(await hasNoHorizontalOverflow(phone)).toBe(true);
    await phone.screenshot({ path: join(screenshotDir, 'phone-users.png') });
    await phone.goto('/admin/audit');
    await phone.locator('table.audit-table tbody tr').first().waitFor();
    expect(await hasNoHorizontalOverflow(phone)).toBe(true);
    await phone.screenshot({ path: join(screenshotDir, 'phone-audit.png') });
  });

  it('[chromium] the admin creates an account with a temporary password; the new user must change it at first login', async () => {
    const school = schools.find((s) => s.code === 'S02')!;
    const page = await newPage();
    await loginThroughForm(page, 'admin');
    await page.goto('/admin/users');
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.waitFor();

    // Server validation messages appear beside their fields.
    await dialog.getByLabel('用户名').fill('ab');
    await dialog.getByLabel('姓名').fill('测试主席');
    await dialog.getByLabel('所在学校').selectOption({ label: school.name });
    await dialog.getByRole('button', { name: '生成' }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.locator('.form-field', { hasText: '用户名至少 3 个字符' }).getByLabel('用户名').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'desktop-create-user.png') });

    // No school chosen: said in words beside the field (not zod's 「数值过小：期望 number >0」).
    await dialog.getByLabel('用户名').fill('chair-new');
    await dialog.getByLabel('所在学校').selectOption({ value: '' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.locator('.form-field', { hasText: '请选择学校或单位' }).getByLabel('所在学校').waitFor();
    expect(await dialog.textContent()).not.toMatch(/数值过小|期望|编号无效/);
    await page.screenshot({ path: join(screenshotDir, 'desktop-create-user-no-school.png') });
    await dialog.getByLabel('所在学校').selectOption({ label: school.name });
    await dialog.getByRole('button', { name: '保存' }).click();
    const temporary = (await dialog.getByTestId('temporary-password').textContent())!.trim();
    expect(temporary).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10}$/);
    await dialog.getByRole('button', { name: '关闭' }).first().click();
    await page.locator('table.users-table tbody tr', { hasText: 'chair-new' }).getByText('待修改初始密码').waitFor();

    const fresh = await newPage();
    await loginThroughForm(fresh, 'chair-new', temporary);
    await fresh.getByRole('heading', { level: 1, name: '请先修改初始密码' }).waitFor();
    expect(await fresh.getByRole('navigation', { name: '主导航' }).count()).toBe(0);
    await fresh.getByLabel('当前密码').fill(temporary);
    await fresh.getByLabel('新密码', { exact: true }).fill('short');
    await fresh.getByLabel('再次输入新密码').fill('short');
    await fresh.getByRole('button', { name: '保存新密码' }).click();
    await fresh.locator('.form-field', { hasText: '密码至少 8 个字符' }).getByLabel('新密码', { exact: true }).waitFor();
    await fresh.screenshot({ path: join(screenshotDir, 'desktop-forced-password.png') });
    await fresh.getByLabel('新密码', { exact: true }).fill('MyOwn2026pw');
    await fresh.getByLabel('再次输入新密码').fill('MyOwn2026pw');
    await fresh.getByRole('button', { name: '保存新密码' }).click();
    await fresh.waitForURL('**/home');
    await fresh.locator('.page__lead', { hasText: school.name }).waitFor();
    expect(await mainNavLinks(fresh)).toEqual(expect.arrayContaining(['首页', '本校年报']));
  });

  it('[chromium] when the session ends, a re-login dialog opens over the page and the typed input survives', async () => {
    const page = await newPage();
    await loginThroughForm(page, 'admin');
    await page.waitForURL('**/schools');
    await page.locator('table.school-table tbody tr').first().waitFor();
    const search = page.getByLabel('搜索学校');
    await search.fill('小学');
    await page.waitForURL(/q=/);

    // The session disappears (expiry, revocation…): the next query answers UNAUTHORIZED.
    await page.context().clearCookies();
    await page.getByLabel('学校类型').selectOption('primary');
    const dialog = page.getByRole('dialog', { name: '登录已过期' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('用户名').inputValue()).toBe('admin');
    expect(await dialog.getByLabel('密码', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: join(screenshotDir, 'desktop-relogin.png') });

    // Esc closes it and leaves a banner to open it again; the page is still there.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('.session-banner').getByRole('button', { name: '重新登录' }).click();
    await dialog.waitFor();

    await dialog.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: '登录', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(page.url()).toContain('/schools');
    expect(await search.inputValue()).toBe('小学');
    expect(await page.getByLabel('学校类型').inputValue()).toBe('primary');
    // The failed list query ran again with the new session.
    await page.waitForFunction(() => {
      const names = [...document.querySelectorAll('table.school-table tbody th')].map((th) => th.textContent ?? '');
      return names.length > 0 && names.every((n) => n.includes('小学')) && !document.querySelector('.state--error');
    });
  });
});
