import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { createAppServer } from '../src/http/app-server';

const HAN = /[\u4e00-\u9fff]/;

/**
 * The caller's locale (X-Locale, sent by the web app) decides the language of
 * every message the server builds: zod's, the domain's, the server's own.
 */
describe.each(testEngines())('[%s] messages in the caller’s locale', (engine) => {
  let t: TestDatabase;
  let server: Server;
  let base: string;
  const cookies = new Map<string, string>();

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    server = createAppServer({ db: t.db, engine: t.engine });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  /** One tRPC call over HTTP as `username` (logged in once), in `locale` (no header when undefined). */
  async function call(username: string | null, path: string, input: unknown, locale?: string, kind: 'query' | 'mutation' = 'mutation') {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (locale) headers['x-locale'] = locale;
    if (username) {
      if (!cookies.has(username)) {
        const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
        expect(res.status).toBe(200);
        cookies.set(username, res.headers.getSetCookie()[0]!.split(';')[0]!);
      }
      headers.cookie = cookies.get(username)!;
    }
    const res =
      kind === 'query'
        ? await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
        : await fetch(`${base}/trpc/${path}`, { method: 'POST', headers, body: JSON.stringify(input) });
    return (await res.json()) as { error?: { message: string; data: { fieldErrors: { path: string; message: string }[] | null } }; result?: { data: unknown } };
  }

  it('answers a wrong password in Chinese by default and in English when asked', async () => {
    const zh = await call(null, 'auth.login', { username: 'admin', password: 'wrong-pass1' });
    expect(zh.error!.message).toBe('用户名或密码错误');
    const en = await call(null, 'auth.login', { username: 'admin', password: 'wrong-pass2' }, 'en');
    expect(en.error!.message).toBe('Wrong user name or password');
  });

  it('names the field in English, with zod’s own message in English (the 新建账号 case without a school)', async () => {
    const input = { username: 'newchair', displayName: 'New chair', role: 'school_chair', orgUnitId: 0, temporaryPassword: 'Temp1234x' };
    const en = await call('admin', 'users.create', input, 'en');
    expect(en.error!.data.fieldErrors!.map((f) => f.path)).toContain('orgUnitId');
    for (const f of en.error!.data.fieldErrors!) expect(f.message).not.toMatch(HAN);
    expect(en.error!.message).toBe('Please correct: Unit: choose a school or unit');
    const zh = await call('admin', 'users.create', input);
    // Not zod's 「数值过小」 nor 「编号无效」: the form sends 0 when nothing was chosen.
    expect(zh.error!.message).toBe('输入有误：所属单位：请选择学校或单位');
    expect(zh.error!.data.fieldErrors).toEqual([{ path: 'orgUnitId', message: '所属单位：请选择学校或单位' }]);
  });

  it('refuses a report value with the indicator named in English', async () => {
    const me = await call('chair01', 'auth.me', undefined, 'en', 'query');
    const schoolId = (me.result!.data as { schoolId: number }).schoolId;
    const report = await call('chair01', 'reports.get', { schoolId, year: 2026 }, 'en', 'query');
    const version = (report.result!.data as { report: { version: number } | null }).report?.version ?? 0;
    const en = await call(
      'chair01',
      'reports.save',
      { schoolId, year: 2026, baseVersion: version, values: { staff_total: 40, union_members: 90 }, explanations: {}, narrative: { achievements: '', shortcomings: '', plans: '' }, honours: [] },
      'en',
    );
    expect(en.error, JSON.stringify(en)).toBeDefined();
    expect(en.error!.message).not.toMatch(HAN);
    expect(en.error!.message).toContain('Union members (90) cannot be more than Total staff (40)');
  });

  it('gives English 查漏补缺 advice and indicator help, keeping Chinese for documents', async () => {
    const profile = await call('admin', 'dashboard.schoolProfile', { schoolId: (await schoolIdOf('S01'))! }, 'en', 'query');
    const gaps = (profile.result!.data as { gaps: { advice: string; adviceZh: string }[] }).gaps;
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) {
      expect(gap.advice).not.toMatch(HAN);
      expect(gap.adviceZh).toMatch(HAN);
    }
    const catalogue = await call('admin', 'catalogue.list', { year: 2026 }, 'en', 'query');
    for (const i of catalogue.result!.data as { descriptionEn?: string }[]) expect(i.descriptionEn).toMatch(/^[^\u4e00-\u9fff]+$/);
  });

  it('words the notification settings’ refusals and test results in the caller’s language', async () => {
    const bad = { channel: 'email', enabled: true, host: 'smtp server!', port: 0, security: 'tls', user: '', from: '', password: '', clearPassword: false };
    const en = await call('admin', 'notifications.saveChannel', bad, 'en');
    expect(en.error!.data.fieldErrors!.map((f) => f.path).sort()).toEqual(['host', 'port']);
    for (const f of en.error!.data.fieldErrors!) expect(f.message).not.toMatch(HAN);
    const zh = await call('admin', 'notifications.saveChannel', bad);
    expect(zh.error!.data.fieldErrors!.find((f) => f.path === 'port')!.message).toContain('端口应在 1 至 65535 之间');
    // Switching a robot on without its URL: the service's refusal names the channel in English.
    const robot = await call('admin', 'notifications.saveChannel', { channel: 'feishu', enabled: true, url: '', secret: '', clearSecret: false }, 'en');
    expect(robot.error!.message).toBe('Enter the webhook URL before switching the Feishu group robot on');
    // 发送测试消息 without a recipient answers in words, not as an error.
    const test = await call('admin', 'notifications.testChannel', { channel: 'email', to: '' }, 'en');
    expect(test.result!.data).toEqual({ ok: false, message: 'Enter a recipient for the test, or your own address under My notifications first' });
    const wrongCode = await call('admin', 'documents.verify', { verificationCode: '!!' }, 'en', 'query');
    expect(wrongCode.error!.message).not.toMatch(HAN);
    expect(wrongCode.error!.message).toContain('12 letters or digits');
  });

  it('answers tRPC’s own refusals (unknown procedure) in the caller’s locale', async () => {
    const en = await call('admin', 'nope.nothing', {}, 'en');
    expect(en.error!.message).not.toMatch(HAN);
    const zh = await call('admin', 'nope.nothing', {});
    expect(zh.error!.message).toMatch(HAN);
  });

  async function schoolIdOf(code: string) {
    const row = await t.db.selectFrom('org_units').select('id').where('code', '=', code).executeTakeFirst();
    return row?.id;
  }
});
