// Stored XSS: markup typed into any free-text field (school names, honours,
// narratives, review comments, reminders, display names, rubric items) must be
// shown as text on every page, chart tooltips included. The hostile strings set
// window.__xss or open a dialog if they ever run.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiMutation, apiQuery, screenshotDir, useBrowserSuite } from './browser';

const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '"><svg onload=window.__xss=1>';
/** A hostile string with a readable tag, e.g. for finding it again. */
const hostile = (tag: string) => `${IMG}${tag}${SVG}`;

interface ListedSchool {
  id: number;
  code: string;
  name: string;
  schoolType: string;
  staffCount: number;
  memberCount: number;
  parentId: number | null;
  clusterName: string | null;
  active: boolean;
  reportStatus: string;
}
interface ReportView {
  report: { id: number; version: number; values: Record<string, number | null>; narrative: Record<string, string>; explanations: Record<string, string> } | null;
}

const year = 2026; // the demo's open year (deadline 2027-01-15)
const suite = useBrowserSuite();
let schools: ListedSchool[];
/** The school whose report carries hostile narrative and honours (approved, so every page shows it). */
let reportSchool: ListedSchool;
/** The school whose report was returned with hostile comments. */
let commentedSchool: ListedSchool;
const dialogs: string[] = [];

const chairOf = (school: ListedSchool) => `chair${school.code.slice(1)}`;

/** A logged-in page that records dialogs and fails on any page error (the suite checks console errors). */
async function as(user: string, path = '/'): Promise<Page> {
  const page = await suite.loggedIn(user, { path });
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return page;
}

const xssRan = (page: Page) => page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss !== undefined);

/** Opens `path`, waits for the page's main heading and its charts, and checks nothing ran. */
async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.locator('main h1, h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  const charts = page.locator('.echart');
  for (let i = 0; i < (await charts.count()); i++) await charts.nth(i).locator('canvas').first().waitFor();
  expect(await xssRan(page), `script ran on ${path}`).toBe(false);
}

/** Text of the chart tooltips showing now (ECharts puts them inside the chart's box and hides them with CSS). */
const tooltipTexts = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.echart > div')]
      .filter((d) => {
        const style = getComputedStyle(d);
        return !d.querySelector('canvas') && style.display !== 'none' && style.visibility !== 'hidden' && Number(style.opacity) > 0;
      })
      .map((d) => d.textContent ?? ''),
  );

/** Moves the mouse over a chart in a grid, collecting every tooltip text shown. */
async function hoverAcross(
  page: Page,
  chart: ReturnType<Page['locator']>,
  { columns = 6, step = 11, rows, xs }: { columns?: number; step?: number; rows?: number[]; xs?: number[] } = {},
): Promise<string[]> {
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const seen = new Set<string>();
  const ys: number[] = rows?.map((r) => box.y + box.height * r) ?? [];
  if (!rows) for (let y = box.y + 4; y < box.y + box.height - 4; y += step) ys.push(y);
  for (const y of ys) {
    for (const x of xs ?? Array.from({ length: columns }, (_, i) => (i + 0.5) / columns)) {
      await page.mouse.move(box.x + box.width * x, y);
      for (const text of await tooltipTexts(page)) if (text.trim()) seen.add(text);
    }
  }
  expect(await xssRan(page), 'script ran while hovering a chart').toBe(false);
  return [...seen];
}

