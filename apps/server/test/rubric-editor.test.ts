import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { rubricV2Templates, type RaterItemInput, type RubricV2 } from '@union/domain';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { docxText } from './document-readers';

const createCaller = createCallerFactory(appRouter);
const kunshan = rubricV2Templates().find((t) => t.id === 'kunshan')!.rubric;
const YEAR = 2025;

/** One rater's column with full marks (manual at their points, no deductions, no bonus), then the overrides. */
function fullMarks(rubric: RubricV2, overrides: Record<string, RaterItemInput> = {}): Record<string, RaterItemInput> {
  const column: Record<string, RaterItemInput> = {};
  for (const item of rubric.items) {
    if (item.kind === 'manual') column[item.id] = { earned: item.points };
    if (item.kind === 'deduction') column[item.id] = { occurrences: 0 };
  }
  return { ...column, ...overrides };
}

type Refusal = { code: string; message: string; cause?: { fieldErrors?: { path: string; message: string }[] } };
const refusal = (call: Promise<unknown>) => call.then(() => null, (e: Refusal) => ({ code: e.code, fields: e.cause?.fieldErrors ?? [] }));

describe.each(testEngines())('[%s] rubric v2 editor: saveDefinition, templates, self gaps', (engine) => {
  let t: TestDatabase;
  const as = async (username: string) => createCaller(createDirectContext(t.db, await actorFor(t.db, username)));
  let approved: { id: number; school_id: number }[];

  const chairOf = async (schoolId: number) => {
    const user = await t.db.selectFrom('users').select('username').where('org_unit_id', '=', schoolId).where('role', '=', 'school_chair').orderBy('id').executeTakeFirstOrThrow();
    return as(user.username);
  };
  const snapshot = async () => ({
    rubrics: await t.db.selectFrom('rubrics').selectAll().orderBy('year').execute(),
    scores: await t.db.selectFrom('report_scores').select(['report_id', 'total', 'stars']).where('year', '=', YEAR).orderBy('report_id').execute(),
  });

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    approved = await t.db.selectFrom('reports').select(['id', 'school_id']).where('year', '=', YEAR).where('status', '=', 'approved').orderBy('id').execute();
    // Score the demo's approved reports first, so "rescored" below is the editor's doing.
    await (await as('admin')).dashboard.overview({ year: YEAR });
  });
  afterAll(async () => {
    await t.close();
  });

  it('offers the year’s rubric in use and the templates to start from (admin only)', async () => {
    const templates = await (await as('admin')).rubric.templates({ year: YEAR });
    expect(templates.map((x) => x.id)).toEqual(['current', 'kunshan', 'hunan', 'university', 'default']);
    expect(templates[0]).toMatchObject({ nameZh: `${YEAR} 年度现用评估表（默认）` });
    expect(templates[1]!.rubric).toEqual(kunshan);
    for (const who of ['viewer', 'chair01', 'reviewer_east']) {
      expect(await refusal((await as(who)).rubric.templates({ year: YEAR }))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('refuses a definition with wrong parts, naming each place in Chinese, and changes nothing', async () => {
    const admin = await as('admin');
    const before = await snapshot();
    const bad = structuredClone(kunshan);
    (bad.items[1] as { points: number }).points = -1; // 台帐齐全归档, 2nd item of 工会基础工作
    bad.raters[1]!.weight = 90;
    const checkups = bad.items.findIndex((i) => i.id === 'checkups');
    const wrongIndicator = structuredClone(kunshan);
    (wrongIndicator.items[checkups] as { method: { indicator: string } }).method.indicator = 'no_such_indicator';

    expect(await refusal(admin.rubric.saveDefinition({ year: YEAR, definition: bad }))).toEqual({
      code: 'BAD_REQUEST',
      fields: [
        { path: 'definition.items.1.points', message: '第 1 类第 2 项：评分项“台帐齐全归档”的分值不能为负' },
        { path: 'definition.raters', message: '评分人：各评分人权重合计为 90%，应为 100%' },
      ],
    });
    expect(await refusal(admin.rubric.saveDefinition({ year: YEAR, definition: wrongIndicator }))).toMatchObject({
      code: 'BAD_REQUEST',
      fields: [{ path: `definition.items.${checkups}.method`, message: `第 4 类第 2 项：评分项“组织教工健康体检”引用的指标 no_such_indicator 不在 ${YEAR} 年度指标中` }],
    });
    // Types and bounds are the input's: a message naming the place too.
    const refused = await refusal(admin.rubric.saveDefinition({ year: YEAR, definition: { ...kunshan, raters: [{ ...kunshan.raters[0]!, labelZh: '' }, kunshan.raters[1]!] } }));
    expect(refused?.code).toBe('BAD_REQUEST');
    expect(await refusal(admin.rubric.saveDefinition({ year: 2031, definition: kunshan }))).toMatchObject({ code: 'NOT_FOUND' });
    for (const who of ['viewer', 'chair01', 'reviewer_east']) {
      expect(await refusal((await as(who)).rubric.saveDefinition({ year: YEAR, definition: kunshan }))).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await snapshot()).toEqual(before);
    expect(await t.db.selectFrom('audit_log').select('id').where('action', '=', 'rubric_changed').execute()).toEqual([]);
  });

  it('saves a valid definition as schema version 2, rescores the year and records it', async () => {
    const admin = await as('admin');
    expect(await admin.rubric.saveDefinition({ year: YEAR, definition: kunshan })).toEqual({ rescored: approved.length });
    const row = await t.db.selectFrom('rubrics').select(['schema_version', 'definition', 'updated_by']).where('year', '=', YEAR).executeTakeFirstOrThrow();
    expect(row.schema_version).toBe(2);
    expect(row.definition).toEqual(kunshan);
    const answer = await admin.rubric.definition({ year: YEAR });
    expect(answer).toMatchObject({ schemaVersion: 2, isDefault: false, maximum: { base: 100, withBonus: null } });
    // Nobody has rated yet: each 考评 holds only the automatic 体检 item (at most 4 points).
    const scores = await t.db.selectFrom('report_scores').select(['total']).where('year', '=', YEAR).execute();
    expect(scores).toHaveLength(approved.length);
    for (const s of scores) expect(s.total).toBeLessThanOrEqual(4);
    const audit = await t.db.selectFrom('audit_log').select(['username', 'entity_id', 'details']).where('action', '=', 'rubric_changed').execute();
    expect(audit).toEqual([{ username: 'admin', entity_id: String(YEAR), details: expect.objectContaining({ schemaVersion: 2, items: kunshan.items.length, rescored: approved.length }) }]);
    // The v1 views answer in Chinese instead of failing; the dashboards read the year's own categories.
    expect(await refusal(admin.rubric.get({ year: YEAR }))).toMatchObject({ code: 'BAD_REQUEST' });
    const heatmap = await admin.dashboard.heatmap({ year: YEAR });
    expect(heatmap.scoreKind).toBe('combined');
    expect(heatmap.categories.map((c) => [c.code, c.titleZh, c.maxPoints])).toEqual([
      ['basics', '工会基础工作', 20],
      ['organisation', '组宣', 15],
      ['democracy', '民主管理', 15],
      ['care', '维权关爱', 15],
      ['culture', '文体与师德', 15],
      ['funds', '经费管理', 10],
      ['features', '工作特色', 10],
    ]);
    expect((await admin.dashboard.heatmap({ year: YEAR - 1 })).scoreKind).toBe('automatic');
  });

  it('lists schools by 自评 − 考评, largest over-rating first, each chair seeing only their own', async () => {
    const admin = await as('admin');
    const [a, b, c] = approved;
    // A: 自评 full marks; 考评 finds 台帐 3 of 5 and 2 missed trainings → A over-rates by 4.
    await (await chairOf(a!.school_id)).rubric.rate({ reportId: a!.id, raterId: 'self', ratings: fullMarks(kunshan) });
    await admin.rubric.rate({ reportId: a!.id, raterId: 'inspection', ratings: fullMarks(kunshan, { ledger: { earned: 3 }, training: { occurrences: 2 } }) });
    // B: modest — 自评 gives 工作创新 6 of 10, 考评 full marks → −4.
    await (await chairOf(b!.school_id)).rubric.rate({ reportId: b!.id, raterId: 'self', ratings: fullMarks(kunshan, { innovation: { earned: 6 } }) });
    await admin.rubric.rate({ reportId: b!.id, raterId: 'inspection', ratings: fullMarks(kunshan) });
    // C: only inspected, no 自评 → not listed.
    await admin.rubric.rate({ reportId: c!.id, raterId: 'inspection', ratings: fullMarks(kunshan) });

    const gaps = await admin.dashboard.selfGaps({ year: YEAR });
    expect(gaps).toMatchObject({ applicable: true, selfLabelZh: '自评', inspectedLabelZh: '考评', summary: { rated: 2, overRating: 1, underRating: 1, medianGap: 0 } });
    expect(gaps.rows.map((r) => [r.reportId, r.gap, r.selfTotal - r.inspectedTotal])).toEqual([
      [a!.id, 4, 4],
      [b!.id, -4, -4],
    ]);
    expect(gaps.rows[0]!.overRated.map((i) => [i.itemId, i.self, i.inspected, i.gap])).toEqual([
      ['ledger', 5, 3, 2],
      ['training', 4, 2, 2],
    ]);
    // 考评 weighs 100 %: the 综评分 is the inspected total, and it is what the dashboards store.
    const stored = await t.db.selectFrom('report_scores').select('total').where('report_id', '=', a!.id).executeTakeFirstOrThrow();
    expect(gaps.rows[0]!.combined).toBe(gaps.rows[0]!.inspectedTotal);
    expect(stored.total).toBe(gaps.rows[0]!.combined);

    expect((await (await chairOf(a!.school_id)).dashboard.selfGaps({ year: YEAR })).rows.map((r) => r.reportId)).toEqual([a!.id]);
    expect((await (await chairOf(c!.school_id)).dashboard.selfGaps({ year: YEAR })).rows).toEqual([]);
    expect((await (await as('viewer')).dashboard.selfGaps({ year: YEAR })).rows).toHaveLength(2);
    // The school's profile: 综评分 and 查漏补缺 from the 考评 column.
    const profile = await admin.dashboard.schoolProfile({ schoolId: a!.school_id, year: YEAR });
    expect(profile.scoreKind).toBe('combined');
    expect(profile.gaps.filter((g) => ['ledger', 'training'].includes(g.itemId)).map((g) => [g.itemId, g.lost, g.adviceZh])).toEqual([
      ['ledger', 2, '台帐齐全归档：-2'],
      ['training', 2, '参加培训会议：缺席 2 次，-2'],
    ]);
    // The printable district summary names the 综评分 and lists the gaps in the same order.
    const text = await docxText((await admin.documents.districtSummaryDocx({ year: YEAR })).base64);
    expect(text).toContain('本年度得分为综评分');
    expect(text).toContain('七、自评与考评的差距');
    expect(text).toContain('共 2 所学校，1 所偏高，1 所偏低');
    expect(text).toMatch(/台帐齐全归档 \+2；参加培训会议 \+2/);
    expect(text.indexOf(gaps.rows[0]!.schoolName, text.indexOf('七、'))).toBeLessThan(text.indexOf(gaps.rows[1]!.schoolName, text.indexOf('七、')));
    expect(await docxText((await admin.documents.districtSummaryDocx({ year: YEAR - 1 })).base64)).not.toContain('自评与考评的差距');
    // A year with a figures-only rubric has no self gaps.
    expect(await admin.dashboard.selfGaps({ year: YEAR - 1 })).toMatchObject({ applicable: false, rows: [] });
  });
});
