import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, migrateToLatest, type DbHandle } from '@union/db';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { startSmtpPeer, type SmtpPeer } from './notification-peers';
import { startServerProcess } from './server-process';

const createCaller = createCallerFactory(appRouter);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => boolean | Promise<boolean>, output: () => string) {
  // A hang detector, not a timing check: the machine may be busy.
  for (let i = 0; i < 1200; i++) {
    if (await check()) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}:\n${output()}`);
}

/**
 * Messages queued while no server runs, and a server stopped while a send is
 * stuck on the peer: after the next start every message arrives exactly once.
 * PGlite with a data folder (what `start` uses) and PostgreSQL.
 */
describe.each(testEngines())('[%s] notification outbox across a server restart', (engine) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'union-outbox-'));
  let pgTest: TestDatabase | undefined;
  let smtp: SmtpPeer | undefined;

  afterAll(async () => {
    await smtp?.close();
    await pgTest?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async (): Promise<DbHandle> => (engine === 'postgres' ? createDb({ databaseUrl: pgTest!.url, maxConnections: 2 }) : createDb({ dataDir: join(dataDir, 'pglite') }));

  it('loses nothing and sends nothing twice', async () => {
    smtp = await startSmtpPeer();
    if (engine === 'postgres') pgTest = await openTestDatabase('postgres');
    // 1. Queue two e-mails (一键催报 to two schools) with no server running.
    let handle = await open();
    await migrateToLatest(handle.db);
    await seedDemoDistrict(handle.db);
    const admin = createCaller(createDirectContext(handle.db, await actorFor(handle.db, 'admin')));
    await admin.notifications.saveChannel({ channel: 'email', enabled: true, host: '127.0.0.1', port: smtp.port, security: 'none', user: '', from: 'notify@union.example.cn' });
    const schools: number[] = [];
    for (const who of ['chair01', 'chair02']) {
      const actor = await actorFor(handle.db, who);
      schools.push(actor.schoolId!);
      await createCaller(createDirectContext(handle.db, actor)).notifications.savePreferences({ email: `${who}@school.example.cn`, emailEnabled: true });
    }
    await handle.db.updateTable('reports').set({ status: 'draft' }).where('school_id', 'in', schools).where('year', '=', 2026).execute();
    await admin.review.remind({ year: 2026, message: '请尽快提交 2026 年度年报。' });
    const queued = await handle.db.selectFrom('notification_outbox').select(['id', 'status']).where('channel', '=', 'email').execute();
    expect(queued.map((q) => q.status)).toEqual(['pending', 'pending']);
    await handle.close();

    // 2. Start the server; the peer hangs on the first mail, and the server is stopped meanwhile.
    smtp.stallNext();
    const env = {
      ...(engine === 'postgres' ? { DATABASE_URL: pgTest!.url! } : { DATA_DIR: dataDir }),
      PUBLIC_URL: 'https://nianbao.example.cn',
      NOTIFICATIONS_POLL_SECONDS: '0.2',
      NOTIFICATIONS_LEASE_SECONDS: '2',
    };
    let server = await startServerProcess({ env });
    await waitFor('the first send to hang', () => smtp!.stalled() === 1, server.output);
    await server.stop();
    expect(smtp.accepted).toHaveLength(0);

    // 3. Start again: once the dead worker's claim lapses, both mails go out, once each.
    server = await startServerProcess({ env });
    await waitFor('both mails', () => smtp!.accepted.length >= 2, server.output);
    await sleep(3_000); // more rounds, past another lease: still nothing twice
    await server.stop();
    expect(smtp.accepted.map((m) => m.to[0]).sort()).toEqual(['chair01@school.example.cn', 'chair02@school.example.cn']);
    expect(new Set(smtp.accepted.map((m) => m.messageId)).size).toBe(2);
    expect(smtp.accepted[0]!.text).toContain('https://nianbao.example.cn/schools/');

    handle = await open();
    const rows = await handle.db.selectFrom('notification_outbox').select(['status', 'attempts', 'recipient']).where('channel', '=', 'email').orderBy('recipient').execute();
    await handle.close();
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    // The stuck mail took a second attempt; nothing took more.
    expect(Math.max(...rows.map((r) => r.attempts))).toBeLessThanOrEqual(2);
  }, 900_000);
});
