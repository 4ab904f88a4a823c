import { TRPCError } from '@trpc/server';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import {
  indicatorValueSchema,
  reportProgressLabels,
  schoolTypeLabels,
  validateReportValues,
  type Indicator,
  type IndicatorValues,
  type ReportProgress,
  localize,
} from '@union/domain';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { schoolIdsInScope } from '../auth/scope';
import { countedSchoolIds } from './open-schools';
import { checkedXlsx } from './upload-limits';
import { UploadRefusedError } from './zip-guard';
import { indicatorHeader, SCHOOL_CODE_HEADER, SCHOOL_NAME_HEADER, styleHeader, toBase64 } from './workbook';
import { schoolNotFound, userError } from '../trpc/error-messages';

/**
 * One year's reports for every school in scope: one row per school, one
 * column per indicator (Chinese headers with units). Values the actor may not
 * read (a viewer and a draft) are left empty; the status column says why.
 */
export async function exportYearWorkbook(db: Kysely<Database>, actor: Actor, year: number, catalogue: readonly Indicator[]) {
  const [schools, values] = await Promise.all([
    db
      .selectFrom('schools as s')
      .innerJoin('org_units as ou', 'ou.id', 's.id')
      .leftJoin('org_units as parent', 'parent.id', 'ou.parent_id')
      .leftJoin('reports as r', (join) => join.onRef('r.school_id', '=', 's.id').on('r.year', '=', year))
      .select(['s.id', 'ou.code', 'ou.name', 'parent.kind as parent_kind', 'parent.name as parent_name', 's.school_type', 'r.status'])
      .where('s.id', 'in', countedSchoolIds(db, actor, year))
      .orderBy('ou.code')
      .execute(),
    db
      .selectFrom('report_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .select(['r.school_id', 'v.indicator_code', 'v.value'])
      .where('r.year', '=', year)
      .where('r.id', 'in', readableReportIds(db, actor))
      .execute(),
  ]);
  const bySchool = new Map<number, Map<string, number>>();
  for (const v of values) {
    const map = bySchool.get(v.school_id) ?? new Map<string, number>();
    map.set(v.indicator_code, v.value);
    bySchool.set(v.school_id, map);
  }

  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工会年报平台';
  const sheet = workbook.addWorksheet(`${year}年度年报`);
  sheet.columns = [
    { header: SCHOOL_CODE_HEADER, key: 'code', width: 10 },
    { header: SCHOOL_NAME_HEADER, key: 'name', width: 24 },
    { header: '片区', key: 'cluster', width: 12 },
    { header: '学校类型', key: 'type', width: 12 },
    { header: '填报状态', key: 'status', width: 10 },
    ...catalogue.map((i) => ({ header: indicatorHeader(i), key: i.code, width: Math.max(10, i.nameZh.length * 2 + 4) })),
  ];
  for (const school of schools) {
    const own = bySchool.get(school.id);
    const status: ReportProgress = school.status ?? 'not_started';
    sheet.addRow({
      code: school.code,
      name: school.name,
      cluster: school.parent_kind === 'cluster' ? school.parent_name : '',
      type: schoolTypeLabels[school.school_type].zh,
      status: reportProgressLabels[status].zh,
      ...Object.fromEntries(catalogue.map((i) => [i.code, own?.get(i.code) ?? null])),
    });
  }
  styleHeader(sheet);
  catalogue.forEach((indicator, index) => {
    if (indicator.valueType === 'money') sheet.getColumn(6 + index).numFmt = '#,##0.00';
  });
  return { filename: `${year}年度学校工会年报.xlsx`, base64: await toBase64(workbook) };
}

/** One school's history: one row per year. */
export async function exportSchoolHistoryWorkbook(db: Kysely<Database>, actor: Actor, schoolId: number, catalogue: readonly Indicator[]) {
  const school = await db
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .select(['s.id', 'ou.name'])
    .where('s.id', '=', schoolId)
    .where('s.id', 'in', schoolIdsInScope(db, actor))
    .executeTakeFirst();
  if (!school) throw schoolNotFound();
  const [reports, values] = await Promise.all([
    db.selectFrom('reports').select(['id', 'year', 'status']).where('school_id', '=', schoolId).where('id', 'in', readableReportIds(db, actor)).orderBy('year').execute(),
    db
      .selectFrom('report_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .select(['r.year', 'v.indicator_code', 'v.value'])
      .where('r.school_id', '=', schoolId)
      .where('r.id', 'in', readableReportIds(db, actor))
      .execute(),
  ]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工会年报平台';
  const sheet = workbook.addWorksheet('历年年报');
  sheet.columns = [
    { header: '年度', key: 'year', width: 8 },
    { header: '填报状态', key: 'status', width: 10 },
    ...catalogue.map((i) => ({ header: indicatorHeader(i), key: i.code, width: Math.max(10, i.nameZh.length * 2 + 4) })),
  ];
  for (const report of reports) {
    const own = new Map(values.filter((v) => v.year === report.year).map((v) => [v.indicator_code, v.value]));
    sheet.addRow({
      year: report.year,
      status: reportProgressLabels[report.status].zh,
      ...Object.fromEntries(catalogue.map((i) => [i.code, own.get(i.code) ?? null])),
    });
  }
  styleHeader(sheet);
  return { filename: `${school.name}历年工会年报.xlsx`, base64: await toBase64(workbook) };
}

export interface ImportCellError {
  column: string;
  message: string;
}

export interface ImportRow {
  /** Spreadsheet row number (1-based, as Excel shows it). */
  rowNumber: number;
  schoolId: number | null;
  schoolName: string;
  values: IndicatorValues;
  changes: { code: string; nameZh: string; nameEn: string; from: number | null; to: number | null }[];
  /** Cells left empty whose stored value stays (empty cells never clear a value). */
  keptValues: { code: string; nameZh: string; nameEn: string; value: number }[];
  errors: ImportCellError[];
  /** Status of the school's report for the year before the import. */
  currentStatus: ReportProgress | null;
}

/** Accepts 教职工总数（人）, 教职工总数, or the code staff_total. */
function matchIndicator(header: string, catalogue: readonly Indicator[]): Indicator | undefined {
  const text = header.trim();
  const bare = text.replace(/[（(][^）)]*[）)]\s*$/, '').trim();
  return catalogue.find((i) => i.code === text || i.nameZh === bare || indicatorHeader(i) === text);
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

function cellNumber(cell: ExcelJS.Cell): number | null | 'invalid' {
  const v = cell.value;
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'object' && 'result' in v && typeof v.result === 'number') return v.result;
  const text = cellText(cell).replace(/[,，\s]/g, '');
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : 'invalid';
}

/**
 * Reads the district's spreadsheet (one row per school, one column per
 * indicator; header = Chinese name or code) and compares it with the stored
 * reports. Schools are matched by 学校代码 when that column exists, else by
 * name, and only within the actor's scope. Nothing is written here.
 */
export async function previewImport(db: Kysely<Database>, actor: Actor, year: number, catalogue: readonly Indicator[], base64: string): Promise<{ rows: ImportRow[]; unknownColumns: string[] }> {
  const workbook = new ExcelJS.Workbook();
  let checked: Buffer;
  try {
    // Sizes, entries and sheet shape are checked before exceljs reads anything.
    checked = checkedXlsx(new Uint8Array(Buffer.from(base64, 'base64')));
  } catch (error) {
    if (error instanceof UploadRefusedError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
  try {
    await workbook.xlsx.load(checked as unknown as ArrayBuffer);
  } catch {
    throw userError('BAD_REQUEST', { zh: '无法读取该文件：请上传 Excel（.xlsx）文件', en: 'This file cannot be read: upload an Excel (.xlsx) file' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount < 2) throw userError('BAD_REQUEST', { zh: '表格为空：第一行应为表头，从第二行起每行一所学校', en: 'The sheet is empty: the first row is the header, then one school per row' });

  const headerRow = sheet.getRow(1);
  const columns: { index: number; header: string; indicator?: Indicator; role?: 'code' | 'name' }[] = [];
  headerRow.eachCell((cell, index) => {
    const header = cellText(cell).trim();
    if (!header) return;
    if (header === SCHOOL_CODE_HEADER) columns.push({ index, header, role: 'code' });
    else if (header === SCHOOL_NAME_HEADER) columns.push({ index, header, role: 'name' });
    else {
      const indicator = matchIndicator(header, catalogue);
      columns.push(indicator ? { index, header, indicator } : { index, header });
    }
  });
  const codeColumn = columns.find((c) => c.role === 'code');
  const nameColumn = columns.find((c) => c.role === 'name');
  if (!codeColumn && !nameColumn) throw userError('BAD_REQUEST', { zh: '表头中找不到“学校代码”或“学校名称”列', en: 'The header has no “学校代码” (school code) or “学校名称” (school name) column' });
  const indicatorColumns = columns.filter((c) => c.indicator);
  if (indicatorColumns.length === 0) throw userError('BAD_REQUEST', { zh: '表头中没有可识别的指标列（应为指标名称或指标代码）', en: 'The header has no indicator column we recognise (indicator names or codes)' });
  const informational = new Set(['片区', '学校类型', '填报状态']);
  const unknownColumns = columns.filter((c) => !c.indicator && !c.role && !informational.has(c.header)).map((c) => c.header);

  const schools = await db
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .leftJoin('reports as r', (join) => join.onRef('r.school_id', '=', 's.id').on('r.year', '=', year))
    .select(['s.id', 'ou.code', 'ou.name', 'r.id as report_id', 'r.status'])
    .select((eb) => eb('s.id', 'in', eb.selectFrom('open_school_years').select('school_id').where('year', '=', year)).as('open'))
    .where('s.id', 'in', schoolIdsInScope(db, actor))
    .execute();
  const reportIds = schools.flatMap((s) => (s.report_id ? [s.report_id] : []));
  const stored = reportIds.length
    ? await db.selectFrom('report_values').select(['report_id', 'indicator_code', 'value']).where('report_id', 'in', reportIds).execute()
    : [];
  const storedByReport = new Map<number, Map<string, number>>();
  for (const v of stored) {
    const map = storedByReport.get(v.report_id) ?? new Map<string, number>();
    map.set(v.indicator_code, v.value);
    storedByReport.set(v.report_id, map);
  }

  const rows: ImportRow[] = [];
  const seen = new Set<number>();
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const code = codeColumn ? cellText(row.getCell(codeColumn.index)).trim() : '';
    const name = nameColumn ? cellText(row.getCell(nameColumn.index)).trim() : '';
    if (!code && !name) return;
    const school = code ? schools.find((s) => s.code === code) : schools.find((s) => s.name === name);
    const errors: ImportCellError[] = [];
    if (!school) errors.push({ column: code ? SCHOOL_CODE_HEADER : SCHOOL_NAME_HEADER, message: localize({ zh: `找不到学校“${code || name}”`, en: `No school “${code || name}”` }) });
    else if (seen.has(school.id)) errors.push({ column: SCHOOL_NAME_HEADER, message: localize({ zh: `${school.name}在表中出现了不止一次`, en: `${school.name} appears more than once in the sheet` }) });
    if (school) seen.add(school.id);

    const values: IndicatorValues = {};
    const emptyCells: Indicator[] = [];
    for (const column of indicatorColumns) {
      const indicator = column.indicator!;
      const parsed = cellNumber(row.getCell(column.index));
      if (parsed === 'invalid') {
        errors.push({ column: column.header, message: localize({ zh: `${indicator.nameZh}必须是数字`, en: `${indicator.nameEn} must be a number` }) });
        continue;
      }
      const checked = indicatorValueSchema(indicator).safeParse(parsed);
      if (!checked.success) errors.push({ column: column.header, message: checked.error.issues[0]?.message ?? localize({ zh: `${indicator.nameZh}无效`, en: `${indicator.nameEn} is not valid` }) });
      else if (parsed === null) emptyCells.push(indicator);
      else values[indicator.code] = parsed;
    }
    const current = school?.report_id ? (storedByReport.get(school.report_id) ?? new Map<string, number>()) : new Map<string, number>();
    // Cross-field rules on the values the report would have after the import.
    const merged: IndicatorValues = { ...Object.fromEntries(current), ...values };
    for (const problem of validateReportValues(merged, catalogue)) {
      const indicator = catalogue.find((i) => `values.${i.code}` === problem.path);
      // Only the rules between fields (plausibility against the staff, cross-field): each value's own problems were reported above.
      const betweenFields = indicator !== undefined && indicatorValueSchema(indicator).safeParse(merged[indicator.code] ?? null).success;
      if (indicator && betweenFields) errors.push({ column: indicatorHeader(indicator), message: problem.message });
    }
    const changes = Object.entries(values)
      .filter(([c, to]) => (current.get(c) ?? null) !== to)
      .map(([c, to]) => {
        const indicator = catalogue.find((i) => i.code === c)!;
        return { code: c, nameZh: indicator.nameZh, nameEn: indicator.nameEn, from: current.get(c) ?? null, to };
      });
    // Empty cells never clear a stored value: they are no change, and the preview says the value stays.
    const keptValues = emptyCells.filter((i) => current.has(i.code)).map((i) => ({ code: i.code, nameZh: i.nameZh, nameEn: i.nameEn, value: current.get(i.code)! }));
    // Only a row that would change something can be refused for its report's state or the school's life span.
    if (changes.length > 0 && school) {
      if (school.status === 'approved' || school.status === 'submitted') {
        errors.push({
          column: '填报状态',
          message: localize({ zh: `该校年报${reportProgressLabels[school.status].zh}，不能通过导入修改`, en: `The school’s report is ${reportProgressLabels[school.status].en.toLowerCase()} and cannot be changed by an import` }),
        });
      }
      if (!school.open) {
        errors.push({ column: SCHOOL_NAME_HEADER, message: localize({ zh: `${school.name}在 ${year} 年度未开办或已停办，不能导入该年度数据`, en: `${school.name} was not open in ${year}; its figures for that year cannot be imported` }) });
      }
    }
    rows.push({
      rowNumber,
      schoolId: school?.id ?? null,
      schoolName: school?.name ?? (name || code),
      values,
      changes,
      keptValues,
      errors,
      currentStatus: school ? (school.status ?? 'not_started') : null,
    });
  });
  return { rows, unknownColumns };
}
