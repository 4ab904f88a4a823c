import type { DeadlineWeekResult } from './measure/deadline-week';
import type { LongTextTiming } from './measure/extractor-throughput';
import type { LatencyStats } from './measure/stats';
import type { DashboardWebResult } from './measure/web-dashboard';

export const round1 = (x: number) => Math.round(x * 10) / 10;
export const round2 = (x: number) => Math.round(x * 100) / 100;

interface AgainstFloor {
  api: LatencyStats;
  floor: LatencyStats | null;
  ratioP95: number | null;
}

export interface BenchResults {
  engine: 'postgres' | 'pglite';
  schools: number;
  years: number;
  /** Server processes the load was spread over. */
  replicas: number;
  measuredAt: string;
  node: string;
  comparison?: AgainstFloor & { firstCallMs: number; afterDataChange: LatencyStats };
  trend?: AgainstFloor;
  deadlineWeek?: DeadlineWeekResult;
  extractor?: { source: string; corpusBytes: number; rounds: number; mbPerSecond: number; longText?: LongTextTiming[] };
  web?: DashboardWebResult;
}

const met = (ok: boolean) => (ok ? '✓' : '✗');
const pair = (s: LatencyStats | null) => (s ? `${s.p50} / ${s.p95} ms` : 'n/a (PGlite: no separate client)');

/** The markdown table `pnpm bench` prints and writes next to results.json. */
export function resultsTable(r: BenchResults): string {
  const servers = r.replicas > 1 ? `, ${r.replicas} server processes` : '';
  const rows: string[] = [`| measure (${r.engine}, ${r.schools} schools × ${r.years} years${servers}) | result | target | met |`, '|---|---|---|---|'];
  if (r.comparison) {
    const c = r.comparison;
    rows.push(`| 1. comparison API p50 / p95 | ${pair(c.api)} | p95 ≤ 1.3 × floor p95 | ${c.ratioP95 === null ? '–' : `${met(c.ratioP95 <= 1.3)} (${c.ratioP95}×)`} |`);
    rows.push(`| 1. comparison SQL floor p50 / p95 | ${pair(c.floor)} | | |`);
    rows.push(`| 1. comparison single call p50 (answer reused until the data changes) | ${c.api.p50} ms | < 100 ms | ${met(c.api.p50 < 100)} |`);
    rows.push(`| 1. comparison right after a data change p50 / p95 (computed afresh) | ${pair(c.afterDataChange)} | < 100 ms | ${met(c.afterDataChange.p95 < 100)} |`);
    rows.push(`| 1. comparison first call after the server starts | ${c.firstCallMs} ms | | |`);
  }
  if (r.trend) {
    const t = r.trend;
    rows.push(`| 2. trend API p50 / p95 | ${pair(t.api)} | p95 ≤ 1.3 × floor p95 | ${t.ratioP95 === null ? '–' : `${met(t.ratioP95 <= 1.3)} (${t.ratioP95}×)`} |`);
    rows.push(`| 2. trend SQL floor p50 / p95 | ${pair(t.floor)} | | |`);
  }
  if (r.deadlineWeek) {
    const { autosave, paced, saturated, clients, lostUpdates } = r.deadlineWeek;
    const offered = Math.round((paced.pacedPerChairPerSecond ?? 0) * clients);
    rows.push(`| 3. deadline week: ${clients} chairs each autosaving every 1.5 s (${Math.round(clients / 1.5)}/s offered) | ${autosave.savesPerSecond} saves/s, p50 / p95 ${autosave.latency.p50} / ${autosave.latency.p95} ms | p95 < 100 ms | ${met(autosave.latency.p95 < 100)} |`);
    rows.push(`| 3. deadline week: ${clients} chairs paced to ${offered} saves/s for ${paced.seconds} s | ${paced.savesPerSecond} saves/s | ≥ 500/s | ${met(paced.savesPerSecond >= 500)} |`);
    rows.push(`| 3. save latency at that load p50 / p95 | ${paced.latency.p50} / ${paced.latency.p95} ms | p95 < 100 ms | ${met(paced.latency.p95 < 100)} |`);
    rows.push(`| 3. ceiling: ${clients} chairs saving back to back for ${saturated.seconds} s | ${saturated.savesPerSecond} saves/s (p95 ${saturated.latency.p95} ms) | | |`);
    const phases = [autosave, paced, saturated];
    const conflicts = phases.reduce((n, p) => n + p.conflicts, 0);
    const failures = phases.reduce((n, p) => n + p.failures, 0);
    rows.push(`| 3. lost updates / conflicts / failures | ${lostUpdates} / ${conflicts} / ${failures} | 0 lost, 0 failed | ${met(lostUpdates === 0 && failures === 0)} |`);
  }
  if (r.extractor) rows.push(`| 4. extractor, one core | ${r.extractor.mbPerSecond} MB/s | ≥ 2 MB/s | ${met(r.extractor.mbPerSecond >= 2)} |`);
  for (const l of r.extractor?.longText ?? []) {
    rows.push(`| 4. extractor, one paste of ${l.chars.toLocaleString('en')} characters (${l.kind}, ${l.suggestions} suggestions) | ${l.ms} ms | < 1000 ms | ${met(l.ms < 1000)} |`);
  }
  if (r.web) {
    rows.push(`| 5. dashboard route JS (gzip) | ${r.web.dashboardRouteGzipKb} KB | ≤ 300 KB | ${met(r.web.dashboardRouteGzipKb <= 300)} |`);
    rows.push(`| 5. comparison table / first chart painted (Chromium) | ${r.web.comparisonTablePaintMs} / ${r.web.firstChartPaintMs} ms | < 1500 ms | ${met(Math.max(r.web.comparisonTablePaintMs, r.web.firstChartPaintMs) < 1500)} |`);
  }
  return rows.join('\n');
}
