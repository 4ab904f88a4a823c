import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { createAppServer } from '../src/http/app-server';
import type { AppRouter } from '../src/routers/index';

describe.each(testEngines())('[%s] HTTP server', (engine) => {
  let t: TestDatabase;
  let server: Server;
  let base: string;
  let webDir: string;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    webDir = mkdtempSync(join(tmpdir(), 'union-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><html lang="zh-CN"><title>工会年报平台</title></html>');
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    server = createAppServer({ db: t.db, engine: t.engine, webDistDir: webDir });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  /** A tRPC client with a minimal cookie jar, as a browser would keep the session cookie. */
  const browserLikeClient = () => {
    const jar = new Map<string, string>();
    const setCookies: string[] = [];
    const api = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${base}/trpc`,
          fetch: async (url, init) => {
            const headers = new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]);
            if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
            const res = await fetch(url, { ...(init as RequestInit), headers });
            for (const cookie of res.headers.getSetCookie()) {
              setCookies.push(cookie);
              const [pair] = cookie.split(';');
              const [name, value] = pair!.split('=') as [string, string];
              if (value) jar.set(name, value);
              else jar.delete(name);
            }
            return res;
          },
        }),
      ],
    });
    return { api, setCookies };
  };
  const client = async () => {
    const c = browserLikeClient();
    await c.api.auth.login.mutate({ username: 'admin', password: DEMO_PASSWORD });
    return c.api;
  };

  it('reports database reachability on /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'reachable', engine });
  });

  it('reports readiness (database reachable and migrated) on /readyz, with a request id', async () => {
    const res = await fetch(`${base}/readyz`, { headers: { 'x-request-id': 'proxy-abc-123' } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ready', engine });
    expect(res.headers.get('x-request-id')).toBe('proxy-abc-123');
    const generated = await fetch(`${base}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a real tRPC client with typed data, batched', async () => {
    const api = await client();
    const [list, catalogue] = await Promise.all([api.schools.list.query({}), api.catalogue.list.query()]);
    expect(list.schools.length).toBeGreaterThanOrEqual(25);
    expect(catalogue).toHaveLength(59);
    const report = await api.reports.get.query({ schoolId: list.schools[0]!.id, year: 2025 });
    expect(report.school.id).toBe(list.schools[0]!.id);
  });

  it('sends validation errors with Chinese messages naming the field', async () => {
    const error = await (await client())
      .reports.get.query({ schoolId: 1, year: 1800 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const e = error as TRPCClientError<AppRouter>;
    expect(e.data?.code).toBe('BAD_REQUEST');
    expect(e.data?.httpStatus).toBe(400);
    expect(e.data?.fieldErrors).toEqual([{ path: 'year', message: expect.stringMatching(/^年度：.*[\u4e00-\u9fff]/) }]);
    expect(e.message).toMatch(/^输入有误：年度：/);
  });

  it('logs in with an HttpOnly, SameSite=Lax session cookie and logs out', async () => {
    const { api, setCookies } = browserLikeClient();
    const anonymous = await api.schools.list.query({}).catch((e: unknown) => e);
    expect((anonymous as TRPCClientError<AppRouter>).data?.httpStatus).toBe(401);
    expect((anonymous as TRPCClientError<AppRouter>).message).toBe('尚未登录或登录已过期，请重新登录');

    const me = await api.auth.login.mutate({ username: 'chair01', password: DEMO_PASSWORD });
    expect(me.username).toBe('chair01');
    expect(setCookies[0]).toMatch(/^union_session=[\w-]{43}; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
    const own = await api.schools.list.query({});
    expect(own.schools.map((s) => s.id)).toEqual([me.schoolId]);

    await api.auth.logout.mutate();
    expect(setCookies.at(-1)).toMatch(/^union_session=; .*Expires=Thu, 01 Jan 1970/);
    expect(await api.auth.me.query()).toBeNull();
  });

  it('answers a server-side failure in Chinese without leaking the internal message', async () => {
    // An unknown table stands in for any crash inside a procedure.
    await t.db.schema.alterTable('reporting_years').renameTo('reporting_years_gone').execute();
    try {
      const error = await (await client()).reports.years.query().catch((e: unknown) => e);
      const e = error as TRPCClientError<AppRouter>;
      expect(e.data?.httpStatus).toBe(500);
      expect(e.message).toBe('服务器处理出错，请稍后重试；如果问题持续，请联系区教育工会管理员。');
      expect(JSON.stringify(e.data)).not.toMatch(/reporting_years|relation/);
    } finally {
      await t.db.schema.alterTable('reporting_years_gone').renameTo('reporting_years').execute();
    }
  });

  it('refuses cross-site style form posts to the API (CSRF guard)', async () => {
    const res = await fetch(`${base}/trpc/schools.list`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(res.status).toBe(415);
  });

  it('serves the web app with a single-page fallback and long-lived asset caching', async () => {
    const page = await fetch(`${base}/schools/3/reports/2025`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('工会年报平台');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${base}/assets/app-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('sends the security headers on pages, assets, the API and the probes; HSTS only over HTTPS', async () => {
    const responses = await Promise.all(
      ['/', '/schools/3/reports/2025', '/assets/app-abc123.js', '/trpc/auth.me', '/trpc/schools.list?input=%7B%7D', '/healthz', '/readyz', '/trpc/nothing'].map((path) => fetch(`${base}${path}`)),
    );
    for (const res of responses) {
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
      expect(directives.get('script-src'), res.url).toEqual(["'self'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('connect-src')).toEqual(["'self'"]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('permissions-policy')).toMatch(/camera=\(\)/);
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    const https = createAppServer({ db: t.db, engine: t.engine, webDistDir: webDir, secureCookies: true });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(https.address() as AddressInfo).port}/`);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      await new Promise((resolve) => https.close(resolve));
    }
  });
});
