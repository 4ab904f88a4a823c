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
import { extractorThroughput } from './measure/extractor-throughput';
import { timeCalls } from './measure/stats';

const repoRoot = resolve(import.meta.dirname, '../../..');
const env = process.env;
const schools = Number(env.BENCH_SCHOOLS ?? 2000);
const yearCount = Number(env.BENCH_YEARS ?? 10);
const chairs = Number(env.BENCH_CHAIRS ?? 300);
const seconds = Number(env.BENCH_SECONDS ?? 30);
const calls = Number(env.BENCH_CALLS ?? 50);
const serverUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
const years = Array.from({ length: yearCount }, (_, i) => 2026 - yearCount + 1 + i);
const openYear = years.at(-1)!;
const lastClosedYear = years.at(-2)!;
const COMPARISON_CODES = ['sick_visits', 'hardship_aid_recipients', 'hardship_aid_amount', 'holiday_visits', 'congress_sessions', 'proposals_collected', 'proposals_resolved', 'health_checkup_participants', 'culture_sports_events', 'mentor_pairs'];

const log = (line: string) => console.log(line);

async function scratchDatabase(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_${Date.now()}`;
  await withClient(adminUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => withClient(adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined) };
}

async function main() {
  const engine = serverUrl ? 'postgres' : 'pglite';
  log(`pnpm bench — ${engine}, ${schools} schools × ${years.length} years (${years[0]}–${openYear})`);
  const scratch = serverUrl ? await scratchDatabase(serverUrl) : null;
  const handle: DbHandle = createDb(scratch ? { databaseUrl: scratch.url, maxConnections: 20 } : {});
  let child: ServerProcess | null = null;
  let inProcess: Server | null = null;
  try {
    log('loading the city…');
    const city = await loadCity(handle.db, { schools, years }, log);
    log(`  loaded in ${city.seconds.toFixed(1)} s`);

    // The server: a separate process on real PostgreSQL (as deployed); in-process on PGlite (one connection).
    let baseUrl: string;
    if (scratch) {
      child = await startServerProcess({ env: { DATABASE_URL: scratch.url, LOG_LEVEL: 'warn' } });
      baseUrl = child.url;
    } else {
      inProcess = createAppServer({ db: handle.db, engine: 'pglite' });
      await new Promise<void>((r) => inProcess!.listen(0, '127.0.0.1', r));
      baseUrl = `http://127.0.0.1:${(inProcess.address() as AddressInfo).port}`;
    }
    const admin = await handle.db.selectFrom('users').select('id').where('username', '=', 'bench-admin').executeTakeFirstOrThrow();
    const adminSession = await createSession(handle.db, admin.id, { ip: '127.0.0.1', userAgent: 'bench' });
    const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${baseUrl}/trpc`, headers: { cookie: `${SESSION_COOKIE}=${adminSession.token}` } })] });

    const results: Record<string, unknown> = { engine, schools, years: years.length, measuredAt: new Date().toISOString(), node: process.version };

    log('1. comparison dashboard (one year, all schools, 10 indicators per 100 staff, YoY, score, rank)…');
    let single = 0;
    {
      const started = performance.now();
      const first = await api.dashboard.comparison.query({ year: lastClosedYear, codes: COMPARISON_CODES, perHundredStaff: true });
      single = Math.round((performance.now() - started) * 10) / 10;
      if (first.rows.length !== schools) throw new Error(`comparison returned ${first.rows.length} rows, expected ${schools}`);
    }
    const comparisonApi = await timeCalls(calls, () => api.dashboard.comparison.query({ year: lastClosedYear, codes: COMPARISON_CODES, perHundredStaff: true }));
    const comparisonFloor = scratch
      ? await withClient(scratch.url, (c) => timeCalls(calls, () => c.query(comparisonFloorSql, [lastClosedYear, COMPARISON_CODES])))
      : null;
    results.comparison = { api: comparisonApi, floor: comparisonFloor, firstCallMs: single, ratioP95: comparisonFloor ? Math.round((comparisonApi.p95 / comparisonFloor.p95) * 100) / 100 : null };
    log(`   API p50 ${comparisonApi.p50} ms, p95 ${comparisonApi.p95} ms${comparisonFloor ? `; SQL floor p50 ${comparisonFloor.p50} ms, p95 ${comparisonFloor.p95} ms` : ''}`);

    log('2. trend of one indicator over all years for all schools…');
    const trendApi = await timeCalls(calls, () => api.dashboard.trend.query({ code: 'sick_visits', perHundredStaff: false, schoolIds: city.schoolIds.slice(0, 5) }));
    const trendFloor = scratch ? await withClient(scratch.url, (c) => timeCalls(calls, () => c.query(trendFloorSql, ['sick_visits']))) : null;
    results.trend = { api: trendApi, floor: trendFloor, ratioP95: trendFloor ? Math.round((trendApi.p95 / trendFloor.p95) * 100) / 100 : null };
    log(`   API p50 ${trendApi.p50} ms, p95 ${trendApi.p95} ms${trendFloor ? `; SQL floor p50 ${trendFloor.p50} ms, p95 ${trendFloor.p95} ms` : ''}`);

    log(`3. deadline week: ${chairs} chairs saving drafts for ${seconds} s…`);
    const chairRows = await handle.db
      .selectFrom('users')
      .select(['id', 'org_unit_id'])
      .where('role', '=', 'school_chair')
      .orderBy('id')
      .limit(chairs)
      .execute();
    const sessions = [];
    for (const row of chairRows) {
      const s = await createSession(handle.db, row.id, { ip: '127.0.0.1', userAgent: 'bench' });
      sessions.push({ cookie: `${SESSION_COOKIE}=${s.token}`, schoolId: row.org_unit_id });
    }
    const week = await deadlineWeek({
      baseUrl,
      chairs: sessions,
      year: openYear,
      seconds,
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
    log(`   ${week.saves} saves, ${week.savesPerSecond}/s, p95 ${week.latency.p95} ms, conflicts ${week.conflicts}, failures ${week.failures}, lost updates ${week.lostUpdates}`);

    log('4. extractor throughput on one core…');
    const corpus = resolve(repoRoot, '../shared/corpus');
    results.extractor = extractorThroughput(corpus);
    log(`   ${(results.extractor as { mbPerSecond: number }).mbPerSecond} MB/s`);

    const outDir = join(repoRoot, 'packages/bench/results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, `results-${engine}.json`), `${JSON.stringify(results, null, 2)}\n`);
    const md = [
      `| measure (${engine}, ${schools} schools × ${years.length} years) | result | target |`,
      '|---|---|---|',
      `| comparison API p50 / p95 | ${comparisonApi.p50} / ${comparisonApi.p95} ms | p95 ≤ 1.3 × floor, single call < 100 ms |`,
      `| comparison SQL floor p50 / p95 | ${comparisonFloor ? `${comparisonFloor.p50} / ${comparisonFloor.p95} ms` : 'n/a (PGlite)'} | |`,
      `| comparison single (first) call | ${single} ms | < 100 ms |`,
      `| trend API p50 / p95 | ${trendApi.p50} / ${trendApi.p95} ms | p95 ≤ 1.3 × floor |`,
      `| trend SQL floor p50 / p95 | ${trendFloor ? `${trendFloor.p50} / ${trendFloor.p95} ms` : 'n/a (PGlite)'} | |`,
      `| deadline week saves/s, p95 | ${week.savesPerSecond}/s, ${week.latency.p95} ms | ≥ 500/s, < 100 ms |`,
      `| lost updates | ${week.lostUpdates} | 0 |`,
      `| extractor | ${(results.extractor as { mbPerSecond: number }).mbPerSecond} MB/s | ≥ 2 MB/s |`,
    ].join('\n');
    writeFileSync(join(outDir, `results-${engine}.md`), `${md}\n`);
    log(`\n${md}`);
  } finally {
    await child?.stop();
    if (inProcess) await new Promise((r) => inProcess!.close(r));
    await handle.close();
    await scratch?.drop();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error);
  process.exit(1);
});

