import { createTRPCClient, httpBatchLink, TRPCClientError } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import type { AppRouter } from '../src/routers/index';
import { startServerProcess, type ServerProcess } from './server-process';

// Over HTTP against the real server process: a long extraction runs in the
// worker pool, so the event loop keeps answering everyone else.

const DENSE = '全年慰问生病住院教职工16人次，支出慰问金1.2万元，组织11个团队374位休养员疗休养，帮扶困难教职工5人次，发放帮扶金十万元。\n';
const longSummary = (chars: number) => DENSE.repeat(Math.ceil(chars / DENSE.length)).slice(0, chars);

describe.each(testEngines())('[%s] narratives.extract in a real server process', (engine) => {
  let t: TestDatabase | undefined;
  let server: ServerProcess;
  let api: ReturnType<typeof createTRPCClient<AppRouter>>;

  beforeAll(async () => {
    let env: Record<string, string> = {};
    if (engine === 'postgres') {
      t = await openTestDatabase('postgres');
      env = { DATABASE_URL: t.url! };
    }
    server = await startServerProcess({ demo: true, env });
    let cookie = '';
    api = createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: `${server.url}/trpc`,
          fetch: async (url, init) => {
            const headers = new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]);
            if (cookie) headers.set('cookie', cookie);
            const res = await fetch(url, { ...(init as RequestInit), headers });
            const set = res.headers.getSetCookie()[0];
            if (set) cookie = set.split(';')[0]!;
            return res;
          },
        }),
      ],
    });
    await api.auth.login.mutate({ username: 'chair01', password: DEMO_PASSWORD });
  }, 180_000);
  afterAll(async () => {
    expect(await server?.stop()).toBe(0);
    await t?.close();
  }, 60_000);

  it('keeps answering /healthz while a 200,000-character summary is read', async () => {
    let extractDone = false;
    const extract = api.narratives.extract.mutate({ year: 2026, source: { kind: 'text', text: longSummary(200_000) } }).finally(() => (extractDone = true));
    const healthAnswers: { ms: number; duringExtract: boolean }[] = [];
    while (!extractDone && healthAnswers.length < 200) {
      const started = performance.now();
      const res = await fetch(`${server.url}/healthz`);
      expect(res.status).toBe(200);
      healthAnswers.push({ ms: performance.now() - started, duringExtract: !extractDone });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const result = await extract;
    expect(result.suggestions.length).toBeGreaterThan(1000);
    const during = healthAnswers.filter((a) => a.duringExtract);
    expect(during.length).toBeGreaterThan(0);
    // Generous: on the event loop a 200k extract held /healthz for seconds; in the pool it answers at once.
    expect(Math.max(...during.map((a) => a.ms))).toBeLessThan(2_000);
  }, 120_000);

  it('refuses a batch that together asks for more than 200,000 characters, in Chinese', async () => {
    const half = longSummary(150_000);
    const results = await Promise.allSettled([
      api.narratives.extract.mutate({ year: 2026, source: { kind: 'text', text: half } }),
      api.narratives.extract.mutate({ year: 2026, source: { kind: 'text', text: half } }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected')!.reason as TRPCClientError<AppRouter>;
    expect(refused).toBeInstanceOf(TRPCClientError);
    expect(refused.data?.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('一次请求中读取的总结合计超过上限');
    // One at a time is fine: the budget is per request.
    await expect(api.narratives.extract.mutate({ year: 2026, source: { kind: 'text', text: half } })).resolves.toBeTruthy();
  }, 120_000);
});
