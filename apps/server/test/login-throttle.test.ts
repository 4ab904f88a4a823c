import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '@union/db';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { MAX_FAILURES_PER_ACCOUNT } from '../src/auth/login-throttle';
import { createAppServer } from '../src/http/app-server';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { MAX_BATCH_SIZE } from '../src/trpc/error-messages';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';

// Every argon2 verification the server runs is counted: that is what a guess costs the attacker.
vi.mock('@union/db', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@union/db')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const verifications = vi.mocked(verifyPassword);

const RIGHT = 'Right2026pass';
const THROTTLED = /^登录失败次数过多，请 \d+ 分钟后再试$/;

interface TrpcAnswer {
  result?: { data: unknown };
  error?: { message: string; data: { code: string; httpStatus: number } };
}

describe.each(testEngines())('[%s] login throttle under parallel and batched guesses', (engine) => {
  let t: TestDatabase;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const district = await t.db.insertInto('org_units').values({ kind: 'district', code: 'D1', name: '测试区教育工会' }).returning('id').executeTakeFirstOrThrow();
    const passwordHash = await hashPassword(RIGHT);
    await t.db
      .insertInto('users')
      .values(['racer', 'batcher', 'changer'].map((username) => ({ username, display_name: '测试', role: 'district_admin' as const, org_unit_id: district.id, password_hash: passwordHash })))
      .execute();
    server = createAppServer({ db: t.db, engine: t.engine });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  beforeEach(() => {
    verifications.mockClear();
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  const login = async (username: string, password: string): Promise<TrpcAnswer> => {
    const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    return (await res.json()) as TrpcAnswer;
  };
  const failuresOf = async (username: string) =>
    Number((await t.db.selectFrom('login_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', username).executeTakeFirstOrThrow()).n);
  /** As if the throttle window had passed: every recorded failure moves 16 minutes into the past. */
  const letWindowPass = () => sql`update login_failures set at = at - interval '16 minutes'`.execute(t.db);

  const expectThrottledAnswers = (answers: TrpcAnswer[]) => {
    const wrong = answers.filter((a) => a.error?.data.code === 'UNAUTHORIZED');
    const throttled = answers.filter((a) => a.error?.data.code === 'TOO_MANY_REQUESTS');
    expect(wrong.length).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(wrong.every((a) => a.error?.message === '用户名或密码错误')).toBe(true);
    expect(throttled.length).toBe(answers.length - MAX_FAILURES_PER_ACCOUNT);
    expect(throttled.every((a) => THROTTLED.test(a.error!.message) && a.error!.data.httpStatus === 429)).toBe(true);
  };

  it('checks at most 5 of 12 parallel wrong guesses; the right password waits for the window too', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login('racer', `wrong-guess-${i}`)));
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expectThrottledAnswers(answers);
    expect(await failuresOf('racer')).toBe(MAX_FAILURES_PER_ACCOUNT);

    const right = await login('racer', RIGHT);
    expect(right.error?.message).toMatch(THROTTLED);
    expect(verifications.mock.calls.length).toBe(MAX_FAILURES_PER_ACCOUNT);

    await letWindowPass();
    expect((await login('racer', RIGHT)).result?.data).toMatchObject({ username: 'racer' });
    expect(await failuresOf('racer')).toBe(0);
  });

  it('checks at most 5 of 15 wrong guesses sent in one batched request', async () => {
    const calls = Array.from({ length: 15 }, (_, i) => ({ username: 'batcher', password: `wrong-guess-${i}` }));
    const res = await fetch(`${base}/trpc/${calls.map(() => 'auth.login').join(',')}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(calls.map((c, i) => [i, c]))),
    });
    const answers = (await res.json()) as TrpcAnswer[];
    expect(answers).toHaveLength(15);
    expect(verifications.mock.calls.length).toBeLessThanOrEqual(MAX_FAILURES_PER_ACCOUNT);
    expectThrottledAnswers(answers);
    expect((await login('batcher', RIGHT)).error?.message).toMatch(THROTTLED);
    await letWindowPass();
    expect((await login('batcher', RIGHT)).result?.data).toMatchObject({ username: 'batcher' });
  });

  it(`refuses a batch of more than ${MAX_BATCH_SIZE} calls in Chinese, before running any`, async () => {
    const size = MAX_BATCH_SIZE + 1;
    const res = await fetch(`${base}/trpc/${Array(size).fill('auth.login').join(',')}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(Array.from({ length: size }, (_, i) => [i, { username: 'nobody', password: 'x' }]))),
    });
    expect(res.status).toBe(400);
    // The whole request is refused with one error (not one per call).
    const answer = (await res.json()) as TrpcAnswer;
    expect(answer.error?.message).toBe(`一次请求最多包含 ${MAX_BATCH_SIZE} 个调用`);
    expect(verifications).not.toHaveBeenCalled();
    expect(await failuresOf('nobody')).toBe(0);
  });

  it('throttles wrong current passwords in changePassword (12 in a row) like logins', async () => {
    const api = createCallerFactory(appRouter)(createDirectContext(t.db, await actorFor(t.db, 'changer')));
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await errorOf(api.auth.changePassword({ currentPassword: `wrong-guess-${i}`, newPassword: 'Newer2026pass' })));
    expect(verifications.mock.calls.length).toBe(MAX_FAILURES_PER_ACCOUNT);
    expect(answers.slice(0, 5).map((e) => e.message)).toEqual(Array(5).fill('当前密码不正确'));
    for (const e of answers.slice(5)) expect([e.code, e.message]).toEqual(['TOO_MANY_REQUESTS', expect.stringMatching(/^当前密码输错次数过多，请 \d+ 分钟后再试$/)]);
    const right = await errorOf(api.auth.changePassword({ currentPassword: RIGHT, newPassword: 'Newer2026pass' }));
    expect(right.code).toBe('TOO_MANY_REQUESTS');
    // The same account's logins are throttled as well.
    expect((await login('changer', RIGHT)).error?.message).toMatch(THROTTLED);

    await letWindowPass();
    await expect(api.auth.changePassword({ currentPassword: RIGHT, newPassword: 'Newer2026pass' })).resolves.toEqual({ ok: true });
    expect(await failuresOf('changer')).toBe(0);
  });
});
