// `pnpm bench`: a synthetic city (2,000 schools × 10 years × the full
// catalogue by default) measured end to end. Real PostgreSQL when
// BENCH_DATABASE_URL (or DATABASE_URL) is set — a scratch database is created
// on that server and dropped afterwards — otherwise embedded PGlite.
// Writes results/results.json and results/results.md. Not a test.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createTRPCClient, httpLink } from '@trpc/client';
import { createDb, type DbHandle } from '@union/db';
import { createAppServer, createSession, SESSION_COOKIE, type AppRouter } from '@union/server';
import { startServerProcess, type ServerProcess } from '@union/server/testing';
import { loadCity } from './city/load-city';
import { comparisonFloorSql, trendFloorSql, withClient } from './measure/dashboard-floor';
import { deadlineWeek } from './measure/deadline-week';
import { extractorOnLongText, extractorThroughput } from './measure/extractor-throughput';
import { measureDashboardWeb } from './measure/web-dashboard';
import { timeCalls } from './measure/stats';
import { resultsTable, round1, round2, type BenchResults } from './results-table';

const repoRoot = resolve(import.meta.dirname, '../../..');
const env = process.env;
const schools = Number(env.BENCH_SCHOOLS ?? 2000);
const yearCount = Number(env.BENCH_YEARS ?? 10);
const chairs = Number(env.BENCH_CHAIRS ?? 300);
const seconds = Number(env.BENCH_SECONDS ?? 30);
const calls = Number(env.BENCH_CALLS ?? 50);
const serverUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
// For working on one measure: BENCH_ONLY=comparison,trend,deadline,extractor,web
const only = new Set((env.BENCH_ONLY ?? 'comparison,trend,deadline,extractor,web').split(','));
// Keep the loaded city between runs (PostgreSQL only): loading 2,000 schools takes minutes.
const reuse = env.BENCH_REUSE === '1';
// Server processes on PostgreSQL, as `--scale server=N` behind the proxy (the server is stateless).
const replicas = Number(env.BENCH_REPLICAS ?? 1);
const years = Array.from({ length: yearCount }, (_, i) => 2026 - yearCount + 1 + i);
const openYear = years.at(-1)!;
const lastClosedYear = years.at(-2)!;
const COMPARISON_CODES = ['sick_visits', 'hardship_aid_recipients', 'hardship_aid_amount', 'holiday_visits', 'congress_sessions', 'proposals_collected', 'proposals_resolved', 'health_checkup_participants', 'culture_sports_events', 'mentor_pairs'];

const log = (line: string) => console.log(line);

async function scratchDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void>; loaded: boolean }> {
  const name = reuse ? `bench_city_${schools}x${yearCount}` : `bench_${Date.now()}`;
  const exists = await withClient(adminUrl, (c) => c.query('select 1 from pg_database where datname = $1', [name]));
  if (!exists.rowCount) await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const loaded =
    exists.rowCount === 1 &&
    (await withClient(url.toString(), (c) => c.query("select 1 from pg_tables where tablename = 'users'").then(async (t) => t.rowCount === 1 && (await c.query("select 1 from users where username = 'bench-admin'")).rowCount === 1)));
  const drop = reuse ? async () => {} : () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined);
  return { url: url.toString(), drop, loaded };
}

