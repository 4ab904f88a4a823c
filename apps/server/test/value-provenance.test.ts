import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

const narrative = { achievements: '全年共慰问生病教职工12人次。', shortcomings: '', plans: '' };
const sentence = '全年共慰问生病教职工12人次，发放慰问金3600元。';
const sickSource = { value: 12, document: '2026年工会工作总结.docx', excerpts: [{ sentence, figureStart: 10, figureEnd: 14 }] };

describe.each(testEngines())('[%s] provenance of imported values', (engine) => {
  let t: TestDatabase;
  let chair: Caller;
  let admin: Caller;
  let viewer: Caller;
  let schoolId: number;
  let chairName: string;
  const year = 2026;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    const notStarted = await t.db
      .selectFrom('schools as s')
      .leftJoin('reports as r', (j) => j.onRef('r.school_id', '=', 's.id').on('r.year', '=', year))
      .innerJoin('users as u', 'u.org_unit_id', 's.id')
      // a school open that year (a closed or merged school is not asked for the report)
      .innerJoin('open_school_years as o', (j) => j.onRef('o.school_id', '=', 's.id').on('o.year', '=', year))
      .select(['s.id', 'u.username', 'u.display_name'])
      .where('r.id', 'is', null)
      .orderBy('s.id')
      .executeTakeFirstOrThrow();
    schoolId = notStarted.id;
    chairName = notStarted.display_name;
    chair = createCaller(createDirectContext(t.db, await actorFor(t.db, notStarted.username)));
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    viewer = createCaller(createDirectContext(t.db, await actorFor(t.db, 'viewer')));
  });
  afterAll(async () => {
    await t.close();
  });

  const save = (baseVersion: number, values: Record<string, number | null>, sources: Record<string, typeof sickSource> = {}) =>
    chair.reports.save({ schoolId, year, baseVersion, values, narrative, honours: [], explanations: {}, sources });

  it('keeps an imported value’s sentence, document, who accepted it and when, from the first save on', async () => {
    const before = Date.now();
    await save(0, { staff_total: 80, sick_visits: 12 }, { sick_visits: sickSource });
    const { report } = await chair.reports.get({ schoolId, year });
    expect(Object.keys(report!.sources)).toEqual(['sick_visits']);
    const source = report!.sources.sick_visits!;
    expect(source).toMatchObject({ ...sickSource, acceptedBy: chairName });
    expect(Date.parse(source.acceptedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('keeps the first acceptance when later saves send the same source, and shows it to the district', async () => {
    const first = (await chair.reports.get({ schoolId, year })).report!.sources.sick_visits!.acceptedAt;
    await new Promise((r) => setTimeout(r, 20));
    await save(1, { staff_total: 80, sick_visits: 12, union_members: 70 }, { sick_visits: sickSource });
    expect((await chair.reports.get({ schoolId, year })).report!.sources.sick_visits!.acceptedAt).toBe(first);
    // Admins read it on the review page; viewers only once submitted (the report is a draft: hidden from them).
    expect((await admin.reports.get({ schoolId, year })).report!.sources.sick_visits!.excerpts[0]!.sentence).toBe(sentence);
    expect((await viewer.reports.get({ schoolId, year })).report).toBeNull();
  });

  it('drops the source when the value is retyped, even if the stale source is sent again', async () => {
    await save(2, { staff_total: 80, sick_visits: 13, union_members: 70 }, { sick_visits: sickSource });
    const { report } = await chair.reports.get({ schoolId, year });
    expect(report!.values.sick_visits).toBe(13);
    expect(report!.sources).toEqual({});
    // And stays gone when the value goes back without an import.
    await save(3, { staff_total: 80, sick_visits: 12, union_members: 70 });
    expect((await chair.reports.get({ schoolId, year })).report!.sources).toEqual({});
  });

  it('drops the source with the value when the field is cleared, and when any writer changes the value', async () => {
    await save(4, { staff_total: 80, sick_visits: 12, union_members: 70 }, { sick_visits: sickSource });
    expect(Object.keys((await chair.reports.get({ schoolId, year })).report!.sources)).toEqual(['sick_visits']);
    await save(5, { staff_total: 80, sick_visits: null, union_members: 70 }, { sick_visits: sickSource });
    expect((await chair.reports.get({ schoolId, year })).report!.sources).toEqual({});
    await save(6, { staff_total: 80, sick_visits: 12, union_members: 70 }, { sick_visits: sickSource });
    // A write that is not the form's (an Excel import) changes the value and never mentions sources.
    const { report } = await chair.reports.get({ schoolId, year });
    await t.db.updateTable('report_values').set({ value: 20 }).where('report_id', '=', report!.id).where('indicator_code', '=', 'sick_visits').execute();
    expect((await chair.reports.get({ schoolId, year })).report!.sources).toEqual({});
  });

  it('refuses a malformed source with a Chinese message naming the field, and changes nothing', async () => {
    const { report: before } = await chair.reports.get({ schoolId, year });
    const bad = { ...sickSource, value: 20, excerpts: [{ sentence: 'x'.repeat(501), figureStart: 0, figureEnd: 1 }] };
    const error = await errorOf(save(before!.version, { staff_total: 80, sick_visits: 20, union_members: 70 }, { sick_visits: bad }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('来源句子最多 500 个字');
    const outside = { ...sickSource, value: 20, excerpts: [{ sentence: '十二人次', figureStart: 2, figureEnd: 9 }] };
    expect((await errorOf(save(before!.version, { staff_total: 80, sick_visits: 20 }, { sick_visits: outside }))).message).toContain('来源中数字的位置无效');
    expect((await chair.reports.get({ schoolId, year })).report).toEqual(before);
  });

  it('refuses an implausible value on save and on submit alike (shared domain rule)', async () => {
    const { report: before } = await chair.reports.get({ schoolId, year });
    const error = await errorOf(save(before!.version, { staff_total: 74, union_members: 70, congress_sessions: 1_000_000_000_000 }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('教代会召开次数不能大于 12 次');
    const perStaff = await errorOf(save(before!.version, { staff_total: 74, union_members: 70, health_checkup_participants: 100 }));
    expect(perStaff.message).toContain('组织体检人数（100）不能大于教职工总数（74）');
    expect((await chair.reports.get({ schoolId, year })).report).toEqual(before);
  });
});
