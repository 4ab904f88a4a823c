import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { TINY_PNG_BASE64 } from './procedure-inputs';
import { codeOf, errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;
const YEAR = 2026;

/** Full marks but the ledger (台帐未归档) and one missed training. */
const scores = {
  ledger: { earned: 0, noteZh: '台帐未归档' },
  staff_home: { earned: 5 },
  publicity_board: { earned: 3, noteZh: '专栏按时更新' },
  training_attendance: { occurrences: 1 },
};

describe.each(testEngines())('[%s] 验收 by 考评组', (engine) => {
  let t: TestDatabase;
  const as: Record<string, Caller> = {};
  const school: Record<string, number> = {};
  const report = async (code: string, year = YEAR) =>
    (await t.db.selectFrom('reports').select('id').where('school_id', '=', school[code]!).where('year', '=', year).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    for (const u of ['admin', 'viewer', 'inspector1', 'chair01', 'chair02', 'chair03']) as[u] = createCaller(createDirectContext(t.db, await actorFor(t.db, u)));
    for (const s of await t.db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'school').execute()) school[s.code] = s.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the inspector’s schools; a school’s report appears only once it is handed in', async () => {
    const [team] = await as.inspector1!.inspection.mine({ year: YEAR });
    expect(team!.schools.map((s) => s.code)).toEqual(['S01', 'S02', 'S07', 'S12']);
    const s12 = team!.schools.find((s) => s.code === 'S12')!;
    expect(s12.reportId).toBeNull(); // returned to the school: not the inspector's to read
    expect(team!.schools.find((s) => s.code === 'S01')).toMatchObject({ reportId: await report('S01'), state: 'assigned', editable: true });
  });

  it('refuses an unassigned school, another year, a draft and everything outside the inspection', async () => {
    const inspector = as.inspector1!;
    for (const id of [await report('S03'), await report('S01', 2025), await report('S12')]) {
      expect(await codeOf(inspector.inspection.sheet({ reportId: id }))).toBe('NOT_FOUND');
      expect(await codeOf(inspector.evidence.list({ reportId: id }))).toBe('NOT_FOUND');
      expect(await codeOf(inspector.inspection.save({ reportId: id, ratings: {} }))).toBe('NOT_FOUND');
    }
    // Only the 考评 column, only through the inspection: the rubric's own rating, reports and dashboards are closed.
    expect(await codeOf(inspector.rubric.rate({ reportId: await report('S01'), raterId: 'inspection', ratings: {} }))).toBe('FORBIDDEN');
    expect(await codeOf(inspector.reports.get({ schoolId: school.S01!, year: YEAR }))).toBe('FORBIDDEN');
    expect(await codeOf(inspector.dashboard.overview({ year: YEAR }))).toBe('FORBIDDEN');
    expect(await codeOf(inspector.inspection.feedback({ reportId: await report('S01') }))).toBe('FORBIDDEN');
    expect(await codeOf(inspector.inspection.confirm({ reportId: await report('S01') }))).toBe('FORBIDDEN');
    // Automatic items are scored from the figures, not by the inspector.
    const error = await errorOf(inspector.inspection.save({ reportId: await report('S01'), ratings: { congress: { earned: 8 } } }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toContain('自动计分');
  });

  it('shows the inspector the chair’s 自评 and the evidence per item', async () => {
    const id = await report('S01');
    await as.chair01!.rubric.rate({ reportId: id, raterId: 'self', ratings: { ledger: { earned: 5 }, staff_home: { earned: 4 } } });
    const png = Buffer.from(TINY_PNG_BASE64, 'base64');
    await t.db
      .insertInto('evidence_files')
      .values({ report_id: id, target_kind: 'rubric_item', target_key: 'ledger', original_name: '台帐.png', mime_type: 'image/png', byte_size: png.length, sha256: createHash('sha256').update(png).digest('hex'), width: 1, height: 1, content: png, thumbnail: png, thumbnail_mime: 'image/png' })
      .execute();
    const sheet = await as.inspector1!.inspection.sheet({ reportId: id });
    expect(sheet.items.map((i) => i.item.id)).toEqual(['ledger', 'staff_home', 'publicity_board', 'training_attendance']);
    const ledger = sheet.items[0]!;
    expect(ledger).toMatchObject({ max: 5, self: { earned: 5 }, selfEarned: 5, inspection: null, inspectionEarned: null });
    expect(ledger.evidence.map((e) => e.filename)).toEqual(['台帐.png']);
    expect(sheet).toMatchObject({ state: 'assigned', raterLabel: '考评', selfLabel: '自评', may: { edit: true, confirm: false } });
  });

  it('keeps scores and notes from the chair until published; confirm and reopen by the district', async () => {
    const id = await report('S01');
    const inspector = as.inspector1!;
    const chair = as.chair01!;
    // Not every item scored: refused, naming what is missing.
    await inspector.inspection.save({ reportId: id, ratings: { ledger: scores.ledger } });
    const incomplete = await errorOf(inspector.inspection.submit({ reportId: id }));
    expect(incomplete.message).toContain('还有 3 项未评分');

    await inspector.inspection.save({ reportId: id, ratings: scores });
    const notYet = async () => {
      expect(await chair.inspection.feedback({ reportId: id })).toMatchObject({ published: false, items: [] });
      expect((await chair.rubric.ratings({ reportId: id })).ratings).not.toHaveProperty('inspection');
      expect(await codeOf(chair.inspection.sheet({ reportId: id }))).toBe('FORBIDDEN');
      expect(JSON.stringify(await chair.dashboard.schoolProfile({ schoolId: school.S01!, year: YEAR }))).not.toContain('台帐未归档');
    };
    await notYet();

    expect(await inspector.inspection.submit({ reportId: id })).toEqual({ state: 'submitted' });
    expect((await errorOf(inspector.inspection.save({ reportId: id, ratings: scores }))).code).toBe('CONFLICT');
    await notYet();

    // The district hands it back once; the inspector may edit again and resubmits.
    expect(await as.admin!.inspection.reopen({ reportId: id })).toEqual({ state: 'scoring' });
    await inspector.inspection.save({ reportId: id, ratings: scores });
    await inspector.inspection.submit({ reportId: id });

    expect((await errorOf(as.admin!.inspection.publish({ reportId: id }))).code).toBe('CONFLICT'); // confirm first
    expect(await as.admin!.inspection.confirm({ reportId: id })).toEqual({ state: 'confirmed' });
    await notYet();
    const before = await t.db.selectFrom('report_scores').select('total').where('report_id', '=', id).executeTakeFirst();
    expect(await as.admin!.inspection.publish({ reportId: id })).toEqual({ state: 'published' });

    const feedback = await chair.inspection.feedback({ reportId: id });
    expect(feedback).toMatchObject({ published: true, raterLabel: '考评', total: 11, max: 17 });
    expect(feedback.items.find((i) => i.itemId === 'ledger')).toMatchObject({ earned: 0, max: 5, noteZh: '台帐未归档', lines: ['台帐未归档：-5'] });
    expect(feedback.items.find((i) => i.itemId === 'training_attendance')).toMatchObject({ earned: 3, lines: ['参加区工会培训会议：缺席 1 次，-1'] });
    expect((await chair.rubric.ratings({ reportId: id })).ratings.inspection).toEqual(scores);

    // Published points count in the approved report's score, and 查漏补缺 lists the lost ones.
    const after = await t.db.selectFrom('report_scores').select('total').where('report_id', '=', id).executeTakeFirstOrThrow();
    if (before) expect(after.total).toBeCloseTo(before.total + 11, 5);
    const profile = await chair.dashboard.schoolProfile({ schoolId: school.S01!, year: YEAR });
    const gaps = profile.gaps.filter((g) => g.itemId === 'ledger' || g.itemId === 'training_attendance');
    expect(gaps.map((g) => [g.adviceZh, g.lost])).toEqual([
      ['台帐未归档：-5', 5],
      ['参加区工会培训会议：缺席 1 次，-1', 1],
    ]);
    const audit = await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'inspection_%').orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['inspection_scored', 'inspection_submitted', 'inspection_reopened', 'inspection_confirmed', 'inspection_published']));
    // Another school's chair finds nothing.
    expect(await codeOf(as.chair02!.inspection.feedback({ reportId: id }))).toBe('NOT_FOUND');
  });

  it('lets the district form and dissolve a team: the inspector gains and loses the school', async () => {
    const { inspectors, schools } = await as.admin!.inspection.teams({ year: YEAR });
    const inspector = inspectors.find((u) => u.username === 'inspector1')!;
    expect(schools.some((s) => s.code === 'S03')).toBe(true);
    const s03 = await report('S03');
    expect(await codeOf(as.inspector1!.inspection.sheet({ reportId: s03 }))).toBe('NOT_FOUND');

    const chair = await actorFor(t.db, 'chair03');
    const refused = await errorOf(as.admin!.inspection.saveTeam({ year: YEAR, name: '第二考评组', memberIds: [chair.userId], schoolIds: [school.S03!] }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.message).toContain('不是本区的考评组成员账号');

    const { id } = await as.admin!.inspection.saveTeam({ year: YEAR, name: '第二考评组', memberIds: [inspector.id], schoolIds: [school.S03!] });
    expect((await as.admin!.inspection.teams({ year: YEAR })).teams.map((team) => [team.name, team.schools.map((s) => s.code)])).toEqual([
      ['第一考评组', ['S01', 'S02', 'S07', 'S12']],
      ['第二考评组', ['S03']],
    ]);
    expect((await as.inspector1!.inspection.sheet({ reportId: s03 })).schoolName).toBeTruthy();
    await as.admin!.inspection.deleteTeam({ id });
    expect(await codeOf(as.inspector1!.inspection.sheet({ reportId: s03 }))).toBe('NOT_FOUND');
    expect(await codeOf(as.viewer!.inspection.teams({ year: YEAR }))).toBe('FORBIDDEN');
  });
});
