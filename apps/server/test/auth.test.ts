import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_IP } from '../src/auth/login-throttle';
import { createSession, resolveSession, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from '../src/auth/sessions';
import { appRouter } from '../src/routers/index';
import { createDirectContext, type Context } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);

describe.each(testEngines())('[%s] login, sessions and passwords', (engine) => {
  let t: TestDatabase;
  /** A caller as an anonymous visitor from `ip`, recording the cookies it is given. */
  const visitor = (ip = '10.0.0.1', sessionToken: string | null = null) => {
    const cookies: { token: string | null; cleared: boolean } = { token: null, cleared: false };
    const ctx: Context = createDirectContext(t.db, null, {
      ip,
      sessionToken,
      cookies: { set: (token) => void (cookies.token = token), clear: () => void (cookies.cleared = true) },
    });
    return { api: createCaller(ctx), cookies };
  };
  const asSession = async (token: string) => {
    const session = await resolveSession(t.db, token);
    return createCaller(createDirectContext(t.db, session?.actor ?? null, { sessionToken: token }));
  };

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
  });
  beforeEach(async () => {
    await t.db.deleteFrom('login_failures').execute();
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with the right password, sets a session and never returns the hash', async () => {
    const { api, cookies } = visitor();
    const me = await api.auth.login({ username: 'Chair01', password: DEMO_PASSWORD });
    expect(me).toMatchObject({ username: 'chair01', role: 'school_chair' });
    expect(me.schoolId).toEqual(expect.any(Number));
    expect(JSON.stringify(me)).not.toMatch(/argon2|password_hash|Demo@2026/);
    expect(cookies.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const session = await resolveSession(t.db, cookies.token!);
    expect(session?.actor.username).toBe('chair01');
    const stored = await t.db.selectFrom('sessions').select('token_hash').execute();
    expect(stored.map((s) => s.token_hash)).not.toContain(cookies.token);
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    const wrong = await errorOf(visitor().api.auth.login({ username: 'chair01', password: 'nope-12345' }));
    const unknown = await errorOf(visitor().api.auth.login({ username: 'nobody', password: 'nope-12345' }));
    expect([wrong.code, wrong.message]).toEqual(['UNAUTHORIZED', '用户名或密码错误']);
    expect([unknown.code, unknown.message]).toEqual(['UNAUTHORIZED', '用户名或密码错误']);
  });

  it('throttles an account after repeated failures, even for the right password', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_ACCOUNT; i++) {
      await errorOf(visitor(`10.1.0.${i}`).api.auth.login({ username: 'chair02', password: 'wrong-pass-1' }));
    }
    const blocked = await errorOf(visitor('10.1.1.1').api.auth.login({ username: 'chair02', password: DEMO_PASSWORD }));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.message).toMatch(/^登录失败次数过多，请 \d+ 分钟后再试$/);
    // Other accounts are unaffected.
    await expect(visitor('10.1.1.1').api.auth.login({ username: 'chair03', password: DEMO_PASSWORD })).resolves.toMatchObject({ username: 'chair03' });
  });

  it('throttles an address that tries many accounts', async () => {
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) {
      await errorOf(visitor('10.2.0.9').api.auth.login({ username: `guess${i}`, password: 'wrong-pass-1' }));
    }
    const blocked = await errorOf(visitor('10.2.0.9').api.auth.login({ username: 'chair04', password: DEMO_PASSWORD }));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    await expect(visitor('10.2.0.10').api.auth.login({ username: 'chair04', password: DEMO_PASSWORD })).resolves.toBeTruthy();
  });

  it('expires sessions after idle time and after the absolute limit', async () => {
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'viewer').executeTakeFirstOrThrow();
    const start = new Date('2026-11-01T08:00:00Z');
    const { token } = await createSession(t.db, user.id, { ip: '1.1.1.1', userAgent: 'test' }, start);
    expect(await resolveSession(t.db, token, new Date(start.getTime() + SESSION_IDLE_MS - 60_000))).not.toBeNull();
    // Activity slid the expiry, so this is still inside the idle window…
    expect(await resolveSession(t.db, token, new Date(start.getTime() + SESSION_IDLE_MS + 60_000))).not.toBeNull();
    // …but idling a whole window after the last activity ends it.
    expect(await resolveSession(t.db, token, new Date(start.getTime() + 3 * SESSION_IDLE_MS))).toBeNull();
    const second = await createSession(t.db, user.id, { ip: '1.1.1.1', userAgent: 'test' }, start);
    let now = start.getTime();
    while (now < start.getTime() + SESSION_ABSOLUTE_MS - SESSION_IDLE_MS) {
      now += SESSION_IDLE_MS / 2;
      expect(await resolveSession(t.db, second.token, new Date(now))).not.toBeNull();
    }
    expect(await resolveSession(t.db, second.token, new Date(start.getTime() + SESSION_ABSOLUTE_MS + 1000))).toBeNull();
  });

  it('revokes the session on logout and clears the cookie', async () => {
    const { api, cookies } = visitor();
    await api.auth.login({ username: 'chair05', password: DEMO_PASSWORD });
    const token = cookies.token!;
    const session = await resolveSession(t.db, token);
    const cleared = { value: false };
    const loggedIn = createCaller(
      createDirectContext(t.db, session!.actor, { sessionToken: token, cookies: { set: () => {}, clear: () => void (cleared.value = true) } }),
    );
    await loggedIn.auth.logout();
    expect(cleared.value).toBe(true);
    expect(await resolveSession(t.db, token)).toBeNull();
    expect(await (await asSession(token)).auth.me()).toBeNull();
    expect((await errorOf((await asSession(token)).schools.list())).code).toBe('UNAUTHORIZED');
  });

  it('makes a new user change the temporary password first, then signs out other devices on change', async () => {
    const admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const district = await t.db.selectFrom('org_units').select('id').where('kind', '=', 'district').executeTakeFirstOrThrow();
    await admin.users.create({ username: 'newstaff', displayName: '新同事', role: 'district_viewer', orgUnitId: district.id, temporaryPassword: 'Temp2026abc' });

    const phone = visitor();
    await phone.api.auth.login({ username: 'newstaff', password: 'Temp2026abc' });
    const laptop = visitor();
    const me = await laptop.api.auth.login({ username: 'newstaff', password: 'Temp2026abc' });
    expect(me.mustChangePassword).toBe(true);
    const onLaptop = await asSession(laptop.cookies.token!);
    const blocked = await errorOf(onLaptop.schools.list());
    expect([blocked.code, blocked.message]).toEqual(['FORBIDDEN', '请先修改初始密码']);

    const weak = await errorOf(onLaptop.auth.changePassword({ currentPassword: 'Temp2026abc', newPassword: 'short' }));
    expect(weak.code).toBe('BAD_REQUEST');
    const wrongCurrent = await errorOf(onLaptop.auth.changePassword({ currentPassword: 'Wrong2026abc', newPassword: 'Mine2026xyz' }));
    expect(wrongCurrent.message).toBe('当前密码不正确');
    await onLaptop.auth.changePassword({ currentPassword: 'Temp2026abc', newPassword: 'Mine2026xyz' });

    expect(await resolveSession(t.db, phone.cookies.token!)).toBeNull();
    const laptopAgain = await asSession(laptop.cookies.token!);
    expect((await laptopAgain.schools.list()).schools.length).toBeGreaterThan(0);
    await expect(visitor().api.auth.login({ username: 'newstaff', password: 'Mine2026xyz' })).resolves.toMatchObject({ mustChangePassword: false });
  });

  it('lets an admin disable an account: its sessions end and it cannot log in', async () => {
    const admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const { api, cookies } = visitor();
    await api.auth.login({ username: 'chair06', password: DEMO_PASSWORD });
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'chair06').executeTakeFirstOrThrow();
    await admin.users.setDisabled({ id: user.id, disabled: true });
    expect(await resolveSession(t.db, cookies.token!)).toBeNull();
    const refused = await errorOf(visitor().api.auth.login({ username: 'chair06', password: DEMO_PASSWORD }));
    expect(refused.code).toBe('FORBIDDEN');
    await admin.users.setDisabled({ id: user.id, disabled: false });
    await expect(visitor().api.auth.login({ username: 'chair06', password: DEMO_PASSWORD })).resolves.toBeTruthy();
  });

  it('resets a password: old sessions end, the temporary one must be changed', async () => {
    const admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const { api, cookies } = visitor();
    await api.auth.login({ username: 'chair07', password: DEMO_PASSWORD });
    const user = await t.db.selectFrom('users').select('id').where('username', '=', 'chair07').executeTakeFirstOrThrow();
    await admin.users.resetPassword({ id: user.id, temporaryPassword: 'Reset2026ab' });
    expect(await resolveSession(t.db, cookies.token!)).toBeNull();
    expect((await errorOf(visitor().api.auth.login({ username: 'chair07', password: DEMO_PASSWORD }))).message).toBe('用户名或密码错误');
    await expect(visitor().api.auth.login({ username: 'chair07', password: 'Reset2026ab' })).resolves.toMatchObject({ mustChangePassword: true });
  });

  it('keeps passwords out of every API answer and the audit trail', async () => {
    const admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const users = await admin.users.list();
    expect(users.length).toBeGreaterThan(30);
    const text = JSON.stringify(users);
    expect(text).not.toMatch(/argon2|password_hash/);
    const audit = await t.db.selectFrom('audit_log').select(['details']).execute();
    const auditText = JSON.stringify(audit);
    for (const secret of [DEMO_PASSWORD, 'Temp2026abc', 'Mine2026xyz', 'Reset2026ab', 'wrong-pass-1']) expect(auditText).not.toContain(secret);
  });

  it('records logins, failures and admin actions in the audit trail, visible to admins', async () => {
    const admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const { entries } = await admin.audit.list({});
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['login', 'login_failed', 'password_changed', 'user_created', 'user_disabled', 'password_reset']) expect(actions).toContain(action);
    const failed = await admin.audit.list({ action: 'login_failed', username: 'chair01' });
    expect(failed.entries.every((e) => e.username === 'chair01')).toBe(true);
  });

  it('validates admin input with Chinese messages naming the field', async () => {
    const admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const error = await errorOf(admin.users.create({ username: '张', displayName: '', role: 'district_viewer', orgUnitId: 1, temporaryPassword: 'x' }));
    expect(error.code).toBe('BAD_REQUEST');
    const school = await t.db.selectFrom('schools').select('id').executeTakeFirstOrThrow();
    const wrongUnit = await errorOf(admin.users.create({ username: 'wrongunit', displayName: '某人', role: 'district_viewer', orgUnitId: school.id, temporaryPassword: 'Temp2026abc' }));
    expect(wrongUnit.message).toBe('所属单位无效：区工会账号必须属于区教育工会');
    const taken = await errorOf(admin.users.create({ username: 'chair01', displayName: '某人', role: 'school_chair', orgUnitId: school.id, temporaryPassword: 'Temp2026abc' }));
    expect([taken.code, taken.message]).toEqual(['CONFLICT', '用户名 chair01 已被使用']);
  });
});
