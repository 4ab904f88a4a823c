import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCity, generateDemoDistrict, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { defaultRubric, medianOf } from '@union/domain';
import { appRouter } from '../src/routers/index';
import { digestFigures } from '../src/notifications/schedule';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

const demo = generateDemoDistrict();
const city = generateDemoCity(20260115);

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(testEngines())('[%s] the city level: 示范市教育工会 over three districts', (engine) => {
  let t: TestDatabase;
  const as: Record<string, Caller> = {};
  const districtIds: Record<string, number> = {};

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db, { withCity: true });
    for (const username of ['city1', 'cityview1', 'admin', 'viewer', 'admin_binjiang', 'chair01']) {
      as[username] = createCaller(createDirectContext(t.db, await actorFor(t.db, username)));
    }
    for (const d of await t.db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'district').execute()) districtIds[d.code] = d.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('the city sees every district side by side; a district admin only its own', async () => {
    const cityView = await as.city1!.dashboard.districtComparison({ year: 2026 });
    expect(cityView.districts.map((d) => [d.code, d.schoolCount])).toEqual([
      ['D001', 28],
      ['D002', 6],
      ['D003', 4],
    ]);
    const own = await as.admin!.dashboard.districtComparison({ year: 2026 });
    expect(own.districts.map((d) => d.code)).toEqual(['D001']);
    // Counts stay the demo district's for its own staff, with the city seeded around it.
    expect((await as.admin!.dashboard.overview({ year: 2026 })).schoolCount).toBe(28);
    expect((await as.admin!.dashboard.overview({ year: 2025 })).schoolCount).toBe(28);
  });

  it('district figures match the approved reports: totals, medians, per 100 staff, completeness, scores, YoY', async () => {
    const result = await as.cityview1!.dashboard.districtComparison({ year: 2025 });
    const row = result.districts.find((d) => d.code === 'D002')!;
    const reports = (year: number) => city.reports.filter((r) => r.year === year && r.status === 'approved' && r.schoolCode.startsWith('B'));
    const sick = reports(2025).map((r) => r.values.sick_visits!);
    const staff = reports(2025).map((r) => r.values.staff_total!);
    const figure = row.indicators.sick_visits!;
    expect(figure.total).toBe(sick.reduce((a, b) => a + b, 0));
    expect(figure.median).toBeCloseTo(medianOf(sick)!, 6);
    expect(figure.per100).toBeCloseTo((figure.total / staff.reduce((a, b) => a + b, 0)) * 100, 6);
    const previousTotal = reports(2024).reduce((s, r) => s + r.values.sick_visits!, 0);
    expect(figure.previousTotal).toBe(previousTotal);
    expect(figure.yoy?.change).toBeCloseTo(figure.per100! - figure.previousPer100!, 6);
    // Per 100 staff applies to amounts only: the domain's rule, not a percentage or the staff total.
    expect(result.indicators.find((i) => i.code === 'sick_visits')?.perHundredStaff).toBe(true);
    expect(row.schoolCount).toBe(6);
    expect(row.handedIn).toBe(reports(2025).length);
    expect(row.completionRate).toBeCloseTo(reports(2025).length / 6, 6);
    expect(row.scores.scoredSchools).toBe(reports(2025).length);
    expect(row.scores.distribution.reduce((s, b) => s + b.count, 0)).toBe(reports(2025).length);
    expect(row.scores.stars.reduce((s, b) => s + b.count, 0)).toBe(reports(2025).length);
    const d001 = result.districts.find((d) => d.code === 'D001')!;
    expect(d001.indicators.sick_visits!.total).toBe(demo.reports.filter((r) => r.year === 2025 && r.status === 'approved').reduce((s, r) => s + r.values.sick_visits!, 0));
  });

  it('drills into one district: the same dashboards, that district only', async () => {
    const d002 = districtIds.D002!;
    const overview = await as.city1!.dashboard.overview({ year: 2026, districtId: d002 });
    expect(overview.schoolCount).toBe(6);
    const cityWide = await as.city1!.dashboard.overview({ year: 2026 });
    expect(cityWide.schoolCount).toBe(38);
    const comparison = await as.cityview1!.dashboard.comparison({ year: 2025, codes: ['sick_visits'], districtId: d002 });
    expect(comparison.schools.code.every((code: string) => code.startsWith('B'))).toBe(true);
    const heatmap = await as.cityview1!.dashboard.heatmap({ year: 2025, districtId: districtIds.D003! });
    expect(heatmap.rows.length).toBeGreaterThan(0);
    expect(heatmap.rows.every((r) => r.schoolName.startsWith('山南'))).toBe(true);
  });

  it('refuses a drill-down outside the scope, into a non-district, or by a chair, like a district that does not exist', async () => {
    expect((await errorOf(as.admin!.dashboard.overview({ year: 2026, districtId: districtIds.D002! }))).code).toBe('NOT_FOUND');
    expect((await errorOf(as.admin_binjiang!.dashboard.comparison({ year: 2025, codes: ['sick_visits'], districtId: districtIds.D001! }))).code).toBe('NOT_FOUND');
    const school = await t.db.selectFrom('org_units').select('id').where('code', '=', 'B01').executeTakeFirstOrThrow();
    expect((await errorOf(as.city1!.dashboard.overview({ year: 2026, districtId: school.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(as.chair01!.dashboard.overview({ year: 2026, districtId: districtIds.D001! }))).code).toBe('NOT_FOUND');
    // Its own district is fine for a district admin.
    expect((await as.admin!.dashboard.overview({ year: 2026, districtId: districtIds.D001! })).schoolCount).toBe(28);
    // Chairs and cluster reviewers have no district comparison.
    expect((await errorOf(as.chair01!.dashboard.districtComparison({ year: 2026 }))).code).toBe('FORBIDDEN');
  });

  it('city staff never read drafts or returned reports; handed-in ones in every district', async () => {
    const draft = demo.reports.find((r) => r.year === 2026 && r.status === 'draft')!;
    const draftSchool = await t.db.selectFrom('org_units').select('id').where('code', '=', draft.schoolCode).executeTakeFirstOrThrow();
    // As for district viewers: the school shows, its draft does not (no values, narrative, comments).
    for (const who of ['city1', 'cityview1']) {
      const seen = await as[who]!.reports.get({ schoolId: draftSchool.id, year: 2026 });
      expect(seen.report).toBeNull();
      expect(seen.comments).toEqual([]);
    }
    const b01 = await t.db.selectFrom('org_units').select('id').where('code', '=', 'B01').executeTakeFirstOrThrow();
    expect((await as.cityview1!.reports.get({ schoolId: b01.id, year: 2025 })).report?.status).toBe('approved');
    // …while the district admin still reads its own school's draft.
    expect((await as.admin!.reports.get({ schoolId: draftSchool.id, year: 2026 })).report?.status).toBe('draft');
  });

  it('city staff do not review, manage schools or import; the viewer changes nothing', async () => {
    const submitted = await t.db.selectFrom('reports').select(['id', 'version']).where('status', '=', 'submitted').executeTakeFirstOrThrow();
    for (const who of ['city1', 'cityview1']) {
      expect((await errorOf(as[who]!.review.approve({ reportId: submitted.id, version: submitted.version }))).code).toBe('FORBIDDEN');
      expect((await errorOf(as[who]!.schools.recordMerge({ predecessorId: 1, successorId: 2, year: 2025 }))).code).toBe('FORBIDDEN');
    }
    expect((await errorOf(as.cityview1!.users.list())).code).toBe('FORBIDDEN');
    expect((await errorOf(as.cityview1!.rubric.save({ year: 2025, rubric: defaultRubric }))).code).toBe('FORBIDDEN');
  });

  it('the city publishes the common rubric; a district under it uses it and cannot change it', async () => {
    const refused = await errorOf(as.admin!.rubric.save({ year: 2025, rubric: defaultRubric }));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain('市教育工会');
    const { rescored } = await as.city1!.rubric.save({ year: 2025, rubric: defaultRubric });
    expect(rescored).toBeGreaterThan(20);
    // The pages offer editing only to whoever may save: the city admin, not the district admin under it.
    expect((await as.city1!.rubric.definition({ year: 2025 })).mayEdit).toBe(true);
    expect((await as.admin!.rubric.definition({ year: 2025 })).mayEdit).toBe(false);
    expect((await as.cityview1!.rubric.definition({ year: 2025 })).mayEdit).toBe(false);
  });

  it('accounts: the city admin manages every district’s users; a district admin neither sees nor creates city accounts', async () => {
    const all = await as.city1!.users.list();
    expect(all.some((u) => u.username === 'admin_shannan')).toBe(true);
    expect(all.some((u) => u.username === 'chair01')).toBe(true);
    const binjiang = await as.admin_binjiang!.users.list();
    expect(binjiang.map((u) => u.username).sort()).toEqual(['admin_binjiang']);
    const cityUnit = await t.db.selectFrom('org_units').select('id').where('kind', '=', 'city').executeTakeFirstOrThrow();
    const asCity = await errorOf(as.admin!.users.create({ username: 'sneaky', displayName: '越权', role: 'city_admin', orgUnitId: cityUnit.id, temporaryPassword: 'Temp2026x' }));
    expect(asCity.code).toBe('BAD_REQUEST');
    // A district role on the city unit would review every district: refused even for the city admin.
    const wide = await errorOf(as.city1!.users.create({ username: 'wide', displayName: '越级', role: 'district_admin', orgUnitId: cityUnit.id, temporaryPassword: 'Temp2026x' }));
    expect(wide.code).toBe('BAD_REQUEST');
    const created = await as.city1!.users.create({ username: 'cityview2', displayName: '市工会 新同事', role: 'city_viewer', orgUnitId: cityUnit.id, temporaryPassword: 'Temp2026x' });
    expect(created.id).toBeGreaterThan(0);
  });

  it('the audit log follows the subtree: a district admin sees none of another district’s account changes', async () => {
    const entries = (await as.admin_binjiang!.audit.list({})).entries;
    expect(entries.some((e) => e.action === 'user_created')).toBe(false);
    const cityEntries = (await as.city1!.audit.list({})).entries;
    expect(cityEntries.some((e) => e.action === 'user_created')).toBe(true);
    // The common rubric's change shows to every district.
    expect(entries.some((e) => e.action === 'rubric_changed')).toBe(true);
  });

  it('the weekly digest of each staff member covers their own subtree', async () => {
    const now = new Date('2026-11-23T02:00:00Z');
    const whole = await digestFigures(t.db, now);
    expect(whole.find((y) => y.year === 2026)?.total).toBe(38);
    const binjiang = (await digestFigures(t.db, now, districtIds.D002!)).find((y) => y.year === 2026)!;
    expect(binjiang.total).toBe(6);
    expect(binjiang.handedIn).toBe(4);
    const cityUnit = await t.db.selectFrom('org_units').select('id').where('kind', '=', 'city').executeTakeFirstOrThrow();
    expect((await digestFigures(t.db, now, cityUnit.id)).find((y) => y.year === 2026)?.total).toBe(38);
  });

  it('the printed summary names the caller’s own union: the district for its staff, the city for the city', async () => {
    expect((await as.admin!.documents.districtSummaryDocx({ year: 2025 })).filename).toBe('示范区教育工会2025年度学校工会工作汇总.docx');
    expect((await as.cityview1!.documents.districtSummaryDocx({ year: 2025 })).filename).toBe('示范市教育工会2025年度学校工会工作汇总.docx');
  });
});
