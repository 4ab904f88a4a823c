import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { comparisonRows, defaultRubric, medianOf, scoreReport } from '@union/domain';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';

const createCaller = createCallerFactory(appRouter);

/** Expected figures computed from the generator's data, independently of the SQL. */
const demo = generateDemoDistrict();
const approved = (year: number) => demo.reports.filter((r) => r.year === year && r.status === 'approved');
const staffOf = (code: string) => demo.schools.find((s) => s.code === code)!.staffCount;
const expectedScore = (r: (typeof demo.reports)[number]) =>
  scoreReport(defaultRubric, { values: r.values, honours: r.honours, narrative: r.narrative, staffCount: r.values.staff_total ?? staffOf(r.schoolCode) }).total;

describe.each(testEngines())('[%s] dashboards on the demo district', (engine) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof createCaller>;
  let chair: ReturnType<typeof createCaller>;
  let chairSchoolId: number;
  let codeOfSchool: Map<number, string>;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const chairActor = await actorFor(t.db, 'chair01');
    chairSchoolId = chairActor.schoolId!;
    chair = createCaller(createDirectContext(t.db, chairActor));
    const units = await t.db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'school').execute();
    codeOfSchool = new Map(units.map((u) => [u.id, u.code]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('totals and medians of key indicators match the approved reports exactly', async () => {
    const overview = await admin.dashboard.overview({ year: 2025 });
    const reports = approved(2025);
    for (const code of ['sick_visits', 'hardship_aid_amount', 'congress_sessions']) {
      const values = reports.map((r) => r.values[code]).filter((v): v is number => v !== undefined);
      const row = overview.indicators.find((i) => i.code === code)!;
      expect(row.total).toBeCloseTo(values.reduce((a, b) => a + b, 0), 6);
      expect(row.median).toBeCloseTo(medianOf(values)!, 6);
      expect(row.reportingSchools).toBe(values.length);
    }
    const collected = reports.reduce((s, r) => s + (r.values.proposals_collected ?? 0), 0);
    const resolved = reports.reduce((s, r) => s + (r.values.proposals_resolved ?? 0), 0);
    expect(overview.proposalResolutionRate).toBeCloseTo(resolved / collected, 10);
    expect(overview.scores.scoredSchools).toBe(reports.length);
    expect(overview.scores.median).toBeCloseTo(medianOf(reports.map(expectedScore))!, 6);
  });

  it('compares schools with per-100-staff values, YoY, percentiles, score and rank', async () => {
    const result = comparisonRows(await admin.dashboard.comparison({ year: 2025, codes: ['sick_visits', 'hardship_aid_amount'], perHundredStaff: true }));
    // 2025: 31 demo schools less S13, S14 and S29 (closed after 2024).
    expect(result.rows).toHaveLength(28);
    const rowFor = (code: string) => result.rows.find((r) => codeOfSchool.get(r.schoolId) === code)!;
    const report = approved(2025)[0]!;
    const previous = demo.reports.find((r) => r.schoolCode === report.schoolCode && r.year === 2024 && r.status === 'approved');
    const row = rowFor(report.schoolCode);
    const staff = report.values.staff_total!;
    expect(row.cells.sick_visits!.value).toBe(report.values.sick_visits);
    expect(row.cells.sick_visits!.shown).toBeCloseTo((report.values.sick_visits! / staff) * 100, 2);
    if (previous) {
      const before = (previous.values.sick_visits! / previous.values.staff_total!) * 100;
      expect(row.cells.sick_visits!.yoy!.change).toBeCloseTo(row.cells.sick_visits!.shown! - before, 2);
    }
    expect(row.score).toBeCloseTo(expectedScore(report), 6);
    const best = [...result.rows].filter((r) => r.score !== null).sort((a, b) => b.score! - a.score!)[0]!;
    expect(best.rank).toBe(1);
    const withValue = result.rows.filter((r) => r.cells.hardship_aid_amount!.shown !== null);
    const top = withValue.reduce((a, b) => (b.cells.hardship_aid_amount!.shown! > a.cells.hardship_aid_amount!.shown! ? b : a));
    expect(top.cells.hardship_aid_amount!.percentile).toBe(100);
    expect(withValue.every((r) => r.cells.hardship_aid_amount!.percentile! >= 0 && r.cells.hardship_aid_amount!.percentile! <= 100)).toBe(true);
    // Missing submissions stay missing, never zero.
    const missing = demo.schools.find((s) => !demo.reports.some((r) => r.schoolCode === s.code && r.year === 2025 && r.status === 'approved'))!;
    expect(rowFor(missing.code).cells.sick_visits!.value).toBeNull();
  });

  it('filters like with like: school type and size band', async () => {
    const result = comparisonRows(await admin.dashboard.comparison({ year: 2025, codes: ['sick_visits'], perHundredStaff: false, schoolType: 'kindergarten', sizeBand: 'small' }));
    expect(result.rows.length).toBeGreaterThan(0);
    expect(result.rows.every((r) => r.schoolType === 'kindergarten' && r.sizeBand === 'small')).toBe(true);
  });

  it('ranks progress by score change and builds a school profile with gaps', async () => {
    const progress = await admin.dashboard.progress({ year: 2025 });
    const changes = progress.rows.map((r) => r.change);
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    const profile = await admin.dashboard.schoolProfile({ schoolId: chairSchoolId });
    expect(profile.history.length).toBeGreaterThanOrEqual(4);
    expect(profile.categories.length).toBeGreaterThan(5);
    for (const gap of profile.gaps) expect(gap.adviceZh).toMatch(/可得 \+[\d.]+ 分$/);
    const totalLost = profile.gaps.reduce((s, g) => s + g.lost, 0);
    const latest = profile.history.find((h) => h.year === profile.latestYear)!;
    expect(latest.score! + totalLost).toBeCloseTo(100, 6);
  });

  it('shows the district median trend and chosen schools', async () => {
    const trend = await admin.dashboard.trend({ code: 'sick_visits', schoolIds: [chairSchoolId] });
    expect(trend.years).toEqual([2022, 2023, 2024, 2025, 2026]);
    const expected2024 = medianOf(approved(2024).map((r) => r.values.sick_visits ?? null));
    expect(trend.median[2]).toBeCloseTo(expected2024!, 6);
    expect(trend.schools[0]!.values).toHaveLength(5);
  });

  it('an approved report appears on the dashboards at once', async () => {
    // 2026 is reviewed in two steps: the admin's own step is accepting (or a school without a cluster).
    const mine = (await admin.review.queue({ year: 2026 })).filter((q) => q.mine);
    const before = await admin.dashboard.overview({ year: 2026 });
    await admin.review.approve({ reportId: mine[0]!.reportId, version: mine[0]!.version });
    const after = await admin.dashboard.overview({ year: 2026 });
    expect(after.scores.scoredSchools).toBe(before.scores.scoredSchools + 1);
    expect(after.statusCounts.approved).toBe(before.statusCounts.approved + 1);
  });

  it('compares a school’s figures from its approval until it is reopened', async () => {
    const { reportId, version, schoolId } = (await admin.review.queue({ year: 2026 })).filter((q) => q.mine)[0]!;
    const stored = await admin.reports.get({ schoolId, year: 2026 });
    const cellOf = async () => {
      const view = comparisonRows(await admin.dashboard.comparison({ year: 2026, codes: ['holiday_visits'], perHundredStaff: false }));
      return view.rows.find((r) => r.schoolId === schoolId)!;
    };
    expect((await cellOf()).cells.holiday_visits!.value).toBeNull();
    const approved = await admin.review.approve({ reportId, version });
    const shown = await cellOf();
    expect(shown.cells.holiday_visits!.value).toBe(stored.report!.values.holiday_visits ?? null);
    expect(shown.score).not.toBeNull();
    await admin.review.reopen({ reportId, version: approved.version, comment: '数据需要更正' });
    const reopened = await cellOf();
    expect(reopened.cells.holiday_visits!.value).toBeNull();
    expect(reopened.score).toBeNull();
  });

  it('answers repeated comparisons from its cache only until the data changes', async () => {
    const ask = async () => comparisonRows(await admin.dashboard.comparison({ year: 2025, codes: ['sick_visits'], perHundredStaff: false }));
    const first = await ask();
    expect(await ask()).toEqual(first);
    const school = first.rows[0]!;
    await t.db.updateTable('org_units').set({ name: `${school.schoolName}（更名）` }).where('id', '=', school.schoolId).execute();
    const renamed = (await ask()).rows.find((r) => r.schoolId === school.schoolId)!;
    expect(renamed.schoolName).toBe(`${school.schoolName}（更名）`);
    await t.db.updateTable('org_units').set({ name: school.schoolName }).where('id', '=', school.schoolId).execute();
    expect((await ask()).rows.find((r) => r.schoolId === school.schoolId)!.schoolName).toBe(school.schoolName);
  });

  it('gives a chair district aggregates and their own rank, but no other school’s figures', async () => {
    const overview = await chair.dashboard.overview({ year: 2025 });
    expect(overview.scores.scoredSchools).toBe(approved(2025).length);
    expect(overview.own?.rank).toBeGreaterThanOrEqual(1);
    const comparison = await chair.dashboard.comparison({ year: 2025, codes: ['sick_visits'] }).catch((e: unknown) => e);
    expect((comparison as TRPCError).code).toBe('FORBIDDEN');
    const other = [...codeOfSchool.keys()].find((id) => id !== chairSchoolId)!;
    expect(((await chair.dashboard.schoolProfile({ schoolId: other }).catch((e: unknown) => e)) as TRPCError).code).toBe('NOT_FOUND');
    const trend = await chair.dashboard.trend({ code: 'sick_visits', schoolIds: [other, chairSchoolId] });
    expect(trend.schools.map((s) => s.schoolId)).toEqual([chairSchoolId]);
    const own = await chair.dashboard.schoolProfile({ schoolId: chairSchoolId });
    // Ranks are among all the district's scored schools, not just the chair's own.
    expect(own.history.filter((h) => h.year < 2026).every((h) => h.of >= 25)).toBe(true);
  });

  it('lets chairs compare once the admin publishes the year', async () => {
    await admin.years.update({ year: 2025, deadline: '2026-01-15', isOpen: false, publishedToChairs: true });
    const comparison = await chair.dashboard.comparison({ year: 2025, codes: ['sick_visits'] });
    expect(comparison.schools.id).toHaveLength(28);
  });

  it('exports the comparison table and a school profile as .xlsx', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const read = async (base64: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
      return workbook;
    };
    const table = await admin.excel.exportComparison({ year: 2025, codes: ['sick_visits'], perHundredStaff: true });
    const sheet = (await read(table.base64)).worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 7)).toEqual(['排名', '学校名称', '片区', '学校类型', '规模', '考核得分']);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.rowCount).toBe(29);
    const profile = await chair.excel.exportSchoolProfile({ schoolId: chairSchoolId });
    const names = (await read(profile.base64)).worksheets.map((w) => w.name);
    expect(names).toEqual(['历年得分', '分类得分', '查漏补缺']);
  });

  it('rescoring after a rubric change updates every approved report of the year', async () => {
    const heavy = { ...defaultRubric, items: defaultRubric.items.map((i) => (i.id === 'congress' ? { ...i, points: i.points + 3 } : i.id === 'checkups' ? { ...i, points: i.points - 3 } : i)) };
    const { rescored } = await admin.rubric.save({ year: 2025, rubric: heavy });
    expect(rescored).toBe(approved(2025).length);
    const bad = (await admin.rubric.save({ year: 2025, rubric: { ...heavy, items: heavy.items.slice(1) } }).catch((e: unknown) => e)) as TRPCError;
    expect(bad.code).toBe('BAD_REQUEST');
    expect(bad.message).toContain('应为 100 分');
  });
});
