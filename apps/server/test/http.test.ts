import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
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

  const client = () => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${base}/trpc` })] });

  it('reports database reachability on /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: 'reachable', engine });
  });

  it('answers a real tRPC client with typed data, batched', async () => {
    const api = client();
    const [list, catalogue] = await Promise.all([api.schools.list.query({}), api.catalogue.list.query()]);
    expect(list.schools.length).toBeGreaterThanOrEqual(25);
    expect(catalogue).toHaveLength(59);
    const report = await api.reports.get.query({ schoolId: list.schools[0]!.id, year: 2025 });
    expect(report.school.id).toBe(list.schools[0]!.id);
  });

  it('sends validation errors with Chinese messages naming the field', async () => {
    const error = await client()
      .reports.get.query({ schoolId: 1, year: 1800 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const e = error as TRPCClientError<AppRouter>;
    expect(e.data?.code).toBe('BAD_REQUEST');
    expect(e.data?.httpStatus).toBe(400);
    expect(e.data?.fieldErrors).toEqual([{ path: 'year', message: expect.stringMatching(/^年度：.*[\u4e00-\u9fff]/) }]);
    expect(e.message).toMatch(/^输入有误：年度：/);
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
});
