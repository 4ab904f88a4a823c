import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_INSPECTION_YEAR, demoInspectionRubric, generateDemoDistrict, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { categoryCodes, defaultRubric, rubricV1ToV2, rubricV2Schema, scoreReport, type RubricV2Input } from '@union/domain';
import { appRouter } from '../src/routers/index';
import { refreshScores } from '../src/services/scores';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';

const createCaller = createCallerFactory(appRouter);
const demo = generateDemoDistrict();
const staffOf = (code: string) => demo.schools.find((s) => s.code === code)!.staffCount;
const figuresOf = (r: (typeof demo.reports)[number]) => ({ values: r.values, honours: r.honours, narrative: r.narrative, staffCount: r.values.staff_total ?? staffOf(r.schoolCode) });

describe.each(testEngines())('[%s] scoring through rubric v2', (engine) => {
  let t: TestDatabase;
  let schoolCodeOf: Map<number, string>;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    const units = await t.db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'school').execute();
    schoolCodeOf = new Map(units.map((u) => [u.id, u.code]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('stores the same scores as v1 for every approved demo report (default rubric read as v2)', async () => {
    const years = [...new Set(demo.reports.map((r) => r.year))];
    let checked = 0;
    for (const year of years) {
      await t.db.transaction().execute((trx) => refreshScores(trx, year));
      const stored = await t.db.selectFrom('report_scores').select(['school_id', 'total', 'stars', 'category_scores', 'item_scores']).where('year', '=', year).execute();
      const approved = demo.reports.filter((r) => r.year === year && r.status === 'approved');
      expect(stored).toHaveLength(approved.length);
      for (const row of stored) {
        const report = approved.find((r) => r.schoolCode === schoolCodeOf.get(row.school_id))!;
        const v1 = scoreReport(defaultRubric, figuresOf(report));
        expect([row.total, row.stars]).toEqual([v1.total, v1.stars]);
        // The open year's demo rubric adds 现场考评 items (demo-inspection.ts): 0 until an inspection is published.
        const onSite = year === DEMO_INSPECTION_YEAR ? demoInspectionRubric().items.filter((i) => i.kind !== 'automatic').map((i) => [i.id, 0]) : [];
        expect(row.item_scores).toEqual(Object.fromEntries([...v1.items.map((i) => [i.itemId, i.earned]), ...onSite]));
        const byCategory: Record<string, number> = {};
        for (const item of defaultRubric.items) byCategory[item.category] = Math.round(((byCategory[item.category] ?? 0) + v1.items.find((i) => i.itemId === item.id)!.earned) * 100) / 100;
        expect(row.category_scores).toEqual(year === DEMO_INSPECTION_YEAR ? { ...byCategory, site_inspection: 0 } : byCategory);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('answers the year’s rubric as v2 with its live maximum, to every role', async () => {
    for (const username of ['admin', 'viewer', 'chair01']) {
      const caller = createCaller(createDirectContext(t.db, await actorFor(t.db, username)));
      const answer = await caller.rubric.definition({ year: 2025 });
      expect(answer).toMatchObject({ isDefault: true, schemaVersion: 1, updatedAt: null, maximum: { base: 100, withBonus: 100 } });
      expect(answer.rubric).toEqual(rubricV1ToV2(defaultRubric));
      expect(answer.maximum.categories.map((c) => c.categoryId)).toEqual(categoryCodes.filter((c) => defaultRubric.items.some((i) => i.category === c)));
    }
  });

  it('scores a stored v2 rubric with the raters’ columns and the 复核', async () => {
    const rubric: RubricV2Input = {
      schemaVersion: 2,
      totalPoints: 100,
      categories: [{ id: 'democracy', titleZh: '民主管理' }, { id: 'basics', titleZh: '工会基础工作' }],
      items: [
        { kind: 'automatic', id: 'congress', category: 'democracy', titleZh: '按时召开教代会', points: 40, method: { kind: 'reach_target', indicator: 'congress_sessions', target: 1 } },
        { kind: 'manual', id: 'ledger', category: 'basics', titleZh: '台帐齐全归档', points: 60, verification: ['documents'] },
      ],
      raters: [
        { id: 'self', labelZh: '自评', weight: 40, by: 'school' },
        { id: 'inspection', labelZh: '考评', weight: 60 },
      ],
      starLevels: [{ minScore: 90, stars: 5 }, { minScore: 60, stars: 3 }],
      starReview: { fromStars: 5, byZh: '区教育工会' },
    };
    await t.db.insertInto('rubrics').values({ year: 2025, definition: JSON.stringify(rubricV2Schema.parse(rubric)), schema_version: 2, updated_at: new Date() }).execute();
    const [first, second] = await t.db.selectFrom('reports').select(['id', 'school_id']).where('year', '=', 2025).where('status', '=', 'approved').orderBy('id').limit(2).execute();
    await t.db
      .insertInto('rubric_ratings')
      .values([
        { report_id: first!.id, rater_id: 'self', ratings: JSON.stringify({ ledger: { earned: 60 } }), updated_at: new Date() },
        { report_id: first!.id, rater_id: 'inspection', ratings: JSON.stringify({ ledger: { earned: 55 } }), updated_at: new Date() },
      ])
      .execute();
    await t.db.insertInto('rubric_star_reviews').values({ report_id: first!.id, stars: 3, reviewed_at: new Date() }).execute();
    await t.db.transaction().execute((trx) => refreshScores(trx, 2025));

    const congress = (schoolId: number) => ((demo.reports.find((r) => r.year === 2025 && r.schoolCode === schoolCodeOf.get(schoolId))!.values.congress_sessions ?? 0) >= 1 ? 40 : 0);
    const stored = new Map((await t.db.selectFrom('report_scores').select(['report_id', 'total', 'stars', 'category_scores']).where('year', '=', 2025).execute()).map((r) => [r.report_id, r]));
    // First: each column has the automatic 40 (if a 教代会 was held) plus its ledger points:
    // 自评 c + 60, 考评 c + 55 → 综评 (c + 60) × 40% + (c + 55) × 60% = c + 24 + 33 = c + 57.
    const c = congress(first!.school_id);
    expect(c).toBe(40); // the demo's approved reports held their 教代会
    expect(stored.get(first!.id)).toMatchObject({ total: 97, stars: 3, category_scores: { democracy: 40, basics: 57 } });
    // Second: nobody rated the ledger yet → only the automatic item: c × 40% + c × 60% = c.
    expect(stored.get(second!.id)).toMatchObject({ total: congress(second!.school_id) });
  });

  it('lets the chair fill 自评 and the admin 考评 (rescoring an approved report), refusing the other column and bad ratings in Chinese', async () => {
    // The year 2025 now has the v2 rubric of the previous test.
    const [report, other] = await t.db.selectFrom('reports').select(['id', 'school_id']).where('year', '=', 2025).where('status', '=', 'approved').orderBy('id').limit(2).execute();
    const chairOf = async (schoolId: number) => {
      const user = await t.db.selectFrom('users').select('username').where('org_unit_id', '=', schoolId).where('role', '=', 'school_chair').executeTakeFirstOrThrow();
      return createCaller(createDirectContext(t.db, await actorFor(t.db, user.username)));
    };
    const chair = await chairOf(report!.school_id);
    const otherChair = await chairOf(other!.school_id);
    const admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const viewer = createCaller(createDirectContext(t.db, await actorFor(t.db, 'viewer')));

    await expect(chair.rubric.rate({ reportId: report!.id, raterId: 'self', ratings: { ledger: { earned: 50 } } })).resolves.toEqual({ rescored: true });
    await expect(admin.rubric.rate({ reportId: report!.id, raterId: 'inspection', ratings: { ledger: { earned: 30, noteZh: '台帐未归档' } } })).resolves.toEqual({ rescored: true });
    // 自评 40 + 50 = 90, 考评 40 + 30 = 70 → 90 × 40% + 70 × 60% = 36 + 42 = 78 (三星, no 复核 needed below 五星).
    const score = await t.db.selectFrom('report_scores').select(['total', 'stars']).where('report_id', '=', report!.id).executeTakeFirstOrThrow();
    expect(score).toEqual({ total: 78, stars: 3 });
    expect(await viewer.rubric.ratings({ reportId: report!.id })).toEqual({
      year: 2025,
      ratings: { self: { ledger: { earned: 50 } }, inspection: { ledger: { earned: 30, noteZh: '台帐未归档' } } },
      review: { stars: 3 },
    });

    const refused = async (call: Promise<unknown>) => call.then(() => 'accepted', (e: { code: string; message: string }) => `${e.code} ${e.message}`);
    expect(await refused(chair.rubric.rate({ reportId: report!.id, raterId: 'inspection', ratings: {} }))).toBe('FORBIDDEN 考评由区教育工会管理员填写');
    expect(await refused(admin.rubric.rate({ reportId: report!.id, raterId: 'self', ratings: {} }))).toBe('FORBIDDEN 自评由学校工会主席填写');
    expect(await refused(viewer.rubric.rate({ reportId: report!.id, raterId: 'inspection', ratings: {} }))).toBe('FORBIDDEN 考评由区教育工会管理员填写');
    expect(await refused(otherChair.rubric.rate({ reportId: report!.id, raterId: 'self', ratings: {} }))).toBe('NOT_FOUND 找不到该年报');
    expect(await refused(admin.rubric.rate({ reportId: report!.id, raterId: 'inspection', ratings: { ledger: { earned: 70 } } }))).toContain('考评：“台帐齐全归档”的得分应在 0 至 60 分之间');
    expect(await refused(admin.rubric.rate({ reportId: report!.id, raterId: 'inspection', ratings: { congress: { earned: 40 } } }))).toContain('“按时召开教代会”按年报数据自动计分，不能手工评分');
    expect(await refused(admin.rubric.rate({ reportId: report!.id, raterId: 'peer', ratings: {} }))).toContain('2025 年度评估表中没有评分人 peer');
    expect(await refused(admin.rubric.rate({ reportId: report!.id, raterId: 'inspection', ratings: { ledger: { earned: -1 } } }))).toContain('得分不能为负');
    // Nothing changed by the refused calls.
    expect(await t.db.selectFrom('report_scores').select(['total', 'stars']).where('report_id', '=', report!.id).executeTakeFirstOrThrow()).toEqual({ total: 78, stars: 3 });
    const audit = await t.db.selectFrom('audit_log').select(['username', 'details']).where('action', '=', 'rubric_rated').orderBy('id').execute();
    expect(audit.map((a) => a.username)).toEqual([expect.stringMatching(/^chair/), 'admin']);
  });
});
