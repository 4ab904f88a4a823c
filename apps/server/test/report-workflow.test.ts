import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@union/db';
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

describe.each(testEngines())('[%s] reporting workflow', (engine) => {
  let t: TestDatabase;
  let chair: Caller;
  let colleague: Caller;
  let admin: Caller;
  let viewer: Caller;
  let schoolId: number;
  const year = 2026;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    // This file follows the one-step workflow (the district approves); two steps: review-two-step.test.ts.
    await t.db.updateTable('reporting_years').set({ review_steps: 1 }).where('year', '=', year).execute();
    // A school open in 2026 that has not started it yet, with a second chair account (two people editing at once).
    const notStarted = await t.db
      .selectFrom('schools as s')
      .innerJoin('open_school_years as o', (j) => j.onRef('o.school_id', '=', 's.id').on('o.year', '=', year))
      .leftJoin('reports as r', (j) => j.onRef('r.school_id', '=', 's.id').on('r.year', '=', year))
      .innerJoin('users as u', 'u.org_unit_id', 's.id')
      .select(['s.id', 'u.username'])
      .where('r.id', 'is', null)
      .orderBy('s.id')
      .executeTakeFirstOrThrow();
    schoolId = notStarted.id;
    await t.db
      .insertInto('users')
      .values({ username: 'deputy', display_name: '副主席', role: 'school_chair', org_unit_id: schoolId, password_hash: await hashPassword('Deputy2026x') })
      .execute();
    chair = createCaller(createDirectContext(t.db, await actorFor(t.db, notStarted.username)));
    colleague = createCaller(createDirectContext(t.db, await actorFor(t.db, 'deputy')));
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    viewer = createCaller(createDirectContext(t.db, await actorFor(t.db, 'viewer')));
  });
  afterAll(async () => {
    await t.close();
  });

  const draft = (baseVersion: number, values: Record<string, number | null>, extra: Partial<{ narrative: typeof narrative; explanations: Record<string, string> }> = {}) => ({
    schoolId,
    year,
    baseVersion,
    values,
    narrative: extra.narrative ?? narrative,
    honours: [{ title: '区模范职工之家', level: 'county' as const, kind: 'collective' as const, recipient: '' }],
    explanations: extra.explanations ?? {},
  });

  it('creates the report on the first save and bumps the version on each save', async () => {
    const first = await chair.reports.save(draft(0, { staff_total: 80, sick_visits: 5 }));
    expect(first).toMatchObject({ version: 1, status: 'draft' });
    const second = await chair.reports.save(draft(1, { staff_total: 80, sick_visits: 6, union_members: 78 }));
    expect(second.version).toBe(2);
    const stored = await chair.reports.get({ schoolId, year });
    expect(stored.report).toMatchObject({ version: 2, status: 'draft', values: { staff_total: 80, sick_visits: 6, union_members: 78 } });
    expect(stored.report!.honours).toEqual([{ title: '区模范职工之家', level: 'county', kind: 'collective', recipient: '' }]);
  });

  it('refuses a stale save with a clear message and changes nothing', async () => {
    const before = await chair.reports.get({ schoolId, year });
    const error = await errorOf(colleague.reports.save(draft(1, { staff_total: 999 })));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('该报告已被他人修改（当前版本 2），您的修改未保存。请对比两个版本后再保存。');
    expect((await chair.reports.get({ schoolId, year })).report).toEqual(before.report);
  });

  it('stores exactly what the last save sent: cleared figures, explanations and honours follow it', async () => {
    const current = (await chair.reports.get({ schoolId, year })).report!;
    const edited = await chair.reports.save({
      ...draft(current.version, { staff_total: 80, sick_visits: 6, union_members: null, holiday_visits: 40 }, { explanations: { holiday_visits: '含退休教师' } }),
      honours: [
        { title: '市三八红旗集体', level: 'municipal', kind: 'collective', recipient: '' },
        { title: '区优秀工会干部', level: 'county', kind: 'individual', recipient: '王老师' },
      ],
    });
    const stored = (await chair.reports.get({ schoolId, year })).report!;
    expect(stored.values).toEqual({ staff_total: 80, sick_visits: 6, holiday_visits: 40 });
    expect(stored.explanations).toEqual({ holiday_visits: '含退休教师' });
    expect(stored.honours.map((h) => h.title)).toEqual(['市三八红旗集体', '区优秀工会干部']);
    // Back to the first test's content, so later tests start from it.
    await chair.reports.save(draft(edited.version, { staff_total: 80, sick_visits: 6, union_members: 78 }));
    const restored = (await chair.reports.get({ schoolId, year })).report!;
    expect(restored.values).toEqual({ staff_total: 80, sick_visits: 6, union_members: 78 });
    expect(restored.explanations).toEqual({});
    expect(restored.honours).toEqual([{ title: '区模范职工之家', level: 'county', kind: 'collective', recipient: '' }]);
  });

  it('rejects invalid values with field errors and changes nothing', async () => {
    const before = await chair.reports.get({ schoolId, year });
    const crossField = await errorOf(chair.reports.save(draft(2, { staff_total: 80, union_members: 90 })));
    expect(crossField.code).toBe('BAD_REQUEST');
    expect(crossField.message).toContain('工会会员数（90）不能大于教职工总数（80）');
    const negative = await errorOf(chair.reports.save(draft(2, { sick_visits: -3 })));
    expect(negative.message).toContain('探望慰问病患人次不能为负数');
    const unknown = await errorOf(chair.reports.save(draft(2, { not_an_indicator: 1 })));
    expect(unknown.message).toContain('未知指标');
    expect((await chair.reports.get({ schoolId, year })).report).toEqual(before.report);
  });

  it('never loses an update when two people save concurrently', async () => {
    // Both start from version 2; each keeps retrying on conflict by reloading and re-applying its own change.
    const editLoop = async (who: Caller, code: 'holiday_visits' | 'birthday_greetings', rounds: number) => {
      let lastSaved = 0;
      for (let i = 1; i <= rounds; i++) {
        for (;;) {
          const current = await who.reports.get({ schoolId, year });
          const values = { ...current.report!.values, [code]: i };
          try {
            await who.reports.save(draft(current.report!.version, values));
            lastSaved = i;
            break;
          } catch (error) {
            if (!(error instanceof TRPCError) || error.code !== 'CONFLICT') throw error;
          }
        }
      }
      return lastSaved;
    };
    const [a, b] = await Promise.all([editLoop(chair, 'holiday_visits', 6), editLoop(colleague, 'birthday_greetings', 6)]);
    const final = await chair.reports.get({ schoolId, year });
    expect(final.report!.values.holiday_visits).toBe(a);
    expect(final.report!.values.birthday_greetings).toBe(b);
    expect(final.report!.values.staff_total).toBe(80);
  });

  it('lets exactly one of many simultaneous saves on the same version win', async () => {
    const base = (await chair.reports.get({ schoolId, year })).report!;
    const attempts = Array.from({ length: 6 }, (_, i) => (i % 2 ? colleague : chair).reports.save(draft(base.version, { ...base.values, sick_visits: 100 + i })));
    const results = await Promise.allSettled(attempts);
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    for (const r of results) if (r.status === 'rejected') expect((r.reason as TRPCError).code).toBe('CONFLICT');
    const final = (await chair.reports.get({ schoolId, year })).report!;
    expect(final.version).toBe(base.version + 1);
    expect(final.values.sick_visits).toBe(100 + results.findIndex((r) => r.status === 'fulfilled'));
  });

  it('keeps drafts from district viewers but shows them to the admin', async () => {
    expect((await viewer.reports.get({ schoolId, year })).report).toBeNull();
    expect((await admin.reports.get({ schoolId, year })).report?.status).toBe('draft');
  });

  it('submits only when the hard rules pass, then locks the report for the chair', async () => {
    let current = (await chair.reports.get({ schoolId, year })).report!;
    const cleared = await chair.reports.save(draft(current.version, { ...current.values, union_members: null }));
    const missing = await errorOf(chair.reports.submit({ schoolId, year, version: cleared.version }));
    expect(missing.message).toContain('提交前请填写工会会员数');
    expect((await chair.reports.get({ schoolId, year })).report?.status).toBe('draft');
    const saved = await chair.reports.save(draft(cleared.version, { ...current.values, union_members: 76 }));
    const stale = await errorOf(chair.reports.submit({ schoolId, year, version: saved.version - 1 }));
    expect(stale.code).toBe('CONFLICT');
    const submitted = await chair.reports.submit({ schoolId, year, version: saved.version });
    expect(submitted.status).toBe('submitted');
    current = (await chair.reports.get({ schoolId, year })).report!;
    const locked = await errorOf(chair.reports.save(draft(current.version, current.values)));
    expect([locked.code, locked.message]).toEqual(['BAD_REQUEST', '报告已提交或已通过，不能再修改']);
    expect((await viewer.reports.get({ schoolId, year })).report?.status).toBe('submitted');
  });

  it('puts submitted reports in the review queue; the admin returns one with field comments', async () => {
    const queue = await viewer.review.queue({ year });
    const entry = queue.find((q) => q.schoolId === schoolId)!;
    expect(entry).toBeTruthy();
    const noComment = await errorOf(admin.review.return({ reportId: entry.reportId, version: entry.version }));
    expect(noComment.code).toBe('BAD_REQUEST');
    const returned = await admin.review.return({
      reportId: entry.reportId,
      version: entry.version,
      comment: '请补充说明慰问情况。',
      fieldComments: [{ fieldPath: 'values.sick_visits', body: '慰问人次与去年差异大，请核实' }],
    });
    expect(returned.status).toBe('returned');
    const seen = await chair.reports.get({ schoolId, year });
    expect(seen.status).toBe('returned');
    expect(seen.comments.map((c) => [c.fieldPath, c.body, c.reviewRound])).toEqual([
      ['', '请补充说明慰问情况。', 1],
      ['values.sick_visits', '慰问人次与去年差异大，请核实', 1],
    ]);
    expect(seen.comments[0]!.authorName).toBeTruthy();
  });

  it('lets the chair fix and resubmit; the admin approves; only the admin reopens, with a reason', async () => {
    let current = (await chair.reports.get({ schoolId, year })).report!;
    const fixed = await chair.reports.save(draft(current.version, { ...current.values, sick_visits: 12 }, { explanations: { sick_visits: '今年住院教职工较多' } }));
    expect(fixed.status).toBe('returned');
    await chair.reports.submit({ schoolId, year, version: fixed.version });
    current = (await admin.reports.get({ schoolId, year })).report!;
    expect(current.explanations).toEqual({ sick_visits: '今年住院教职工较多' });
    const illegal = await errorOf(admin.review.reopen({ reportId: current.id, version: current.version, comment: '需要更正' }));
    expect(illegal.message).toBe('只有已通过的报告可以重新打开');
    const approved = await admin.review.approve({ reportId: current.id, version: current.version });
    expect(approved.status).toBe('approved');
    expect((await errorOf(chair.reports.save(draft(approved.version, current.values)))).message).toBe('报告已提交或已通过，不能再修改');
    expect((await errorOf(admin.review.approve({ reportId: current.id, version: approved.version }))).message).toBe('只有已提交的报告可以审核通过');
    const noReason = await errorOf(admin.review.reopen({ reportId: current.id, version: approved.version, comment: '' }));
    expect(noReason.code).toBe('BAD_REQUEST');
    const reopened = await admin.review.reopen({ reportId: current.id, version: approved.version, comment: '帮困金额填错，需要更正' });
    expect(reopened.status).toBe('returned');
    const log = await admin.audit.list({ action: 'report_reopened' });
    expect(log.entries[0]?.details).toMatchObject({ comment: '帮困金额填错，需要更正' });
  });

  it('records every change of a field: who, from what, to what', async () => {
    const report = (await admin.reports.get({ schoolId, year })).report!;
    const history = await admin.reports.valueHistory({ reportId: report.id, code: 'sick_visits' });
    expect(history[0]).toMatchObject({ from: null, to: 5 });
    expect(history[1]).toMatchObject({ from: 5, to: 6 });
    expect(history.at(-1)).toMatchObject({ to: 12 });
    expect(history.every((h) => ['deputy', 'chair'].some((p) => h.username.startsWith(p)))).toBe(true);
  });

  it('reports completeness and timeliness for the year', async () => {
    const result = await admin.review.completeness({ year });
    // 31 demo schools, of which S13, S14 and S29 closed after 2024: 28 are expected in 2026.
    expect(result.total).toBe(28);
    expect(Object.values(result.counts).reduce((a, b) => a + b, 0)).toBe(28);
    const handedIn = result.counts.submitted + result.counts.cluster_approved + result.counts.approved;
    expect(result.completionRate).toBeCloseTo(handedIn / 28, 10);
    const row = result.schools.find((s) => s.schoolId === schoolId)!;
    expect(row.status).toBe('returned');
    expect(row.onTime).toBeNull();
    // 2026's deadline is 2027-01-15: a report submitted in 2026 is on time, days before the deadline are negative.
    const approved = result.schools.find((s) => s.status === 'approved')!;
    expect(approved.onTime).toBe(true);
    expect(approved.daysFromDeadline).toBeLessThan(0);
  });

  it('sends reminders to schools that have not handed in, shown to their chairs', async () => {
    const sent = await admin.review.remind({ year, message: '请于1月15日前提交年报' });
    const completeness = await admin.review.completeness({ year });
    expect(sent.schools).toBe(completeness.counts.not_started + completeness.counts.draft + completeness.counts.returned);
    const mine = await chair.reminders.mine();
    expect(mine[0]).toMatchObject({ message: '请于1月15日前提交年报', read: false });
    await chair.reminders.markRead({ id: mine[0]!.id });
    expect((await chair.reminders.mine())[0]!.read).toBe(true);
    // Marking it again is harmless and keeps the first read time.
    const readAt = () => t.db.selectFrom('reminders').select('read_at').where('id', '=', mine[0]!.id).executeTakeFirstOrThrow();
    const firstRead = await readAt();
    await chair.reminders.markRead({ id: mine[0]!.id });
    expect(await readAt()).toEqual(firstRead);
    expect(await admin.reminders.mine()).toEqual([]);
  });

  it('answers NOT_FOUND for another school’s reminder (or a missing one) and leaves it unread', async () => {
    const other = await t.db
      .selectFrom('users')
      .select('username')
      .where('role', '=', 'school_chair')
      .where('org_unit_id', '!=', schoolId)
      .orderBy('username')
      .executeTakeFirstOrThrow();
    const otherChair = createCaller(createDirectContext(t.db, await actorFor(t.db, other.username)));
    await admin.review.remind({ year, message: '请尽快提交年报' });
    const [unread] = await chair.reminders.mine();
    expect(unread).toMatchObject({ message: '请尽快提交年报', read: false });
    for (const caller of [otherChair, admin, viewer]) {
      const refused = await errorOf(caller.reminders.markRead({ id: unread!.id }));
      expect(refused.code).toBe('NOT_FOUND');
      expect(refused.message).toBe('找不到这条提醒');
    }
    expect((await errorOf(chair.reminders.markRead({ id: 2_000_000_000 }))).code).toBe('NOT_FOUND');
    expect((await chair.reminders.mine())[0]).toMatchObject({ id: unread!.id, read: false });
  });

  it('opens a new year with the previous year’s indicators', async () => {
    await admin.years.create({ year: 2027, deadline: '2028-01-15' });
    const [y2026, y2027] = await Promise.all([admin.catalogue.list({ year: 2026 }), admin.catalogue.list({ year: 2027 })]);
    expect(y2027.map((i) => i.code)).toEqual(y2026.map((i) => i.code));
    expect((await errorOf(admin.years.create({ year: 2027, deadline: '2028-01-15' }))).code).toBe('CONFLICT');
  });
});
