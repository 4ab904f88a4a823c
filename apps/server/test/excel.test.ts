import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);

async function readWorkbook(base64: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

async function toBase64(workbook: ExcelJS.Workbook) {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
}

describe.each(testEngines())('[%s] Excel export and import', (engine) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
  });
  afterAll(async () => {
    await t.close();
  });

  it('exports a year with Chinese headers and units, one row per school', async () => {
    const file = await admin.excel.exportYear({ year: 2025 });
    expect(file.filename).toBe('2025年度学校工会年报.xlsx');
    const sheet = (await readWorkbook(file.base64)).worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 5)).toEqual(['学校代码', '学校名称', '片区', '学校类型', '填报状态']);
    expect(headers).toContain('教职工总数（人）');
    expect(headers).toContain('困难帮扶金额（元）');
    // Header + the 28 schools open in 2025 (S13, S14 and S29 closed after 2024).
    expect(sheet.rowCount).toBe(29);
  });

  it('round-trips: importing the exported file changes nothing and finds no errors', async () => {
    const file = await admin.excel.exportYear({ year: 2025 });
    const preview = await admin.excel.previewImport({ year: 2025, file: file.base64 });
    expect(preview.unknownColumns).toEqual([]);
    expect(preview.rows.some((r) => r.currentStatus === 'approved')).toBe(true);
    expect(preview.rows.every((r) => r.changes.length === 0)).toBe(true);
    // D5: a closed year's unchanged export re-imports cleanly: rows without changes are no errors, locked or not.
    expect(preview.rows.filter((r) => r.errors.length > 0)).toEqual([]);
    expect(await admin.excel.applyImport({ year: 2025, file: file.base64 })).toEqual({ imported: 0, skipped: 0, changedValues: 0 });
  });

  it('refuses only the changed rows of locked (approved or submitted) reports', async () => {
    const file = await admin.excel.exportYear({ year: 2025 });
    const workbook = await readWorkbook(file.base64);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const row = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2)).find((r) => r.getCell(headers.indexOf('填报状态')).value === '已通过')!;
    const cell = row.getCell(headers.indexOf('探望慰问病患人次（人次）'));
    cell.value = Number(cell.value) + 1;
    const preview = await admin.excel.previewImport({ year: 2025, file: await toBase64(workbook) });
    expect(preview.rows.find((r) => r.rowNumber === row.number)!.errors).toEqual([{ column: '填报状态', message: '该校年报已通过，不能通过导入修改' }]);
    expect(preview.rows.filter((r) => r.errors.length > 0)).toHaveLength(1);
  });

  it('D4: an emptied cell is no change (the stored value stays): no version bump, no audit entry, and the preview says it stays', async () => {
    const file = await admin.excel.exportYear({ year: 2026 });
    const workbook = await readWorkbook(file.base64);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const column = headers.indexOf('探望慰问病患人次（人次）');
    const row = [...Array(sheet.rowCount - 1).keys()]
      .map((i) => sheet.getRow(i + 2))
      .find((r) => r.getCell(headers.indexOf('填报状态')).value === '草稿' && typeof r.getCell(column).value === 'number')!;
    const stored = Number(row.getCell(column).value);
    row.getCell(column).value = null;
    const edited = await toBase64(workbook);
    const preview = await admin.excel.previewImport({ year: 2026, file: edited });
    const previewRow = preview.rows.find((r) => r.rowNumber === row.number)!;
    expect(previewRow.changes).toEqual([]);
    expect(previewRow.errors).toEqual([]);
    expect(previewRow.keptValues).toEqual([{ code: 'sick_visits', nameZh: '探望慰问病患人次', nameEn: 'Sickness/childbirth visits', value: stored }]);

    const report = () => t.db.selectFrom('reports').select(['id', 'version']).where('school_id', '=', previewRow.schoolId!).where('year', '=', 2026).executeTakeFirstOrThrow();
    const before = await report();
    const audits = async () => (await t.db.selectFrom('audit_log').select('id').where('entity_id', '=', String(before.id)).execute()).length;
    const auditsBefore = await audits();
    expect(await admin.excel.applyImport({ year: 2026, file: edited })).toMatchObject({ imported: 0, changedValues: 0 });
    expect(await report()).toEqual(before);
    expect(await audits()).toBe(auditsBefore);
    const value = await t.db.selectFrom('report_values').select('value').where('report_id', '=', before.id).where('indicator_code', '=', 'sick_visits').executeTakeFirstOrThrow();
    expect(value.value).toBe(stored);
  });

  it('previews changes and cell errors, writes nothing when any row is invalid, or only the valid rows when asked', async () => {
    const file = await admin.excel.exportYear({ year: 2026 });
    const workbook = await readWorkbook(file.base64);
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const column = (header: string) => headers.indexOf(header);
    const rows = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2));
    const editable = rows.filter((r) => ['草稿', '未开始', '已退回'].includes(String(r.getCell(column('填报状态')).value)));
    const [good, bad] = editable;
    good!.getCell(column('探望慰问病患人次（人次）')).value = 77;
    bad!.getCell(column('困难帮扶金额（元）')).value = '一千元';
    bad!.getCell(column('探望慰问病患人次（人次）')).value = -2;
    const edited = await toBase64(workbook);

    const preview = await admin.excel.previewImport({ year: 2026, file: edited });
    const goodRow = preview.rows.find((r) => r.rowNumber === good!.number)!;
    expect(goodRow.errors).toEqual([]);
    expect(goodRow.changes).toEqual([expect.objectContaining({ code: 'sick_visits', nameZh: '探望慰问病患人次', to: 77 })]);
    const badRow = preview.rows.find((r) => r.rowNumber === bad!.number)!;
    expect(badRow.errors).toEqual(
      expect.arrayContaining([
        { column: '困难帮扶金额（元）', message: '困难帮扶金额必须是数字' },
        { column: '探望慰问病患人次（人次）', message: '探望慰问病患人次不能为负数' },
      ]),
    );

    const before = await t.db.selectFrom('report_values').select(['report_id', 'indicator_code', 'value']).orderBy('report_id').orderBy('indicator_code').execute();
    const refused = await errorOf(admin.excel.applyImport({ year: 2026, file: edited }));
    expect(refused.message).toMatch(/^有 \d+ 行数据有误，未导入任何数据/);
    const unchanged = await t.db.selectFrom('report_values').select(['report_id', 'indicator_code', 'value']).orderBy('report_id').orderBy('indicator_code').execute();
    expect(unchanged).toEqual(before);

    const result = await admin.excel.applyImport({ year: 2026, file: edited, onlyValidRows: true });
    expect(result).toMatchObject({ imported: 1, changedValues: 1 });
    const schoolId = goodRow.schoolId!;
    const report = await admin.reports.get({ schoolId, year: 2026 });
    expect(report.report?.values.sick_visits).toBe(77);
    const history = await admin.reports.valueHistory({ reportId: report.report!.id, code: 'sick_visits' });
    expect(history.at(-1)).toMatchObject({ to: 77 });
  });

  it('rejects a file that is not a spreadsheet with a Chinese message', async () => {
    const error = await errorOf(admin.excel.previewImport({ year: 2026, file: Buffer.from('not a workbook').toString('base64') }));
    expect(error.message).toBe('无法读取该文件：请上传 Excel（.xlsx）文件');
  });

  it('exports a school’s history for its chair and refuses other schools', async () => {
    const chair = await actorFor(t.db, 'chair01');
    const api = createCaller(createDirectContext(t.db, chair));
    const file = await api.excel.exportSchoolHistory({ schoolId: chair.schoolId! });
    const sheet = (await readWorkbook(file.base64)).worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[])[1]).toBe('年度');
    expect(sheet.rowCount).toBeGreaterThanOrEqual(5);
    const other = await t.db.selectFrom('schools').select('id').where('id', '!=', chair.schoolId!).executeTakeFirstOrThrow();
    expect((await errorOf(api.excel.exportSchoolHistory({ schoolId: other.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(api.excel.exportYear({ year: 2025 }))).code).toBe('FORBIDDEN');
  });
});
