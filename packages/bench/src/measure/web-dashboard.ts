// The comparison dashboard as a browser sees it: how much JavaScript the
// route loads (gzip) and how long until the comparison table and the first
// chart are on screen, in Debian's Chromium driven by playwright-core (never a
// downloaded browser). A measure, not a test: it reports, it does not judge.
import { gzipSync } from 'node:zlib';
import { chromium, type Page, type Response } from 'playwright-core';

export interface DashboardWebOptions {
  /** The server serving the built web app, e.g. http://127.0.0.1:3000 (no trailing slash needed). */
  baseUrl: string;
  /** "name=value" of a district admin's session cookie. */
  cookie: string;
  year: number;
  /** Schools the comparison answers for the year (all of them must be loaded before the table counts as shown). */
  expectedRows: number;
  chromiumPath?: string;
  /** Indicator codes to compare (the page's `codes` parameter); the page's default selection when omitted. */
  codes?: readonly string[];
  /** Timed navigations (median reported); 3 unless told. */
  runs?: number;
}

export interface DashboardWebResult {
  /** Sum of the gzip sizes of every JS file the route loaded. */
  dashboardRouteGzipKb: number;
  files: { file: string; gzipKb: number }[];
  /** Median of the page's performance.now() (ms since navigation start) when the table's rows had been painted. */
  comparisonTablePaintMs: number;
  /** Median of the page's performance.now() when the first ECharts canvas had drawn. */
  firstChartPaintMs: number;
  /** Every timed run, for the record. */
  runs: { comparisonTablePaintMs: number; firstChartPaintMs: number }[];
}

const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const round1 = (x: number) => Math.round(x * 10) / 10;
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

interface PaintMarks {
  table?: number;
  chart?: number;
}

/**
 * Installed in the page before its own scripts: every animation frame it
 * checks whether (i) the comparison table shows rows and says all
 * `expectedRows` schools are loaded, and (ii) an ECharts canvas has drawn.
 * The first frame where a condition holds is followed by a task (setTimeout 0
 * from the frame callback runs after that frame's style, layout and paint),
 * and that task's performance.now() is the mark (window.__dashboardPaint).
 *
 * Plain JavaScript in a string: a function passed to the page would be
 * serialised after tsx's transform, which adds helpers the page lacks.
 */
const paintProbe = (expectedRows: number) => `(() => {
  if (window !== window.top) return;
  const expectedRows = ${JSON.stringify(expectedRows)};
  const marks = {};
  const pending = new Set();
  window.__dashboardPaint = marks;
  const mark = (key) => {
    if (pending.has(key)) return;
    pending.add(key);
    setTimeout(() => { marks[key] = performance.now(); }, 0);
  };

  // The table says how many schools it holds (data-total-rows: it may render
  // only the first of them and the rest on demand); without it, every row must be there.
  const tableShown = () => {
    const table = document.querySelector('table.compare-table');
    const body = table && table.tBodies[0];
    if (!body || body.rows.length === 0) return false;
    const total = table.dataset.totalRows;
    return total !== undefined ? Number(total) === expectedRows : body.rows.length >= expectedRows;
  };

  // A canvas with something drawn on it: the chart marks itself
  // (data-drawn), else any non-transparent pixel in a downscaled copy.
  const probe = document.createElement('canvas');
  probe.width = 8;
  probe.height = 8;
  const probeContext = probe.getContext('2d', { willReadFrequently: true });
  const chartDrawn = () => {
    for (const box of document.querySelectorAll('.echart')) {
      const canvas = box.querySelector('canvas');
      if (!canvas || canvas.width === 0 || canvas.height === 0 || canvas.clientWidth === 0 || canvas.clientHeight === 0) continue;
      if (box.dataset.drawn === 'true') return true;
      if (!probeContext) continue;
      probeContext.clearRect(0, 0, 8, 8);
      probeContext.drawImage(canvas, 0, 0, 8, 8);
      const pixels = probeContext.getImageData(0, 0, 8, 8).data;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) return true;
    }
    return false;
  };

  const frame = () => {
    if (!pending.has('table') && tableShown()) mark('table');
    if (!pending.has('chart') && chartDrawn()) mark('chart');
    if (!pending.has('table') || !pending.has('chart')) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})();`;

