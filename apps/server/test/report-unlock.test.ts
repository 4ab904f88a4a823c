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
const year = 2026;

/** Unlocking an approved report (all of it or one field) without reopening the year. */
describe.each(testEngines())('[%s] unlock after approval', (engine) => {
  let t: TestDatabase;
  let admin: Caller;
  let chair: Caller;
  let east: Caller;
  let schoolId: number;
  const as = async (username: string) => createCaller(createDirectContext(t.db, await actorFor(t.db, username)));
  const stored = async () => (await chair.reports.get({ schoolId, year })).report!;
  /** The chair's whole report as the form sends it, with some fields changed. */
  const edit = async (change: (r: Awaited<ReturnType<typeof stored>>) => Partial<Pick<typeof r, 'values' | 'narrative'>>) => {
    const r = await stored();
    return { schoolId, year, baseVersion: r.version, values: r.values, narrative: r.narrative, honours: r.honours, explanations: r.explanations, ...change(r) };
  };

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    admin = await as('admin');
    chair = await as('chair01'); // S01 示范区实验小学 (城东片区), approved in 2026
    east = await as('reviewer_east');
    schoolId = (await actorFor(t.db, 'chair01')).schoolId!;
  });
  afterAll(async () => {
    await t.close();
  });

  it('one field unlocked: only that field may change (enforced by the server), then the chair resubmits', async () => {
    const approved = await stored();
    expect(approved.status).toBe('approved');
    const oldValue = approved.values.sick_visits!;
    const unlocked = await admin.review.reopen({ reportId: approved.id, version: approved.version, comment: '慰问人次填错，请更正', unlockField: 'values.sick_visits' });
    expect(unlocked.status).toBe('returned');
    expect(await stored()).toMatchObject({ unlockedField: 'values.sick_visits', status: 'returned' });
    // Off the dashboards until approved again.
    expect(await t.db.selectFrom('report_scores').select('report_id').where('report_id', '=', approved.id).executeTakeFirst()).toBeUndefined();

    const before = await stored();
    const other = await errorOf(chair.reports.save(await edit((r) => ({ values: { ...r.values, sick_visits: oldValue + 3, holiday_visits: (r.values.holiday_visits ?? 0) + 1 } }))));
    expect(other.code).toBe('BAD_REQUEST');
    expect(other.message).toBe('只有已解锁的字段可以修改，其余内容已审核锁定（改动了：values.holiday_visits）');
    const narrativeEdit = await errorOf(chair.reports.save(await edit((r) => ({ narrative: { ...r.narrative, plans: `${r.narrative.plans}补充` } }))));
    expect(narrativeEdit.message).toContain('narrative.plans');
    expect(await stored()).toEqual(before);

    const saved = await chair.reports.save(await edit((r) => ({ values: { ...r.values, sick_visits: oldValue + 3 } })));
    expect(saved.status).toBe('returned');
    await chair.reports.submit({ schoolId, year, version: saved.version });

    const edits = await admin.review.edits({ reportId: approved.id });
    expect(edits.editsSinceApproval).toBe(1);
    expect(edits.unlocks).toEqual([
      expect.objectContaining({
        fieldPath: 'values.sick_visits',
        reason: '慰问人次填错，请更正',
        unlockedBy: expect.any(String),
        changes: [{ fieldPath: 'values.sick_visits', from: oldValue, to: oldValue + 3 }],
        resubmittedBy: expect.any(String),
      }),
    ]);
    // The chair and the cluster's reviewer see the same history; the reason reached the chair beside the field.
    expect((await chair.review.edits({ reportId: approved.id })).editsSinceApproval).toBe(1);
    expect((await east.review.edits({ reportId: approved.id })).unlocks).toHaveLength(1);
    expect((await chair.reports.get({ schoolId, year })).comments.find((c) => c.fieldPath === 'values.sick_visits')?.body).toBe('慰问人次填错，请更正');
    const actions = (await admin.audit.list({})).entries.filter((e) => e.entityId === String(approved.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['report_field_unlocked', 'report_resubmitted_after_unlock']));
  });

  it('approval (two steps in 2026) locks the report again and ends the unlock', async () => {
    const resubmitted = await stored();
    const first = await east.review.approve({ reportId: resubmitted.id, version: resubmitted.version });
    const accepted = await admin.review.approve({ reportId: resubmitted.id, version: first.version });
    expect(accepted.status).toBe('approved');
    expect(await stored()).toMatchObject({ unlockedField: null, unlockedAt: null, editsSinceApproval: 1 });
    const locked = await errorOf(chair.reports.save(await edit((r) => ({ values: { ...r.values, sick_visits: 1 } }))));
    expect(locked.message).toBe('报告已提交或已通过，不能再修改');
  });

  it('refuses an unknown field and a report that is not approved', async () => {
    const r = await stored();
    const unknown = await errorOf(admin.review.reopen({ reportId: r.id, version: r.version, comment: '需要更正', unlockField: 'values.no_such_code' }));
    expect(unknown.message).toBe('解锁的字段无效：本年度没有这个指标');
    const malformed = await errorOf(admin.review.reopen({ reportId: r.id, version: r.version, comment: '需要更正', unlockField: 'narrative.other' }));
    expect(malformed.code).toBe('BAD_REQUEST');
    expect(malformed.message).toContain('解锁的字段无效');
    const draft = await t.db.selectFrom('reports').select(['id', 'version']).where('year', '=', year).where('status', '=', 'draft').executeTakeFirstOrThrow();
    expect((await errorOf(admin.review.reopen({ reportId: draft.id, version: draft.version, comment: '需要更正' }))).message).toBe('只有已通过的报告可以重新打开');
    expect(await stored()).toMatchObject({ status: 'approved', version: r.version });
  });

  // Defect 3: reopening a report of a closed year stranded it until the whole year was reopened.
  it('regression: a report unlocked in a closed year can be edited, resubmitted and approved; other reports stay closed', async () => {
    await admin.years.update({ year, deadline: '2027-01-15', isOpen: false, publishedToChairs: false });
    const r = await stored();
    await admin.review.reopen({ reportId: r.id, version: r.version, comment: '年度关闭后发现荣誉漏填' });
    const saved = await chair.reports.save(await edit((x) => ({ narrative: { ...x.narrative, plans: `${x.narrative.plans}（补）` } })));
    const submitted = await chair.reports.submit({ schoolId, year, version: saved.version });
    expect(submitted.status).toBe('submitted');
    const first = await east.review.approve({ reportId: r.id, version: submitted.version });
    expect((await admin.review.approve({ reportId: r.id, version: first.version })).status).toBe('approved');
    const edits = await admin.review.edits({ reportId: r.id });
    expect(edits.unlocks.at(-1)).toMatchObject({ fieldPath: null, changes: [{ fieldPath: 'narrative.plans', from: r.narrative.plans, to: `${r.narrative.plans}（补）` }] });
    expect(edits.editsSinceApproval).toBe(2);

    // A returned report that was not unlocked by the admin still waits for the year (S12 was returned in review).
    const chair12 = await as('chair12');
    const s12 = (await chair12.reports.get({ schoolId: (await actorFor(t.db, 'chair12')).schoolId!, year })).report!;
    const closed = await errorOf(chair12.reports.submit({ schoolId: s12.schoolId, year, version: s12.version }));
    expect(closed.message).toBe('2026 年度已停止填报');
  });
});
