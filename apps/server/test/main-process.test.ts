import { describe, expect, it } from 'vitest';
import { startServerProcess } from './server-process';

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
  });

  it('exits with a clear message when the environment is invalid', async () => {
    await expect(startServerProcess({ env: { PORT: 'not-a-port' } })).rejects.toThrow(/环境变量配置错误.*PORT/);
  });
});