async function waitForMarks(page: Page, timeout: number): Promise<Required<PaintMarks>> {
  const handle = await page.waitForFunction('(() => { const m = window.__dashboardPaint; return m && m.table !== undefined && m.chart !== undefined ? m : null; })()', null, { timeout, polling: 100 });
  return (await handle.jsonValue()) as Required<PaintMarks>;
}

export async function measureDashboardWeb(options: DashboardWebOptions): Promise<DashboardWebResult> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const eq = options.cookie.indexOf('=');
  if (eq <= 0) throw new Error('cookie must be "name=value"');
  const query = new URLSearchParams({ year: String(options.year) });
  if (options.codes?.length) query.set('codes', options.codes.join(','));
  const url = `${baseUrl}/dashboard/compare?${query.toString()}`;
  const timeout = 120_000;

  const browser = await chromium.launch({
    executablePath: options.chromiumPath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await context.addCookies([{ name: options.cookie.slice(0, eq), value: options.cookie.slice(eq + 1), url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
    await context.addInitScript({ content: paintProbe(options.expectedRows) });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // Every JS file the route loads, sized by gzipping the body itself (the
    // server may send it compressed or not; content-length says nothing).
    const scripts = new Map<string, number>();
    const bodies: Promise<void>[] = [];
    const onResponse = (res: Response) => {
      const path = new URL(res.url()).pathname;
      const isScript = res.request().resourceType() === 'script' || path.endsWith('.js');
      if (!isScript || !res.ok() || scripts.has(path)) return;
      scripts.set(path, 0);
      bodies.push(
        res.body().then(
          (body) => void scripts.set(path, gzipSync(body, { level: 9 }).length),
          () => void scripts.delete(path),
        ),
      );
    };
    page.on('response', onResponse);

    // Untimed first visit: fills the HTTP cache (assets are immutable) and
    // records the JS; waits until the page is quiet so late chunks count too.
    const response = await page.goto(url, { waitUntil: 'commit', timeout });
    if (!response?.ok()) throw new Error(`${url} answered HTTP ${response?.status()}`);
    await waitForMarks(page, timeout).catch((e: unknown) => {
      throw new Error(`the comparison page did not show its table and a chart for ${options.expectedRows} schools (${page.url()}): ${e instanceof Error ? e.message : String(e)}${pageErrors.length ? `; page errors: ${pageErrors.join(' | ')}` : ''}`);
    });
    if (new URL(page.url()).pathname !== '/dashboard/compare') throw new Error(`ended on ${page.url()} instead of the comparison (is the session cookie a district admin's?)`);
    await page.waitForLoadState('networkidle', { timeout }).catch(() => undefined);
    await Promise.all(bodies);
    page.off('response', onResponse);

    const runs: DashboardWebResult['runs'] = [];
    for (let i = 0; i < (options.runs ?? 3); i++) {
      await page.goto(url, { waitUntil: 'commit', timeout });
      const marks = await waitForMarks(page, timeout);
      runs.push({ comparisonTablePaintMs: round1(marks.table), firstChartPaintMs: round1(marks.chart) });
      // Let the page settle (heatmap, late requests) before the next navigation.
      await page.waitForLoadState('networkidle', { timeout }).catch(() => undefined);
    }
    await context.close();

    const files = [...scripts]
      .map(([file, bytes]) => ({ file: file.replace(/^\/assets\//, ''), gzipKb: round1(bytes / 1024) }))
      .sort((a, b) => b.gzipKb - a.gzipKb);
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    return {
      dashboardRouteGzipKb: round1(total / 1024),
      files,
      comparisonTablePaintMs: round1(median(runs.map((r) => r.comparisonTablePaintMs))),
      firstChartPaintMs: round1(median(runs.map((r) => r.firstChartPaintMs))),
      runs,
    };
  } finally {
    await browser.close();
  }
}
