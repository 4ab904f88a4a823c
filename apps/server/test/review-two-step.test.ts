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

/**
 * The demo's 2026 is reviewed in two steps: cluster reviewers (城东 reviewer_east,
 * 城西 reviewer_west, 北部 reviewer_north) approve first, the district accepts.
 */
describe.each(testEngines())('[%s] two-step review', (engine) => {
  let t: TestDatabase;
  let admin: Caller;
  let viewer: Caller;
  let east: Caller;
  let west: Caller;
  const as = async (username: string) => createCaller(createDirectContext(t.db, await actorFor(t.db, username)));

  /** The 2026 report of a demo school, by code. */
  const reportOf = (code: string) =>
    t.db
      .selectFrom('reports as r')
      .innerJoin('org_units as ou', 'ou.id', 'r.school_id')
      .select(['r.id', 'r.version', 'r.status', 'r.school_id'])
      .where('ou.code', '=', code)
      .where('r.year', '=', year)
      .executeTakeFirstOrThrow();
  const clusterSchoolIds = async (clusterCode: string) =>
    (
      await t.db
        .selectFrom('org_units as s')
        .innerJoin('org_units as c', 'c.id', 's.parent_id')
        .select('s.id')
        .where('c.code', '=', clusterCode)
        .execute()
    ).map((r) => r.id);

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    admin = await as('admin');
    viewer = await as('viewer');
    east = await as('reviewer_east');
    west = await as('reviewer_west');
  });
  afterAll(async () => {
    await t.close();
  });

  it('shows a cluster reviewer only its own cluster, and only handed-in reports', async () => {
    const eastSchools = await clusterSchoolIds('C01');
    const queue = await east.review.queue({ year });
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.every((q) => eastSchools.includes(q.schoolId))).toBe(true);
    // S02 (submitted) waits for the cluster; S07 (cluster-approved) waits for the district.
    const s02 = await reportOf('S02');
    const s07 = await reportOf('S07');
    expect(queue.find((q) => q.reportId === s02.id)).toMatchObject({ waitingFor: 'cluster', mine: true, status: 'submitted' });
    expect(queue.find((q) => q.reportId === s07.id)).toMatchObject({ waitingFor: 'district', mine: false, status: 'cluster_approved' });
    const completeness = await east.review.completeness({ year });
    expect(completeness.total).toBe(eastSchools.length);
    // A draft (S04, 城东) is not shown to the reviewer; another cluster's school is not found.
    const s04 = await reportOf('S04');
    expect((await east.reports.get({ schoolId: s04.school_id, year })).report).toBeNull();
    const s10 = await reportOf('S10');
    expect((await errorOf(east.reports.get({ schoolId: s10.school_id, year }))).code).toBe('NOT_FOUND');
    expect((await errorOf(west.review.approve({ reportId: s02.id, version: s02.version }))).code).toBe('NOT_FOUND');
    expect((await errorOf(east.excel.exportYear({ year }))).code).toBe('FORBIDDEN');
  });

  it('the district cannot skip the cluster step; the reviewer approves, then the district accepts', async () => {
    const s02 = await reportOf('S02');
    const skipped = await errorOf(admin.review.approve({ reportId: s02.id, version: s02.version }));
    expect(skipped.message).toBe('本年度为两级审核，须先由片区审核员初审通过，再由区教育工会确认');
    expect((await reportOf('S02')).status).toBe('submitted');

    const first = await east.review.approve({ reportId: s02.id, version: s02.version });
    expect(first.status).toBe('cluster_approved');
    expect((await errorOf(east.review.approve({ reportId: s02.id, version: first.version }))).message).toBe('该报告片区已初审通过，等待区教育工会确认');
    // Not on the dashboards yet: only the district's acceptance locks and scores it.
    expect(await t.db.selectFrom('report_scores').select('report_id').where('report_id', '=', s02.id).executeTakeFirst()).toBeUndefined();
    expect((await viewer.review.queue({ year })).find((q) => q.reportId === s02.id)).toMatchObject({ waitingFor: 'district', mine: false });
    expect((await admin.review.queue({ year })).find((q) => q.reportId === s02.id)).toMatchObject({ waitingFor: 'district', mine: true });

    const accepted = await admin.review.approve({ reportId: s02.id, version: first.version });
    expect(accepted.status).toBe('approved');
    expect(await t.db.selectFrom('report_scores').select('report_id').where('report_id', '=', s02.id).executeTakeFirst()).toBeDefined();
    const log = await admin.audit.list({});
    expect(log.entries.filter((e) => e.entityId === String(s02.id)).map((e) => e.action).slice(0, 2)).toEqual(['report_approved', 'report_cluster_approved']);
  });

  it('a school directly under the district: the district takes both steps at once, no reviewer sees it', async () => {
    const s27 = await reportOf('S27');
    for (const reviewer of [east, west, await as('reviewer_north')]) {
      expect((await reviewer.review.queue({ year })).some((q) => q.reportId === s27.id)).toBe(false);
    }
    expect((await admin.review.queue({ year })).find((q) => q.reportId === s27.id)).toMatchObject({ waitingFor: 'district', mine: true });
    expect((await admin.review.approve({ reportId: s27.id, version: s27.version })).status).toBe('approved');
  });

  it('either step may return with comments; a reviewer cannot return what it passed on', async () => {
    const s10 = await reportOf('S10');
    const returned = await west.review.return({ reportId: s10.id, version: s10.version, comment: '请补充慰问明细', fieldComments: [{ fieldPath: 'values.sick_visits', body: '与去年差异大' }] });
    expect(returned.status).toBe('returned');
    const comments = await admin.reports.get({ schoolId: s10.school_id, year });
    expect(comments.comments.map((c) => c.body)).toEqual(expect.arrayContaining(['请补充慰问明细', '与去年差异大']));

    const s16 = await reportOf('S16'); // cluster-approved in the demo
    expect((await errorOf(west.review.return({ reportId: s16.id, version: s16.version, comment: '再看看' }))).message).toBe('片区已初审通过的报告只能由区教育工会退回');
    const back = await admin.review.return({ reportId: s16.id, version: s16.version, comment: '荣誉名称不规范' });
    expect(back.status).toBe('returned');
    expect(await t.db.selectFrom('reports').select(['cluster_approved_at']).where('id', '=', s16.id).executeTakeFirstOrThrow()).toEqual({ cluster_approved_at: null });
  });

  it('bulk approval: a preview of what will be locked, then each report in its own checked transition', async () => {
    const mine = (await admin.review.queue({ year })).filter((q) => q.mine);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    const preview = await admin.review.approvalPreview({ year, reportIds: mine.map((q) => q.reportId) });
    expect(preview.map((p) => p.reportId).sort()).toEqual(mine.map((q) => q.reportId).sort());
    expect(preview.every((p) => p.schoolName && p.outlierWarnings >= p.explainedWarnings)).toBe(true);
    // Out-of-scope ids are left out of the preview.
    const s25 = await reportOf('S25'); // 北部学区, submitted
    expect(await east.review.approvalPreview({ year, reportIds: [s25.id] })).toEqual([]);

    const stale = mine[0]!;
    const result = await admin.review.approveMany({
      reports: [...mine.map((q, i) => ({ reportId: q.reportId, version: i === 0 ? q.version + 5 : q.version })), { reportId: s25.id, version: s25.version }],
    });
    expect(result.approved.map((a) => a.reportId).sort()).toEqual(mine.slice(1).map((q) => q.reportId).sort());
    expect(result.approved.every((a) => a.status === 'approved')).toBe(true);
    expect(result.refused).toEqual([
      { reportId: stale.reportId, schoolName: stale.schoolName, message: expect.stringContaining('已被他人修改') },
      { reportId: s25.id, schoolName: expect.any(String), message: '本年度为两级审核，须先由片区审核员初审通过，再由区教育工会确认' },
    ]);
    expect((await reportOf('S25')).status).toBe('submitted');

    // A reviewer's bulk approval is the first step; another cluster's report is refused without its name.
    const north = await as('reviewer_north');
    const northResult = await north.review.approveMany({ reports: [{ reportId: s25.id, version: s25.version }] });
    expect(northResult.approved).toEqual([{ reportId: s25.id, schoolName: expect.any(String), status: 'cluster_approved' }]);
    const s02 = await reportOf('S02');
    expect((await north.review.approveMany({ reports: [{ reportId: s02.id, version: s02.version }] })).refused).toEqual([
      { reportId: s02.id, schoolName: null, message: '找不到该年报' },
    ]);
  });

  it('a one-step year: the district approves submitted reports and reviewers have no step', async () => {
    await admin.years.update({ year, deadline: '2027-01-15', isOpen: true, publishedToChairs: false, reviewSteps: 1 });
    expect((await admin.reports.years()).find((y) => y.year === year)?.reviewSteps).toBe(1);
    expect(await east.review.queue({ year }).then((q) => q.filter((r) => r.mine))).toEqual([]);
    const chair10 = await as('chair10');
    const s10 = await reportOf('S10'); // returned above
    const stored = (await chair10.reports.get({ schoolId: s10.school_id, year })).report!;
    await chair10.reports.submit({ schoolId: s10.school_id, year, version: stored.version });
    const resubmitted = await reportOf('S10');
    expect((await errorOf(west.review.approve({ reportId: s10.id, version: resubmitted.version }))).message).toBe('本年度为一级审核，由区教育工会直接审核，片区无需初审');
    expect((await admin.review.approve({ reportId: s10.id, version: resubmitted.version })).status).toBe('approved');
    const badSteps = await errorOf(admin.years.update({ year, deadline: '2027-01-15', isOpen: true, publishedToChairs: false, reviewSteps: 3 as 1 }));
    expect(badSteps.message).toContain('审核级数');
    await admin.years.update({ year, deadline: '2027-01-15', isOpen: true, publishedToChairs: false, reviewSteps: 2 });
  });

  it('cluster reviewer accounts belong to a cluster', async () => {
    const cluster = await t.db.selectFrom('org_units').select('id').where('code', '=', 'C02').executeTakeFirstOrThrow();
    const district = await t.db.selectFrom('org_units').select('id').where('kind', '=', 'district').executeTakeFirstOrThrow();
    const base = { displayName: '城西 审核员 二', role: 'cluster_reviewer' as const, temporaryPassword: 'Temp2026x' };
    await admin.users.create({ ...base, username: 'reviewer_west2', orgUnitId: cluster.id });
    const wrong = await errorOf(admin.users.create({ ...base, username: 'reviewer_west3', orgUnitId: district.id }));
    expect(wrong.message).toBe('所属单位无效：片区审核员必须属于一个片区（学区）');
    // The cluster reviewer does not manage users or years.
    expect((await errorOf(west.users.list())).code).toBe('FORBIDDEN');
    expect((await errorOf(west.review.reopen({ reportId: 1, version: 1, comment: '需要更正' }))).code).toBe('FORBIDDEN');
  });
});
