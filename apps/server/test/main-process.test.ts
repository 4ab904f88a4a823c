import { describe, expect, it } from 'vitest';
import { SERVER_READY_TIMEOUT_MS, startServerProcess } from './server-process';

// A whole server process per test (embedded database, migrations, maybe the demo
// seed): over a minute on a loaded 2-core machine. Room enough to start and stop
// it; a hang still fails (startServerProcess gives up after SERVER_READY_TIMEOUT_MS).
const PROCESS_TEST_TIMEOUT_MS = SERVER_READY_TIMEOUT_MS + 60_000;

describe('[pglite] server process', () => {
  it('starts with the demo district on the embedded database and shuts down gracefully on SIGTERM', async () => {
    const server = await startServerProcess({ demo: true });
    try {
      expect(server.output()).toContain('已生成示范区演示数据');
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toMatchObject({ status: 'ok', engine: 'pglite' });
    } finally {
      const code = await server.stop();
      expect(code).toBe(0);
    }
  }, PROCESS_TEST_TIMEOUT_MS);

  it('exits with a clear message when the environment is invalid', async () => {
    await expect(startServerProcess({ env: { PORT: 'not-a-port' } })).rejects.toThrow(/环境变量配置错误.*PORT/);
  }, PROCESS_TEST_TIMEOUT_MS);
});

describe('[pglite] first run of a real installation', () => {
  it('tells how to create the first admin, and the created admin can log in', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const dataDir = mkdtempSync(join(tmpdir(), 'union-first-run-'));
    const serverDir = resolve(import.meta.dirname, '..');
    try {
      const empty = await startServerProcess({ env: { DATA_DIR: dataDir } });
      expect(empty.output()).toContain('尚无管理员账号');
      await empty.stop();

      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, ADMIN_PASSWORD: 'Admin2026x' };
      delete env.DATABASE_URL;
      const created = execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/create-admin.ts', 'boss', '王主任', '测试区教育工会'], {
        cwd: serverDir,
        env,
        encoding: 'utf8',
      });
      expect(created).toContain('已创建管理员 boss');

      const server = await startServerProcess({ env: { DATA_DIR: dataDir } });
      try {
        expect(server.output()).not.toContain('尚无管理员账号');
        const res = await fetch(`${server.url}/trpc/auth.login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'boss', password: 'Admin2026x' }),
        });
        const body = (await res.json()) as { result: { data: { role: string; orgUnitName: string; mustChangePassword: boolean } } };
        expect(body.result.data).toMatchObject({ role: 'district_admin', orgUnitName: '测试区教育工会', mustChangePassword: false });
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 3 * PROCESS_TEST_TIMEOUT_MS); // three processes one after another (server, CLI, server)
});
