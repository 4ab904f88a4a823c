// Formula injection: text a user typed (a school's name, a rubric item's title)
// that starts like a formula (= + - @, or a tab / carriage return before one)
// must reach every exported workbook as a plain text cell, never a formula
// that Excel or WPS would run when the file is opened.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { defaultRubric } from '@union/domain';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';

const createCaller = createCallerFactory(appRouter);

const hostileNames = ['=HYPERLINK("http://x","a")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1'];

interface CellSeen {
  sheet: string;
  address: string;
  type: ExcelJS.ValueType;
  formula: string | undefined;
  text: string;
}

async function cellsOf(base64: string): Promise<CellSeen[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  const cells: CellSeen[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells.push({ sheet: sheet.name, address: cell.address, type: cell.type, formula: cell.formula || undefined, text: typeof cell.value === 'string' ? cell.value : '' });
      }),
    );
  }
  return cells;
}

describe.each(testEngines())('[%s] exported workbooks write user text as text, never as formulas', (engine) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof createCaller>;
  let viewer: ReturnType<typeof createCaller>;
  let schoolIds: number[];
  const year = 2025;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    viewer = createCaller(createDirectContext(t.db, await actorFor(t.db, 'viewer')));
    // Straight into the database: whatever the input schemas allow today, stored text is what exports read.
    const schools = await t.db.selectFrom('schools').select('id').orderBy('id').limit(hostileNames.length).execute();
    schoolIds = schools.map((s) => s.id);
    for (const [i, id] of schoolIds.entries()) await t.db.updateTable('org_units').set({ name: hostileNames[i]! }).where('id', '=', id).execute();
    // Rubric item titles reach the profile export's 查漏补缺 sheet (of the latest scored year).
    const rubric = { ...defaultRubric, items: defaultRubric.items.map((item) => ({ ...item, titleZh: `=${item.titleZh}` })) };
    for (const { year: each } of await admin.reports.years()) await admin.rubric.save({ year: each, rubric });
  });
  afterAll(async () => {
    await t.close();
  });

  /** No formula anywhere, and each hostile name present as a string cell, exactly as stored. */
  function expectTextOnly(cells: CellSeen[], names: readonly string[]) {
    expect(cells.filter((c) => c.formula !== undefined || c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    for (const name of names) {
      // XML turns a carriage return into a line feed when the file is read back.
      const found = cells.filter((c) => c.text === name.replace(/\r/g, '\n'));
      expect(found.length, `cell with ${JSON.stringify(name)}`).toBeGreaterThan(0);
      expect(found.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    }
  }

  it('the check itself sees a formula cell when there is one', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('x').addRow([{ formula: 'HYPERLINK("http://x","a")' }, '=1+1']);
    const base64 = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer).toString('base64');
    expect((await cellsOf(base64)).map((c) => [c.type, c.formula])).toEqual([
      [ExcelJS.ValueType.Formula, 'HYPERLINK("http://x","a")'],
      [ExcelJS.ValueType.String, undefined],
    ]);
  });

  it('excel.exportYear: a school named =HYPERLINK("http://x","a") (and + - @ tab CR) is a plain string cell', async () => {
    const cells = await cellsOf((await admin.excel.exportYear({ year })).base64);
    expectTextOnly(cells, hostileNames);
    expect(cells.find((c) => c.text === '=HYPERLINK("http://x","a")')).toMatchObject({ sheet: `${year}年度年报`, type: ExcelJS.ValueType.String, formula: undefined });
  });

  it('excel.exportComparison (viewer): school names stay text', async () => {
    expectTextOnly(await cellsOf((await viewer.excel.exportComparison({ year, codes: ['sick_visits', 'staff_total'] })).base64), hostileNames);
  });

  it('excel.exportSchoolHistory and exportSchoolProfile: no formula, rubric titles starting with = stay text', async () => {
    let gapsSeen = 0;
    for (const schoolId of schoolIds) {
      expectTextOnly(await cellsOf((await admin.excel.exportSchoolHistory({ schoolId })).base64), []);
      const profile = await cellsOf((await admin.excel.exportSchoolProfile({ schoolId })).base64);
      expectTextOnly(profile, []);
      const gapTitles = profile.filter((c) => c.sheet === '查漏补缺' && c.address.startsWith('A') && c.address !== 'A1');
      expect(gapTitles.every((c) => c.type === ExcelJS.ValueType.String && c.text.startsWith('='))).toBe(true);
      gapsSeen += gapTitles.length;
    }
    expect(gapsSeen).toBeGreaterThan(0);
  });
});
