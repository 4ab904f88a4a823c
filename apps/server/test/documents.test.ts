import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { docxFooterText, docxText, pdfPageCount, pdfText, renderPage } from './document-readers';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);
const compact = (s: string) => s.replace(/\s+/g, '');

describe.each(testEngines())('[%s] signed paper copies (.docx, PDF) and their verification', (engine) => {
  let t: TestDatabase;
  let callerFor: (username: string) => Promise<ReturnType<typeof createCaller>>;
  let chair: ReturnType<typeof createCaller>;
  let admin: ReturnType<typeof createCaller>;
  let viewer: ReturnType<typeof createCaller>;
  let schoolId: number;
  const year = 2025;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    // The district approves alone here (one review step); two steps: review-two-step.test.ts.
    await t.db.updateTable('reporting_years').set({ review_steps: 1 }).execute();
    callerFor = async (username) => createCaller(createDirectContext(t.db, await actorFor(t.db, username), { siteOrigin: 'https://nianbao.example.cn' }));
    chair = await callerFor('chair01');
    admin = await callerFor('admin');
    viewer = await callerFor('viewer');
    schoolId = (await actorFor(t.db, 'chair01')).schoolId!;
  });
  afterAll(async () => {
    await t.close();
  });

  it('the .docx holds the header, every indicator with last year and unit, the narrative, honours and signature boxes; the code is in the footer', async () => {
    const view = await chair.reports.get({ schoolId, year });
    expect(view.report!.status).toBe('approved');
    const file = await chair.documents.reportDocx({ schoolId, year });
    expect(file.filename).toBe(`${view.school.name}${year}年度工会工作总结（签字盖章版）.docx`);
    const body = await docxText(file.base64);
    for (const expected of ['示范区教育工会', view.school.name, `${year} 年度`, '已通过', '审核通过日期', '民主管理', '困难帮扶金额', '元', `${year - 1}年`, '主要工作与成绩', '工会主席签字', '学校盖章', '日期']) {
      expect(body).toContain(expected);
    }
    // This year's and last year's figures stand on the indicator's row.
    const sick = view.report!.values.sick_visits!;
    const sickBefore = view.previousYearValues.sick_visits!;
    const sickIndicator = await t.db.selectFrom('indicators').select(['name_zh', 'unit']).where('code', '=', 'sick_visits').executeTakeFirstOrThrow();
    expect(body).toMatch(new RegExp(`${sickIndicator.name_zh}\\n+${sickIndicator.unit}\\n+${sick.toLocaleString('zh-CN')}\\n+${sickBefore.toLocaleString('zh-CN')}`));
    for (const honour of view.report!.honours) expect(body).toContain(honour.title);
    expect(body).toContain(view.report!.narrative.achievements.split('\n')[0]!.trim());
    const footer = docxFooterText(file.base64);
    expect(footer).toMatch(/验证码：[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(footer).toContain('https://nianbao.example.cn/verify?code=');
  });

  it('the PDF reads back as Chinese text with the same figures, a code on every page, and renders a non-blank first page', async () => {
    const view = await chair.reports.get({ schoolId, year });
    const file = await chair.documents.reportPdf({ schoolId, year });
    expect(file.filename.endsWith('（签字盖章版）.pdf')).toBe(true);
    const text = await pdfText(file.base64);
    const flat = compact(text);
    for (const expected of [view.school.name, '示范区教育工会', '工会主席签字', '学校盖章', '民主管理', '困难帮扶金额']) expect(flat).toContain(expected);
    expect(text).toContain(view.report!.values.sick_visits!.toLocaleString('zh-CN'));
    const pages = await pdfPageCount(file.base64);
    expect(pages).toBeGreaterThan(1);
    const docxCode = /验证码：([0-9A-Z-]{14})/.exec(docxFooterText((await chair.documents.reportDocx({ schoolId, year })).base64))![1]!;
    // The footer with the code is stamped on every page (pdftotext separates pages with a form feed).
    const pageTexts = text.split('\f').filter((p) => p.trim());
    expect(pageTexts.length).toBe(pages);
    for (const page of pageTexts) expect(compact(page)).toContain(`验证码：${docxCode}`);
    const rendered = await renderPage(file.base64, `paper-copy-${engine}.png`);
    expect(rendered.width).toBeGreaterThan(300);
    expect(rendered.darkShare).toBeGreaterThan(0.01);
    expect(rendered.darkShare).toBeLessThan(0.5);
    // The last page: the signature boxes (looked at by hand).
    expect((await renderPage(file.base64, `paper-copy-last-page-${engine}.png`, pages)).darkShare).toBeGreaterThan(0.005);
  });

  it('shows the rubric result only once the year is published to the schools', async () => {
    const before = await docxText((await chair.documents.reportDocx({ schoolId, year: 2024 })).base64);
    expect(before).not.toContain('考核结果');
    await admin.years.update({ year: 2024, deadline: '2025-01-15', isOpen: false, publishedToChairs: true });
    const after = await docxText((await chair.documents.reportDocx({ schoolId, year: 2024 })).base64);
    // Scored on approval (the demo's on first use); the document shows the stored score.
    const score = await t.db
      .selectFrom('report_scores as s')
      .innerJoin('reports as r', 'r.id', 's.report_id')
      .select(['s.total'])
      .where('r.school_id', '=', schoolId)
      .where('r.year', '=', 2024)
      .executeTakeFirstOrThrow();
    expect(after).toContain('四、考核结果');
    expect(after).toContain(`考核得分 ${score.total} 分`);
    const pdf = compact(await pdfText((await chair.documents.reportPdf({ schoolId, year: 2024 })).base64));
    expect(pdf).toContain(`考核得分${score.total}分`);
  });

  it('a draft prints without a code and says it cannot be archived', async () => {
    const draft = await t.db.selectFrom('reports').select(['school_id', 'year']).where('status', '=', 'draft').where('year', '=', 2026).executeTakeFirstOrThrow();
    const file = await admin.documents.reportPdf({ schoolId: draft.school_id, year: draft.year });
    const flat = compact(await pdfText(file.base64));
    expect(flat).toContain('尚未审核通过，不能作为签字盖章版存档');
    expect(flat).toContain('无验证码');
    expect(flat).not.toContain('验证码：');
    // Viewers never see drafts; a chair never another school's report.
    expect((await errorOf(viewer.documents.reportDocx({ schoolId: draft.school_id, year: draft.year }))).code).toBe('NOT_FOUND');
    expect((await errorOf((await callerFor('chair02')).documents.reportDocx({ schoolId, year }))).code).toBe('NOT_FOUND');
  });

  it('the same content gives the same code; the code verifies; a changed report is reported with both versions', async () => {
    const approved = await t.db
      .selectFrom('reports as r')
      .innerJoin('users as u', 'u.org_unit_id', 'r.school_id')
      .select(['r.id', 'r.school_id', 'r.year', 'r.version', 'u.username'])
      .where('r.status', '=', 'approved')
      .where('r.year', '=', 2026)
      .where('u.role', '=', 'school_chair')
      .orderBy('r.school_id')
      .executeTakeFirstOrThrow();
    const owner = await callerFor(approved.username);
    const codeOf = async (caller: ReturnType<typeof createCaller>) => /验证码：([0-9A-Z-]{14})/.exec(docxFooterText((await caller.documents.reportDocx({ schoolId: approved.school_id, year: 2026 })).base64))![1]!;
    const code = await codeOf(owner);
    expect(await codeOf(admin)).toBe(code);
    expect(await codeOf(owner)).toBe(code);

    const ok = await admin.documents.verify({ verificationCode: code.toLowerCase().replace(/-/g, ' ') });
    expect(ok).toMatchObject({ code, state: 'current', schoolId: approved.school_id, year: 2026, printed: { version: approved.version }, current: { status: 'approved', version: approved.version } });
    expect((await owner.documents.verify({ verificationCode: code })).state).toBe('current');
    expect((await viewer.documents.verify({ verificationCode: code })).state).toBe('current');
    // Another school's chair: like an unknown code.
    const other = await callerFor(approved.username === 'chair01' ? 'chair02' : 'chair01');
    expect((await errorOf(other.documents.verify({ verificationCode: code }))).message).toContain('验证码无效');

    // Tampering: one character off is no code at all.
    const flipped = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    const tampered = await errorOf(admin.documents.verify({ verificationCode: flipped }));
    expect(tampered.code).toBe('NOT_FOUND');
    expect(tampered.message).toContain('验证码无效');
    const malformed = await errorOf(admin.documents.verify({ verificationCode: 'ABC-123' }));
    expect(malformed.code).toBe('BAD_REQUEST');
    expect(malformed.message).toContain('验证码');

    // Reopened: no approved version at the moment.
    const reopened = await admin.review.reopen({ reportId: approved.id, version: approved.version, comment: '帮困金额需要更正' });
    expect((await admin.documents.verify({ verificationCode: code })).state).toBe('reopened');
    // Fixed and approved again with other figures: the old paper is out of date, and says from which version to which.
    const report = (await owner.reports.get({ schoolId: approved.school_id, year: 2026 })).report!;
    const saved = await owner.reports.save({
      schoolId: approved.school_id,
      year: 2026,
      baseVersion: reopened.version,
      values: { ...report.values, sick_visits: (report.values.sick_visits ?? 0) + 1 },
      explanations: report.explanations,
      narrative: report.narrative,
      honours: report.honours,
    });
    const submitted = await owner.reports.submit({ schoolId: approved.school_id, year: 2026, version: saved.version });
    const reapproved = await admin.review.approve({ reportId: approved.id, version: submitted.version });
    const changed = await admin.documents.verify({ verificationCode: code });
    expect(changed.state).toBe('changed');
    expect(changed.printed.version).toBe(approved.version);
    expect(changed.current.version).toBe(reapproved.version);
    expect(changed.current.version).toBeGreaterThan(changed.printed.version);
    const newCode = await codeOf(owner);
    expect(newCode).not.toBe(code);
    expect((await admin.documents.verify({ verificationCode: newCode })).state).toBe('current');
  });

  it('the district summary .docx carries the dashboard overview figures, category medians and rankings', async () => {
    const file = await admin.documents.districtSummaryDocx({ year });
    expect(file.filename).toBe(`示范区教育工会${year}年度学校工会工作汇总.docx`);
    const body = await docxText(file.base64);
    const overview = await admin.dashboard.overview({ year });
    const heatmap = await admin.dashboard.heatmap({ year });
    expect(body).toContain(`全区 ${overview.schoolCount} 所学校`);
    expect(body).toContain(`完成率 ${(Math.round(overview.completionRate * 1000) / 10).toFixed(1)}%`);
    const sick = overview.indicators.find((i) => i.code === 'sick_visits')!;
    const sickIndicator = await t.db.selectFrom('indicators').select(['name_zh', 'unit']).where('code', '=', 'sick_visits').executeTakeFirstOrThrow();
    expect(body).toMatch(new RegExp(`${sickIndicator.name_zh}\\n+${sickIndicator.unit}\\n+${sick.total.toLocaleString('zh-CN')}\\n+${sick.median!.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}\\n+${sick.reportingSchools}`));
    for (const band of overview.scores.distribution) expect(body).toMatch(new RegExp(`${band.label}\\n+${band.count}\\n`));
    expect(body).toContain('各类别得分中位数');
    const top = heatmap.rows[0]!;
    expect(body).toMatch(new RegExp(`\\n1\\n+${top.schoolName}\\n+${top.total.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}`));
    // Chairs get no district summary.
    expect((await errorOf(chair.documents.districtSummaryDocx({ year }))).code).toBe('FORBIDDEN');
  });
});
