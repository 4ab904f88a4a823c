import { join } from 'node:path';
import { createDb, migrateToLatest, installCatalogue } from '@union/db';
import { seedDemoDistrict } from '@union/db/seed';
import { defaultCatalogue } from '@union/domain';
import { pino } from 'pino';
import { loadConfig } from './config';
import { configurePdfFonts } from './documents/pdf-font';
import { closeExtractionPool, configureExtractionPool } from './extraction/extraction-pool';
import { createAppServer } from './http/app-server';
import { setPublicUrl } from './notifications/public-url';
import { NotificationWorker } from './notifications/worker';

async function main() {
  const config = loadConfig();
  configureExtractionPool({ workers: config.extractWorkers });
  configurePdfFonts({ regular: config.pdfFontPath, bold: config.pdfFontBoldPath });
  const logger = pino({ level: config.logLevel, base: { service: 'union-report' } });
  const { db, engine, close } = createDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite'),
    onIdleConnectionError: (error) => logger.warn({ err: error }, 'database connection closed while idle; it will be reopened'),
  });
  await migrateToLatest(db);
  const indicatorCount = await db.selectFrom('indicators').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(indicatorCount.n) === 0) await installCatalogue(db, defaultCatalogue);
  if (config.seedDemo) {
    const result = await seedDemoDistrict(db, { withCity: true });
    if (result.seeded) console.log(`已生成示范区演示数据：${result.schools} 所学校，${result.reports} 份年报 (demo district seeded)`);
  }

  const admins = await db.selectFrom('users').select('id').where('role', '=', 'district_admin').where('disabled_at', 'is', null).limit(1).execute();
  if (admins.length === 0) {
    console.log('尚无管理员账号。请运行：pnpm admin:create <用户名> "<姓名>" "<区教育工会名称>" 创建第一个管理员 (no admin yet: run pnpm admin:create)');
  }

  const server = createAppServer({
    db,
    engine,
    webDistDir: config.webDistDir,
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    allowedOrigins: config.allowedOrigins,
    healthToken: config.healthToken,
    logger,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const where = engine === 'pglite' ? `内置数据库 ${join(config.dataDir, 'pglite')}` : 'PostgreSQL';
  // The human line is what the README's start command shows; the JSON line is for log collectors.
  console.log(`工会年报平台已启动 (server ready): http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/  [${where}]`);
  logger.info({ port, engine }, 'server ready');

  // The outbox worker: in this process, on the same database; replicas share the work safely.
  const publicUrl = config.publicUrl ?? `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;
  setPublicUrl(publicUrl);
  const worker = new NotificationWorker({
    db,
    publicUrl,
    logger: logger.child({ component: 'notifications' }),
    pollIntervalMs: config.notificationsPollMs,
    leaseMs: config.notificationsLeaseMs,
  });
  worker.start();

  // Graceful shutdown: stop taking connections, let requests finish, close the database.
  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`收到 ${signal}，正在关闭 (shutting down)…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    server.close(() => {
      // A send stuck on a slow peer does not hold the shutdown: its claim lapses and another round sends it.
      const workerStopped = Promise.race([worker.stop(), new Promise((resolve) => setTimeout(resolve, 3_000))]);
      Promise.all([workerStopped.then(close), closeExtractionPool()]).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    server.closeIdleConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('启动失败 (failed to start):', error);
  process.exit(1);
});
