import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@union/db';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { debugErrorsEnabled, loadConfig } from '../src/config';
import { createAppServer, type AppServerOptions } from '../src/http/app-server';

const PASSWORD = 'Harden2026pass';

interface RawAnswer {
  status: number;
  text: string;
  json: { result?: { data: unknown }; error?: { message: string; data?: Record<string, unknown> } };
}

/** One request with exactly these headers (fetch would add Origin/Sec-Fetch-* rules of its own). */
function rawRequest(url: string, { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, json: JSON.parse(text) as RawAnswer['json'] }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(testEngines())('[%s] HTTP hardening: error answers, CSRF guard, health details', (engine) => {
  let t: TestDatabase;
  const servers: Server[] = [];
  let base: string;
  let sessionCookie: string;

  const start = async (options: Partial<AppServerOptions> = {}) => {
    const server = createAppServer({ db: t.db, engine: t.engine, ...options });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  const json = { 'content-type': 'application/json' };
  const loggedIn = async () => (await rawRequest(`${base}/trpc/auth.me`, { headers: { cookie: sessionCookie } })).json.result?.data;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    const district = await t.db.insertInto('org_units').values({ kind: 'district', code: 'D1', name: '测试区教育工会' }).returning('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('users')
      .values({ username: 'boss', display_name: '王主任', role: 'district_admin', org_unit_id: district.id, password_hash: await hashPassword(PASSWORD) })
      .execute();
    base = await start();
    const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'boss', password: PASSWORD }) });
    sessionCookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
    await t.close();
  });

  describe('error answers', () => {
    const expectNoStack = (answer: RawAnswer) => {
      expect(answer.json.error).toBeDefined();
      expect(answer.json.error!.data).not.toHaveProperty('stack');
      expect(answer.text).not.toMatch(/"stack"|\/src\/|\.ts:\d+|node_modules/);
      expect(answer.json.error!.message).toMatch(/[\u4e00-\u9fff]/);
    };

    it('carry no stack trace for a bad input, a missing row, a missing login or a crash', async () => {
      const auth = { cookie: sessionCookie };
      const badInput = await rawRequest(`${base}/trpc/schools.get?input=${encodeURIComponent(JSON.stringify({ id: 'x' }))}`, { headers: auth });
      expect(badInput.status).toBe(400);
      expectNoStack(badInput);
      const missing = await rawRequest(`${base}/trpc/schools.get?input=${encodeURIComponent(JSON.stringify({ id: 999999 }))}`, { headers: auth });
      expect([missing.status, missing.json.error?.message]).toEqual([404, '找不到这所学校']);
      expectNoStack(missing);
      const anonymous = await rawRequest(`${base}/trpc/schools.list?input=%7B%7D`);
      expect(anonymous.status).toBe(401);
      expectNoStack(anonymous);
      const unknownProcedure = await rawRequest(`${base}/trpc/nothing.here`);
      expect(unknownProcedure.status).toBe(404);
      expectNoStack(unknownProcedure);

      await t.db.schema.alterTable('reporting_years').renameTo('reporting_years_gone').execute();
      try {
        const crash = await rawRequest(`${base}/trpc/reports.years`, { headers: auth });
        expect(crash.status).toBe(500);
        expectNoStack(crash);
        expect(crash.text).not.toMatch(/reporting_years|relation/);
      } finally {
        await t.db.schema.alterTable('reporting_years_gone').renameTo('reporting_years').execute();
      }
    });

    it('send stacks only with DEBUG_ERRORS=true, not merely in development', () => {
      expect(debugErrorsEnabled({})).toBe(false);
      expect(debugErrorsEnabled({ NODE_ENV: 'development' })).toBe(false);
      expect(debugErrorsEnabled({ DEBUG_ERRORS: 'true' })).toBe(true);
      expect(loadConfig({ DEBUG_ERRORS: 'true' }, []).debugErrors).toBe(true);
      expect(loadConfig({ NODE_ENV: 'development' }, []).debugErrors).toBe(false);
    });

    it('answer a body or input that is not JSON in Chinese', async () => {
      for (const body of ['', '{"username":', 'username=admin']) {
        const answer = await rawRequest(`${base}/trpc/auth.login`, { method: 'POST', headers: json, body });
        expect([answer.status, answer.json.error?.message]).toEqual([400, '请求内容不是有效的 JSON']);
        expectNoStack(answer);
      }
      const badQuery = await rawRequest(`${base}/trpc/schools.list?input=%7B`, { headers: { cookie: sessionCookie } });
      expect([badQuery.status, badQuery.json.error?.message]).toEqual([400, '请求内容不是有效的 JSON']);
      const wrongMethod = await rawRequest(`${base}/trpc/auth.logout`);
      expect(wrongMethod.json.error?.message).toBe('请求方式不被接受');
    });
  });

  describe('CSRF guard on state-changing calls', () => {
    const logout = (headers: Record<string, string>) => rawRequest(`${base}/trpc/auth.logout`, { method: 'POST', headers: { cookie: sessionCookie, ...headers }, body: '{}' });

    it('refuses non-JSON media types however they are spelled, and changes nothing', async () => {
      for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain', 'application/jsonx', 'application/json-patch+json', 'application/json; charset=latin1', 'application/octet-stream', '']) {
        const answer = await logout(type ? { 'content-type': type } : {});
        expect([type, answer.status, answer.json.error?.message]).toEqual([type, 415, '请求格式不被接受：只接受 application/json 请求']);
      }
      expect(await loggedIn()).toMatchObject({ username: 'boss' });
    });

    it('refuses a foreign Origin or a cross-site fetch, even with a JSON type spelled oddly', async () => {
      const foreign: Record<string, string>[] = [
        { origin: 'http://evil.example', 'content-type': 'application/json' },
        { origin: 'http://evil.example', 'content-type': '  Application/JSON ;charset=UTF-8' },
        { origin: 'null', 'content-type': 'application/json' },
        { origin: base.replace('127.0.0.1', 'localhost'), 'content-type': 'application/json' },
        { 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      ];
      for (const headers of foreign) {
        const answer = await logout(headers);
        expect([headers, answer.status, answer.json.error?.message]).toEqual([headers, 403, '请求来源不被接受：只接受本网站页面发出的操作']);
      }
      expect(await loggedIn()).toMatchObject({ username: 'boss' });
    });

    it('lets same-origin pages, configured origins and clients without Origin through', async () => {
      const sameOrigin = await rawRequest(`${base}/trpc/auth.me`, { method: 'GET', headers: { origin: base, cookie: sessionCookie } });
      expect(sameOrigin.status).toBe(200);
      const login = (url: string, headers: Record<string, string>) =>
        rawRequest(`${url}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify({ username: 'boss', password: PASSWORD }) });
      expect((await login(base, { origin: base, 'sec-fetch-site': 'same-origin' })).status).toBe(200);
      expect((await login(base, {})).status).toBe(200); // curl, scripts
      const withPartner = await start({ allowedOrigins: ['https://admin.example.cn'] });
      expect((await login(withPartner, { origin: 'https://admin.example.cn', 'sec-fetch-site': 'cross-site' })).status).toBe(200);
      expect((await login(withPartner, { origin: 'https://other.example.cn' })).status).toBe(403);
    });

    it('reads ALLOWED_ORIGINS from the environment and refuses a malformed entry in Chinese', () => {
      expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.example.cn, http://10.0.0.5:8080/' }, []).allowedOrigins).toEqual(['https://a.example.cn', 'http://10.0.0.5:8080']);
      expect(() => loadConfig({ ALLOWED_ORIGINS: 'not a url' }, [])).toThrow(/ALLOWED_ORIGINS.*不是有效的网址来源/);
    });
  });

  describe('health probes', () => {
    it('tell anonymous callers only the status; local callers and token holders see details', async () => {
      const proxied = await start({ trustProxy: true, healthToken: 'probe-secret-1' });
      const outside = { 'x-forwarded-for': '203.0.113.9' };
      for (const path of ['/healthz', '/readyz']) {
        const anonymous = await rawRequest(`${proxied}${path}`, { headers: outside });
        expect(anonymous.json).toEqual({ status: path === '/healthz' ? 'ok' : 'ready' });
        const wrongToken = await rawRequest(`${proxied}${path}`, { headers: { ...outside, 'x-health-token': 'guess' } });
        expect(Object.keys(wrongToken.json)).toEqual(['status']);
        const withToken = await rawRequest(`${proxied}${path}`, { headers: { ...outside, 'x-health-token': 'probe-secret-1' } });
        expect(withToken.json).toMatchObject({ engine });
        // The proxy's own socket is loopback, but the client behind it is not: only a direct local call counts.
        const local = await rawRequest(`${proxied}${path}`);
        expect(local.json).toMatchObject({ engine });
      }
      expect((await rawRequest(`${base}/readyz`)).json).toMatchObject({ status: 'ready', engine, migration: expect.any(String) });
    });
  });
});
