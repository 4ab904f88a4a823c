import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, type TestDatabase } from '@union/db/testing';
import { createAppServer } from '../src/http/app-server';

describe('[pglite] structured request logs', () => {
  let t: TestDatabase;
  let server: Server;
  let base: string;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    t = await openTestDatabase('pglite');
    await seedDemoDistrict(t.db);
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    server = createAppServer({ db: t.db, engine: t.engine, logger: pino({ level: 'info' }, sink) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('writes one JSON line per request with id, path, status and time — never inputs or passwords', async () => {
    await fetch(`${base}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-login-1' },
      body: JSON.stringify({ username: 'chair01', password: DEMO_PASSWORD }),
    });
    await fetch(`${base}/trpc/schools.get?input=${encodeURIComponent(JSON.stringify({ id: 1 }))}`);
    await new Promise((r) => setTimeout(r, 50));
    const login = lines.find((l) => l.reqId === 'req-login-1');
    expect(login).toMatchObject({ msg: 'request', method: 'POST', path: '/trpc/auth.login', status: 200 });
    expect(typeof login!.ms).toBe('number');
    const get = lines.find((l) => l.path === '/trpc/schools.get');
    expect(get).toMatchObject({ status: 401 });
    const all = JSON.stringify(lines);
    expect(all).not.toContain(DEMO_PASSWORD);
    expect(all).not.toContain('input=');
  });
});