async function main() {
  const engine = serverUrl ? 'postgres' : 'pglite';
  log(`pnpm bench — ${engine}, ${schools} schools × ${years.length} years (${years[0]}–${openYear})`);
  const scratch = serverUrl ? await scratchDatabase(serverUrl) : null;
  const handle: DbHandle = createDb(scratch ? { databaseUrl: scratch.url, maxConnections: 20 } : {});
  const children: ServerProcess[] = [];
  let inProcess: Server | null = null;
  try {
    let city: { schoolIds: number[] };
    if (scratch?.loaded) {
      log('reusing the city loaded by an earlier run (BENCH_REUSE=1)');
      city = { schoolIds: (await handle.db.selectFrom('schools').select('id').orderBy('id').execute()).map((s) => s.id) };
    } else {
      log('loading the city…');
      const loaded = await loadCity(handle.db, { schools, years }, log);
      log(`  loaded in ${loaded.seconds.toFixed(1)} s`);
      city = loaded;
    }

    // The server: a separate process on real PostgreSQL (as deployed); in-process on PGlite (one connection).
    let baseUrl: string;
    // Replicas share nothing but the database (sessions live there): chairs are spread over them.
    let replicaUrls: string[];
    if (scratch) {
      // e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server under load.
      const nodeArgs = env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
      for (let i = 0; i < replicas; i++) children.push(await startServerProcess({ env: { DATABASE_URL: scratch.url, LOG_LEVEL: 'warn' }, nodeArgs }));
      replicaUrls = children.map((c) => c.url);
      baseUrl = replicaUrls[0]!;
    } else {
      inProcess = createAppServer({ db: handle.db, engine: 'pglite', webDistDir: join(repoRoot, 'apps/web/dist') });
      await new Promise<void>((r) => inProcess!.listen(0, '127.0.0.1', r));
      baseUrl = `http://127.0.0.1:${(inProcess.address() as AddressInfo).port}`;
      replicaUrls = [baseUrl];
    }
    const admin = await handle.db.selectFrom('users').select('id').where('username', '=', 'bench-admin').executeTakeFirstOrThrow();
    const adminSession = await createSession(handle.db, admin.id, { ip: '127.0.0.1', userAgent: 'bench' });
    const adminCookie = `${SESSION_COOKIE}=${adminSession.token}`;
    const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, headers: { cookie: adminCookie } })] });

    const results: BenchResults = { engine, schools, years: years.length, replicas: replicaUrls.length, measuredAt: new Date().toISOString(), node: process.version };

    if (only.has('comparison')) {
      log('1. comparison dashboard (one year, all schools, 10 indicators per 100 staff, YoY, score, rank)…');
      const query = () => api.dashboard.comparison.query({ year: lastClosedYear, codes: COMPARISON_CODES, perHundredStaff: true });
      const started = performance.now();
      const first = await query();
      const firstCallMs = round1(performance.now() - started);
      if (first.schools.id.length !== schools) throw new Error(`comparison returned ${first.schools.id.length} rows, expected ${schools}`);
      const apiStats = await timeCalls(calls, query);
      const floor = scratch ? await withClient(scratch.url, (c) => timeCalls(calls, () => c.query(comparisonFloorSql, [lastClosedYear, COMPARISON_CODES]))) : null;
      // After any approval (or school or catalogue change) the answer is computed afresh: time that too.
      const afterChange = await timeCalls(Math.min(calls, 20), async () => {
        await handle.db.updateTable('data_versions').set((eb) => ({ version: eb('version', '+', 1) })).where('name', '=', 'dashboards').execute();
        await query();
      }, 0);
      results.comparison = { api: apiStats, floor, firstCallMs, afterDataChange: afterChange, ratioP95: floor ? round2(apiStats.p95 / floor.p95) : null };
      log(`   API p50 ${apiStats.p50} ms, p95 ${apiStats.p95} ms (first call ${firstCallMs} ms; right after a data change p50 ${afterChange.p50} ms, p95 ${afterChange.p95} ms)${floor ? `; SQL floor p50 ${floor.p50} ms, p95 ${floor.p95} ms` : ''}`);
    }

    if (only.has('trend')) {
      log('2. trend of one indicator over all years for all schools…');
      const apiStats = await timeCalls(calls, () => api.dashboard.trend.query({ code: 'sick_visits', perHundredStaff: false, schoolIds: city.schoolIds.slice(0, 5) }));
      const floor = scratch ? await withClient(scratch.url, (c) => timeCalls(calls, () => c.query(trendFloorSql, ['sick_visits']))) : null;
      results.trend = { api: apiStats, floor, ratioP95: floor ? round2(apiStats.p95 / floor.p95) : null };
      log(`   API p50 ${apiStats.p50} ms, p95 ${apiStats.p95} ms${floor ? `; SQL floor p50 ${floor.p50} ms, p95 ${floor.p95} ms` : ''}`);
    }

    if (only.has('web')) {
      log('5. the comparison page in Chromium: JS it loads (gzip), table and first chart painted…');
      const web = await measureDashboardWeb({ baseUrl, cookie: adminCookie, year: lastClosedYear, expectedRows: schools, codes: COMPARISON_CODES });
      results.web = web;
      log(`   ${web.dashboardRouteGzipKb} KB of JS; table ${web.comparisonTablePaintMs} ms, first chart ${web.firstChartPaintMs} ms (median of ${web.runs.length})`);
    }

    if (only.has('deadline')) {
      log(`3. deadline week: ${chairs} chairs saving drafts for ${seconds} s…`);
      const chairRows = await handle.db.selectFrom('users').select(['id', 'org_unit_id']).where('role', '=', 'school_chair').orderBy('id').limit(chairs).execute();
      const sessions = [];
      for (const row of chairRows) {
        const s = await createSession(handle.db, row.id, { ip: '127.0.0.1', userAgent: 'bench' });
        sessions.push({ cookie: `${SESSION_COOKIE}=${s.token}`, schoolId: row.org_unit_id });
      }
      const week = await deadlineWeek({
        baseUrls: replicaUrls,
        chairs: sessions,
        year: openYear,
        seconds,
        targetPerSecond: Number(env.BENCH_TARGET_SAVES ?? 500),
        readValue: async (schoolId) => {
          const row = await handle.db
            .selectFrom('report_values as v')
            .innerJoin('reports as r', 'r.id', 'v.report_id')
            .select('v.value')
            .where('r.school_id', '=', schoolId)
            .where('r.year', '=', openYear)
            .where('v.indicator_code', '=', 'holiday_visits')
            .executeTakeFirst();
          return row?.value ?? null;
        },
      });
      results.deadlineWeek = week;
      for (const [name, p] of [['autosave every 1.5 s', week.autosave], ['paced to the target', week.paced], ['back to back', week.saturated]] as const) {
        log(`   ${name}: ${p.saves} saves, ${p.savesPerSecond}/s, p50 ${p.latency.p50} ms, p95 ${p.latency.p95} ms, conflicts ${p.conflicts}, failures ${p.failures}${p.failureSamples.length ? ` (${p.failureSamples.join('; ')})` : ''}`);
      }
      log(`   lost updates ${week.lostUpdates}`);
    }

    if (only.has('extractor')) {
      log('4. extractor throughput on one core…');
      const corpus = resolve(repoRoot, env.BENCH_CORPUS ?? '../shared/corpus');
      results.extractor = { ...extractorThroughput(corpus), longText: extractorOnLongText(corpus) };
      log(`   ${results.extractor.mbPerSecond} MB/s (${results.extractor.source})`);
      for (const l of results.extractor.longText!) log(`   ${l.kind} ${l.chars} characters: ${l.ms} ms`);
    }

    const outDir = join(repoRoot, 'packages/bench/results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `results-${engine}.json`), `${JSON.stringify(results, null, 2)}\n`);
    const md = resultsTable(results);
    writeFileSync(join(outDir, `results-${engine}.md`), `${md}\n`);
    log(`\n${md}`);
  } finally {
    for (const child of children) await child.stop();
    if (inProcess) await new Promise((r) => inProcess!.close(r));
    await handle.close();
    await scratch?.drop();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});