describe('[chromium] stored XSS: hostile text in every free-text field stays text', () => {
  beforeAll(async () => {
    const admin = await as('admin', '/schools');
    schools = (await apiQuery<{ schools: ListedSchool[] }>(admin, 'schools.list', { year })).schools;
    const queue = await apiQuery<{ schoolId: number; reportId: number; version: number }[]>(admin, 'review.queue', { year });
    reportSchool = schools.find((s) => s.reportStatus === 'returned')!;
    commentedSchool = schools.find((s) => s.id === queue[0]!.schoolId)!;

    // School names: the first five, the two report schools too.
    const renamed = new Set([...schools.slice(0, 5), reportSchool, commentedSchool]);
    for (const school of renamed) {
      const { id, reportStatus: _status, ...rest } = school;
      await apiMutation(admin, 'schools.update', { id, school: { ...rest, name: hostile(school.code) } });
    }
    // The admin's display name (shown on comments, the audit log, the header).
    const users = await apiQuery<{ id: number; username: string; role: string; orgUnitId: number }[]>(admin, 'users.list');
    const me = users.find((u) => u.username === 'admin')!;
    await apiMutation(admin, 'users.update', { id: me.id, displayName: `${IMG}管理员`, role: me.role, orgUnitId: me.orgUnitId });
    // A rubric item name (profile gaps, print summary, rubric page).
    // The year's rubric in the v2 model (the demo's open year has on-site items, which v1 cannot hold).
    const { rubric } = await apiQuery<{ rubric: { items: { titleZh: string }[] } }>(admin, 'rubric.definition', { year });
    // Under the demo city the rubric is the city admin's.
    await apiMutation(await as('city1', '/dashboard'), 'rubric.saveDefinition', { year, definition: { ...rubric, items: rubric.items.map((item) => ({ ...item, titleZh: `${IMG}${item.titleZh}` })) } });

    // Narrative sections and honours, handed in and approved.
    const chair = await as(chairOf(reportSchool), '/home');
    const view = await apiQuery<ReportView>(chair, 'reports.get', { schoolId: reportSchool.id, year });
    const report = view.report!;
    const saved = await apiMutation<{ version: number }>(chair, 'reports.save', {
      schoolId: reportSchool.id,
      year,
      baseVersion: report.version,
      values: report.values,
      explanations: report.explanations,
      narrative: { achievements: `开展送温暖活动。${hostile('成绩')}`, shortcomings: `${hostile('不足')}`, plans: `${hostile('计划')}` },
      honours: [{ title: hostile('荣誉'), level: 'county', kind: 'collective', recipient: hostile('获奖人') }],
    });
    await apiMutation(chair, 'reports.submit', { schoolId: reportSchool.id, year, version: saved.version });
    const submitted = (await apiQuery<ReportView>(admin, 'reports.get', { schoolId: reportSchool.id, year })).report!;
    // 2026 is reviewed in two steps: the school's cluster reviewer first, then the district.
    const reviewerOf: Record<string, string> = { 城东片区: 'reviewer_east', 城西片区: 'reviewer_west', 北部学区: 'reviewer_north' };
    const reviewer = await as(reviewerOf[reportSchool.clusterName ?? '']!, '/review');
    const clusterApproved = await apiMutation<{ version: number }>(reviewer, 'review.approve', { reportId: submitted.id, version: submitted.version });
    await apiMutation(admin, 'review.approve', { reportId: submitted.id, version: clusterApproved.version });

    // Review comments (on the report and on a field) and a reminder.
    const returned = queue[0]!;
    await apiMutation(admin, 'review.return', {
      reportId: returned.reportId,
      version: returned.version,
      comment: hostile('意见'),
      fieldComments: [{ fieldPath: 'narrative.achievements', body: hostile('批注') }],
    });
    await apiMutation(admin, 'review.remind', { year, message: hostile('提醒') });
    await suite.closeContexts();
  });

  it('[chromium] the comparison (ranking, strip plot, heatmap) shows hostile school names as text, tooltips included', async () => {
    const page = await as('viewer', '/');
    await visit(page, `/dashboard/compare?year=${year}`);
    const ranking = page.locator('figure.chart-figure', { hasText: '考核得分排名' }).locator('.echart');
    // Bars start after the (truncated) names: hover across the bar area.
    const rankingTips = await hoverAcross(page, ranking, { xs: [0.45, 0.6, 0.75, 0.9, 0.97] });
    expect(rankingTips.some((t) => t.includes(IMG)), `ranking tooltips: ${rankingTips.slice(0, 3).join(' | ')}`).toBe(true);

    // Mark a hostile school in the strip plot and hover along its line.
    const strip = page.locator('figure.chart-figure', { has: page.getByLabel('标记学校') });
    await strip.getByLabel('标记学校').selectOption({ label: hostile(reportSchool.code) });
    const stripTips = await hoverAcross(page, strip.locator('.echart'), { columns: 200, rows: [0.48] });
    await page.screenshot({ path: join(screenshotDir, 'xss-compare-tooltip.png') });
    expect(stripTips.length).toBeGreaterThan(0);

    const heatmap = page.locator('figure.chart-figure', { hasText: '各校各类别得分率' }).locator('.echart');
    const heatTips = await hoverAcross(page, heatmap, { xs: [0.55, 0.75, 0.95], step: 12 });
    expect(heatTips.some((t) => t.includes(IMG))).toBe(true);

    // A ranking tooltip again, for the screenshot of a hostile name shown literally.
    await ranking.scrollIntoViewIfNeeded();
    const rankingBox = (await ranking.boundingBox())!;
    hover: for (let y = rankingBox.y + 8; y < rankingBox.y + rankingBox.height; y += 11) {
      for (const x of [0.6, 0.8, 0.97]) {
        await page.mouse.move(rankingBox.x + rankingBox.width * x, y);
        if ((await tooltipTexts(page)).some((t) => t.includes(IMG))) break hover;
      }
    }
    expect((await tooltipTexts(page)).some((t) => t.includes(IMG))).toBe(true);
    await page.waitForTimeout(500); // the tooltip's fade-in
    await page.screenshot({ path: join(screenshotDir, 'xss-ranking-tooltip.png') });
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  });

  it('[chromium] overview, trends (with hostile schools chosen), profile and print summary run nothing', async () => {
    const page = await as('admin', '/');
    await visit(page, `/dashboard?year=${year}`);
    await visit(page, `/dashboard/trends?year=${year}&code=sick_visits&schools=${reportSchool.id},${schools[0]!.id}`);
    for (const chart of await page.locator('.echart').all()) await hoverAcross(page, chart, { columns: 8, step: 40 });
    await visit(page, `/dashboard/schools/${reportSchool.id}`);
    for (const chart of await page.locator('.echart').all()) await hoverAcross(page, chart, { columns: 8, step: 30 });
    await expect.poll(() => page.getByText(IMG, { exact: false }).count()).toBeGreaterThan(0);
    await visit(page, `/dashboard/print?year=${year}`);
    for (const chart of await page.locator('.echart').all()) await hoverAcross(page, chart, { xs: [0.5, 0.93, 0.97, 0.99], step: 11 });
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  });

  it('[chromium] review, completeness, search, schools, users, rubric and audit pages run nothing', async () => {
    const page = await as('admin', '/');
    for (const path of [
      '/review',
      `/review/${year}/${reportSchool.id}`,
      `/review/${year}/${commentedSchool.id}`,
      `/review/completeness?year=${year}`,
      `/search?q=${encodeURIComponent('送温暖')}`,
      '/schools',
      '/admin/schools',
      '/admin/users',
      '/admin/rubric',
      '/admin/audit',
      `/schools/${reportSchool.id}/reports/${year}`,
    ]) {
      await visit(page, path);
    }
    await visit(page, `/search?q=${encodeURIComponent('svg')}`);
    await expect.poll(() => page.getByText('onload=window.__xss=1', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
  });

  it('[chromium] a chair sees hostile comments, reminders and names as text on the home page and the report form', async () => {
    const page = await as(chairOf(commentedSchool), '/home');
    await visit(page, '/home');
    await expect.poll(() => page.getByText(hostile('提醒')).count()).toBeGreaterThan(0);
    await visit(page, `/schools/${commentedSchool.id}/reports/${year}`);
    await expect.poll(() => page.getByText(hostile('意见')).count()).toBeGreaterThan(0);
    expect(await page.locator('img[src="x"], svg[onload]').count()).toBe(0);
    expect(await xssRan(page)).toBe(false);
  });

  it('[chromium] no dialog opened on any page', () => {
    expect(dialogs).toEqual([]);
  });
});
