import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { comparisonRows, isOpenIn } from '@union/domain';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;
const demo = generateDemoDistrict();

async function rowsOf(base64: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook.worksheets[0]!.rowCount - 1;
}

describe.each(testEngines())('[%s] school life cycle: one counting rule on every dashboard', (engine) => {
  let t: TestDatabase;
  let admin: Caller;
  let idOf: (code: string) => number;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const units = await t.db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'school').execute();
    const ids = new Map(units.map((u) => [u.code, u.id]));
    idOf = (code) => ids.get(code)!;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Every dashboard's idea of "the schools of the year" and "the scored schools of the year". */
  async function countsIn(year: number) {
    const [overview, completeness, comparison, heatmap, trend, exported, list, progress] = await Promise.all([
      admin.dashboard.overview({ year }),
      admin.review.completeness({ year }),
      admin.dashboard.comparison({ year, codes: ['sick_visits'] }).then(comparisonRows),
      admin.dashboard.heatmap({ year }),
      admin.dashboard.trend({ code: 'sick_visits' }),
      admin.excel.exportYear({ year }).then((f) => rowsOf(f.base64)),
      admin.schools.list({ year }),
      admin.dashboard.progress({ year }),
    ]);
    const scoredBefore = (await admin.dashboard.heatmap({ year: year - 1 })).rows.map((r) => r.schoolId);
    return {
      schools: [overview.schoolCount, completeness.total, comparison.rows.length, exported, list.schools.length],
      scored: [overview.scores.scoredSchools, heatmap.rows.length, comparison.rows.filter((r) => r.score !== null).length],
      sickVisitsReporting: [overview.indicators.find((i) => i.code === 'sick_visits')!.reportingSchools, trend.reportingSchools[trend.years.indexOf(year)] ?? -1],
      progress: [progress.rows.length, heatmap.rows.filter((r) => scoredBefore.includes(r.schoolId)).length],
    };
  }
  const same = (numbers: number[]) => expect(new Set(numbers).size, JSON.stringify(numbers)).toBe(1);

  it('counts the same schools in a year on every dashboard: the ones open that year', async () => {
    const schoolsCounted: number[] = [];
    for (const year of [2024, 2025, 2026]) {
      const counts = await countsIn(year);
      same(counts.schools);
      same(counts.scored);
      same(counts.sickVisitsReporting);
      same(counts.progress);
      expect(counts.schools[0]).toBe(demo.schools.filter((s) => isOpenIn(s, year)).length);
      schoolsCounted.push(counts.schools[0]!);
    }
    // 2024: 30 (S31 not yet); 2025 and 2026: 28 (S13, S14, S29 closed after 2024; S31 opened).
    expect(schoolsCounted).toEqual([30, 28, 28]);
  }, 300_000); // many dashboards × three years; slow on a busy 2-core machine, so no tight limit

  it('D2: deactivating a school closes it from now on — every dashboard drops it from the open year, none from the years it reported', async () => {
    const before2025 = await countsIn(2025);
    const before2026 = await countsIn(2026);
    // S04: approved 2025, a draft in 2026.
    const s04 = (await admin.schools.list({ includeInactive: true })).schools.find((s) => s.code === 'S04')!;
    await admin.schools.update({ id: s04.id, school: { code: 'S04', name: s04.name, schoolType: s04.schoolType, parentId: s04.parentId!, staffCount: s04.staffCount, memberCount: s04.memberCount, active: false } });
    const after = (await admin.schools.list({ includeInactive: true })).schools.find((s) => s.code === 'S04')!;
    expect([after.active, after.closedYear]).toEqual([false, 2025]);
    const after2025 = await countsIn(2025);
    const after2026 = await countsIn(2026);
    expect(after2025).toEqual(before2025);
    same(after2026.schools);
    same(after2026.scored);
    expect(after2026.schools[0]).toBe(before2026.schools[0]! - 1);
    // Reminders go only to schools still expected.
    const reminded = await admin.review.remind({ year: 2026, message: '请尽快提交年报' });
    const completeness = await admin.review.completeness({ year: 2026 });
    expect(reminded.schools).toBe(completeness.counts.not_started + completeness.counts.draft + completeness.counts.returned);
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'school_updated').where('entity_id', '=', String(s04.id)).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).toContain('"closedYear":2025');
  }, 300_000);

  it('D1: trends per 100 staff scale only counts and money, never percentages, scores or the staff total', async () => {
    for (const code of ['new_cadre_share', 'affairs_disclosure_score', 'staff_total']) {
      const raw = await admin.dashboard.trend({ code, schoolIds: [idOf('S01')] });
      const per100 = await admin.dashboard.trend({ code, perHundredStaff: true, schoolIds: [idOf('S01')] });
      expect(per100.perHundredStaff).toBe(false);
      expect(per100.median).toEqual(raw.median);
      expect(per100.schools[0]!.values).toEqual(raw.schools[0]!.values);
    }
    const per100 = await admin.dashboard.trend({ code: 'sick_visits', perHundredStaff: true, schoolIds: [idOf('S01')] });
    expect(per100.perHundredStaff).toBe(true);
    const report = demo.reports.find((r) => r.schoolCode === 'S01' && r.year === 2024)!;
    expect(per100.schools[0]!.values[per100.years.indexOf(2024)]).toBeCloseTo((report.values.sick_visits! * 100) / report.values.staff_total!, 6);
  });

  it('a merged school’s trend carries its predecessors: amounts add up, shares and scores are left out', async () => {
    const approvedValue = (code: string, year: number, indicator: string) => demo.reports.find((r) => r.schoolCode === code && r.year === year && r.status === 'approved')?.values[indicator] ?? null;
    const trend = await admin.dashboard.trend({ code: 'sick_visits', schoolIds: [idOf('S31')] });
    const line = trend.schools[0]!;
    expect(line.inheritedYears).toEqual([2022, 2023, 2024]);
    for (const year of [2022, 2023, 2024]) {
      const parts = [approvedValue('S13', year, 'sick_visits'), approvedValue('S14', year, 'sick_visits')].filter((v) => v !== null);
      expect(line.values[trend.years.indexOf(year)]).toBe(parts.reduce((a, b) => a! + b!, 0));
    }
    expect(line.values[trend.years.indexOf(2025)]).toBe(approvedValue('S31', 2025, 'sick_visits'));
    // Per 100 staff recomputed from the summed figures and staff.
    const per100 = await admin.dashboard.trend({ code: 'sick_visits', perHundredStaff: true, schoolIds: [idOf('S31')] });
    const r13 = demo.reports.find((r) => r.schoolCode === 'S13' && r.year === 2024)!.values;
    const r14 = demo.reports.find((r) => r.schoolCode === 'S14' && r.year === 2024)!.values;
    expect(per100.schools[0]!.values[per100.years.indexOf(2024)]).toBeCloseTo(((r13.sick_visits! + r14.sick_visits!) * 100) / (r13.staff_total! + r14.staff_total!), 6);
    const share = await admin.dashboard.trend({ code: 'new_cadre_share', schoolIds: [idOf('S31')] });
    expect(share.schools[0]!.inheritedYears).toEqual([]);
    expect(share.schools[0]!.values.slice(0, 3)).toEqual([null, null, null]);
    // A chair sees their own school's reports only, never a predecessor's.
    const chair = createCaller(createDirectContext(t.db, await actorFor(t.db, 'chair31')));
    const own = await chair.dashboard.trend({ code: 'sick_visits', schoolIds: [idOf('S31')] });
    expect(own.schools[0]!.values.slice(0, 3)).toEqual([null, null, null]);
  });

  it('a closed school’s chair still reads its history and is asked for nothing after closing', async () => {
    const chairActor = await actorFor(t.db, 'chair29');
    const chair = createCaller(createDirectContext(t.db, chairActor));
    const school = await chair.schools.get({ id: chairActor.schoolId! });
    expect([school.openedYear, school.closedYear]).toEqual([2022, 2024]);
    expect(school.years.map((y) => y.year)).toEqual([2024, 2023, 2022]);
    expect((await chair.reports.get({ schoolId: chairActor.schoolId!, year: 2024 })).report?.status).toBe('approved');
    const refused = await errorOf(
      chair.reports.save({ schoolId: chairActor.schoolId!, year: 2026, baseVersion: 0, values: { staff_total: 20 }, narrative: { achievements: '', shortcomings: '', plans: '' }, honours: [], explanations: {} }),
    );
    expect(refused.message).toBe('该校 2026 年度未开办或已停办，无需填报该年度年报');
  });

  it('admin sets opening and closing years with Chinese validation and audit entries', async () => {
    const cluster = await t.db.selectFrom('org_units').select('id').where('kind', '=', 'cluster').orderBy('code').executeTakeFirstOrThrow();
    const base = { code: 'N01', name: '新城小学', schoolType: 'primary' as const, parentId: cluster.id, staffCount: 40, memberCount: 38 };
    const backwards = await errorOf(admin.schools.create({ ...base, openedYear: 2026, closedYear: 2025 }));
    expect(backwards.message).toContain('停办年度');
    const { id } = await admin.schools.create({ ...base, openedYear: 2026 });
    expect((await admin.schools.list({ year: 2025 })).schools.some((s) => s.id === id)).toBe(false);
    expect((await admin.schools.list({ year: 2026 })).schools.some((s) => s.id === id)).toBe(true);
    // A closing year before a handed-in report would hide it: refused, naming the field.
    const s01 = (await admin.schools.list({})).schools.find((s) => s.code === 'S01')!;
    const early = await errorOf(admin.schools.update({ id: s01.id, school: { code: 'S01', name: s01.name, schoolType: s01.schoolType, parentId: s01.parentId!, staffCount: s01.staffCount, memberCount: s01.memberCount, closedYear: 2024 } }));
    expect(early.message).toBe('停办年度：该校已交 2026 年度年报，停办年度不能早于 2026 年');
    const created = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'school_created').where('entity_id', '=', String(id)).executeTakeFirstOrThrow();
    expect(JSON.stringify(created.details)).toContain('"openedYear":2026');
  });

  it('records a merge: closes the merged school after the year before, refuses contradictions, audits', async () => {
    const cluster = await t.db.selectFrom('org_units').select('id').where('kind', '=', 'cluster').orderBy('code').executeTakeFirstOrThrow();
    const { id: successor } = await admin.schools.create({ code: 'N02', name: '合并新校', schoolType: 'primary', parentId: cluster.id, staffCount: 90, memberCount: 85, openedYear: 2026 });
    const s24 = idOf('S24'); // a draft in 2026, approved 2025
    expect((await errorOf(admin.schools.recordMerge({ predecessorId: s24, successorId: s24, year: 2026 }))).message).toBe('并入的学校不能是它自己');
    expect((await errorOf(admin.schools.recordMerge({ predecessorId: s24, successorId: successor, year: 2025 }))).message).toBe('并入的学校在 2025 年度未开办');
    expect((await errorOf(admin.schools.recordMerge({ predecessorId: idOf('S13'), successorId: successor, year: 2026 }))).code).toBe('CONFLICT');
    await admin.schools.recordMerge({ predecessorId: s24, successorId: successor, year: 2026 });
    const merged = (await admin.schools.list({ includeInactive: true })).schools.find((s) => s.id === s24)!;
    expect([merged.closedYear, merged.active, merged.mergedInto]).toEqual([2025, false, { schoolId: successor, schoolName: '合并新校', year: 2026 }]);
    const audit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'school_merged').where('entity_id', '=', String(s24)).executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.details)).toContain('"year":2026');
    // The new school's trend carries S24's earlier years.
    const trend = await admin.dashboard.trend({ code: 'sick_visits', schoolIds: [successor] });
    expect(trend.schools[0]!.inheritedYears).toContain(2025);
  });
});
