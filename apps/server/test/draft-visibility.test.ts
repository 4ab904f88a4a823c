// Drafts stay between the school and the admin: every procedure that reads a
// report's content answers a district viewer as if a draft or a returned
// report (being reworked) did not exist, while the admin and the school's own
// chair read it. One rule behind all of them: src/auth/report-visibility.ts.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { defaultCatalogue } from '@union/domain';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { TINY_PNG_BASE64 } from './procedure-inputs';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;

const year = 2026;

interface Case {
  status: 'draft' | 'returned';
  chairName: string;
  schoolId: number;
  schoolName: string;
  reportId: number;
  /** A phrase only this report's narrative holds (for the search). */
  phrase: string;
  chair: Caller;
}

/** The data rows of an exported sheet, keyed by header text. */
async function sheetRows(base64: string): Promise<Record<string, unknown>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  // Row values are 1-based sparse arrays.
  const headers = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = row.values as unknown[];
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

describe.each(testEngines())('[%s] drafts and returned reports stay hidden from district viewers', (engine) => {
  let t: TestDatabase;
  let admin: Caller;
  let viewer: Caller;
  const cases: Case[] = [];

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    viewer = createCaller(createDirectContext(t.db, await actorFor(t.db, 'viewer')));
    // The demo's S04 is a 2026 draft and S12 was returned with comments (packages/db seed).
    for (const [status, chairName] of [
      ['draft', 'chair04'],
      ['returned', 'chair12'],
    ] as const) {
      const actor = await actorFor(t.db, chairName);
      const chair = createCaller(createDirectContext(t.db, actor));
      const before = await chair.reports.get({ schoolId: actor.schoolId!, year });
      expect(before.report?.status).toBe(status);
      // A change the value history records, a phrase to search for, and a self-score with a note.
      const phrase = `保密测试短语${status}`;
      const report = before.report!;
      await chair.reports.save({
        schoolId: actor.schoolId!,
        year,
        baseVersion: report.version,
        values: { ...report.values, sick_visits: (report.values.sick_visits ?? 0) + 3 },
        narrative: { ...report.narrative, achievements: `${report.narrative.achievements}${phrase}。` },
        honours: report.honours,
        explanations: report.explanations,
      });
      await chair.rubric.assess({ reportId: report.id, kind: 'self', score: 91, note: '自评说明：尚未提交' });
      await chair.evidence.upload({ reportId: report.id, target: { kind: 'section', key: 'achievements' }, filename: `佐证${status}.png`, base64: TINY_PNG_BASE64 });
      cases.push({ status, chairName, schoolId: actor.schoolId!, schoolName: before.school.name, reportId: report.id, phrase, chair });
    }
  });
  afterAll(async () => {
    await t.close();
  });

  /** The chair's own school and the admin read the content; the viewer does not. */
  const readers = (c: Case) => [
    ['admin', admin],
    [c.chairName, c.chair],
  ] as const;

  for (const status of ['draft', 'returned'] as const) {
    const caseOf = () => cases.find((c) => c.status === status)!;

    it(`reports.get: a ${status} report is null for the viewer (no values, narrative, comments or warnings)`, async () => {
      const c = caseOf();
      const seen = await viewer.reports.get({ schoolId: c.schoolId, year });
      expect(seen.status).toBe(status); // the progress itself is not secret (completeness shows it)
      expect(seen).toMatchObject({ report: null, comments: [], warnings: [] });
      for (const [, reader] of readers(c)) {
        const own = await reader.reports.get({ schoolId: c.schoolId, year });
        expect(own.report?.narrative.achievements).toContain(c.phrase);
      }
      if (status === 'returned') expect((await admin.reports.get({ schoolId: c.schoolId, year })).comments.length).toBeGreaterThan(0);
    });

    it(`reports.valueHistory: NOT_FOUND for the viewer on a ${status} report`, async () => {
      const c = caseOf();
      expect((await errorOf(viewer.reports.valueHistory({ reportId: c.reportId, code: 'sick_visits' })))?.code).toBe('NOT_FOUND');
      for (const [, reader] of readers(c)) {
        const history = await reader.reports.valueHistory({ reportId: c.reportId, code: 'sick_visits' });
        expect(history.length).toBeGreaterThan(0);
      }
    });

    it(`rubric.assessment: NOT_FOUND for the viewer on a ${status} report (no self-score or note)`, async () => {
      const c = caseOf();
      expect((await errorOf(viewer.rubric.assessment({ reportId: c.reportId })))?.code).toBe('NOT_FOUND');
      for (const [, reader] of readers(c)) {
        expect(await reader.rubric.assessment({ reportId: c.reportId })).toMatchObject({ selfScore: 91, selfNote: '自评说明：尚未提交' });
      }
    });

    it(`evidence.list: NOT_FOUND for the viewer on a ${status} report; its chair and the admin see the file`, async () => {
      const c = caseOf();
      expect((await errorOf(viewer.evidence.list({ reportId: c.reportId })))?.code).toBe('NOT_FOUND');
      for (const [, reader] of readers(c)) {
        expect((await reader.evidence.list({ reportId: c.reportId })).map((f) => f.filename)).toEqual([`佐证${status}.png`]);
      }
    });

    it(`narratives.search: the viewer finds nothing in a ${status} report; the admin finds it`, async () => {
      const c = caseOf();
      expect(await viewer.narratives.search({ query: c.phrase })).toEqual([]);
      const hits = await admin.narratives.search({ query: c.phrase });
      expect(hits.map((h) => h.schoolId)).toEqual([c.schoolId]);
    });

    it(`excel.exportYear: the ${status} school's figures are empty for the viewer, filled for the admin`, async () => {
      const c = caseOf();
      const sickVisits = defaultCatalogue.find((i) => i.code === 'sick_visits')!.nameZh;
      const header = (rows: Record<string, unknown>[]) => Object.keys(rows[0]!).find((h) => h.startsWith(sickVisits))!;
      const rowOf = (rows: Record<string, unknown>[]) => rows.find((r) => r['学校名称'] === c.schoolName)!;
      const seen = await sheetRows((await viewer.excel.exportYear({ year })).base64);
      expect(rowOf(seen)[header(seen)]).toBeNull();
      const full = await sheetRows((await admin.excel.exportYear({ year })).base64);
      expect(rowOf(full)[header(full)]).toEqual(expect.any(Number));
    });

    it(`excel.exportSchoolHistory: no ${year} row for the viewer; the admin and the chair get it`, async () => {
      const c = caseOf();
      const years = async (caller: Caller) => (await sheetRows((await caller.excel.exportSchoolHistory({ schoolId: c.schoolId })).base64)).map((r) => r['年度']);
      expect(await years(viewer)).not.toContain(year);
      for (const [, reader] of readers(c)) expect(await years(reader)).toContain(year);
    });

    it(`review decisions on a ${status} report are refused to the viewer`, async () => {
      const c = caseOf();
      const { version } = (await admin.reports.get({ schoolId: c.schoolId, year })).report!;
      for (const call of [
        viewer.review.approve({ reportId: c.reportId, version }),
        viewer.review.return({ reportId: c.reportId, version, comment: '请核实' }),
        viewer.review.reopen({ reportId: c.reportId, version, comment: '数据有误，需要更正' }),
      ]) {
        expect((await errorOf(call))?.code).toBe('FORBIDDEN');
      }
      expect((await viewer.review.queue({ year })).map((r) => r.reportId)).not.toContain(c.reportId);
    });

    it(`dashboards (profile and its export) count approved reports only: no ${year} score from a ${status} report for anyone`, async () => {
      const c = caseOf();
      for (const caller of [viewer, admin, c.chair]) {
        const profile = await caller.dashboard.schoolProfile({ schoolId: c.schoolId });
        expect(profile.history.find((h) => h.year === year)?.score ?? null).toBeNull();
      }
      const exported = await sheetRows((await viewer.excel.exportSchoolProfile({ schoolId: c.schoolId })).base64);
      expect(exported.map((r) => Object.values(r).join(' ')).join('\n')).not.toContain(c.phrase);
    });
  }
});
