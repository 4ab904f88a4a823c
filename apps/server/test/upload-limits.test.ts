import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { closeExtractionPool } from '../src/extraction/extraction-pool';
import { appRouter } from '../src/routers/index';
import { SHEET_LIMITS } from '../src/services/upload-limits';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';
import { realDocx, realXlsx, toBase64, withBomb } from './upload-bombs';

const createCaller = createCallerFactory(appRouter);
const MB = 1024 * 1024;

/** Peak growth of this process's resident memory while `work` runs (the extraction workers are threads of it). */
async function peakRssGrowth(work: () => Promise<unknown>): Promise<number> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return Math.max(peak, process.memoryUsage().rss) - before;
}

describe.each(testEngines())('[%s] uploads that would cost everyone: refused before parsing', (engine) => {
  let t: TestDatabase;
  let chair: ReturnType<typeof createCaller>;
  let admin: ReturnType<typeof createCaller>;
  let docx: Uint8Array;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    chair = createCaller(createDirectContext(t.db, await actorFor(t.db, 'chair01')));
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    docx = await realDocx(['全年慰问生病住院教职工12人次，支出慰问金3600元。']);
  });
  afterAll(async () => {
    await closeExtractionPool();
    await t.close();
  });

  const extractFile = (filename: string, bytes: Uint8Array) => chair.narratives.extract({ year: 2026, source: { kind: 'file', filename, base64: toBase64(bytes) } });

  it('refuses a .docx whose document.xml inflates to 100 MB, without inflating it', async () => {
    const bomb = withBomb(docx, 'word/document.xml', 100);
    expect(bomb.length).toBeLessThan(1 * MB);
    let error: Awaited<ReturnType<typeof errorOf>> | undefined;
    const growth = await peakRssGrowth(async () => (error = await errorOf(extractFile('总结.docx', bomb))));
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(error!.message).toMatch(/该 Word 文件中的“word\/document.xml”解压后过大（超过 8 MB）/);
    expect(growth).toBeLessThan(100 * MB);
  });

  it('refuses a .docx whose headers lie about the size, stopping while inflating', async () => {
    const bomb = withBomb(docx, 'word/document.xml', 100, true);
    let error: Awaited<ReturnType<typeof errorOf>> | undefined;
    const growth = await peakRssGrowth(async () => (error = await errorOf(extractFile('总结.docx', bomb))));
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect(error!.message).toContain('解压后过大');
    expect(growth).toBeLessThan(100 * MB);
  });

  it('still reads a real .docx, and refuses one with more than 200,000 characters of text', async () => {
    expect((await extractFile('总结.docx', docx)).suggestions.find((s) => s.indicatorCode === 'sick_visits')?.value).toBe(12);
    const long = await realDocx(Array.from({ length: 220 }, () => '工会组织教职工开展活动。'.repeat(80)));
    const error = await errorOf(extractFile('总结.docx', long));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/该 Word 文件中的文字太长.*最多 20 万字/);
  });

  it('refuses a 5 MB .txt like a 5 MB paste (the limit is 200,000 characters)', async () => {
    const text = '全年慰问生病住院教职工12人次，支出慰问金3600元。'.repeat(200_000).slice(0, 5 * MB / 3);
    const error = await errorOf(extractFile('总结.txt', new TextEncoder().encode(text)));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/该文本文件太长.*最多 20 万字/);
  });

  it('refuses an .xlsx with too many rows, a far-away cell, or too many columns, in Chinese', async () => {
    const many = await realXlsx((sheet) => {
      sheet.addRow(['学校代码', '教职工总数']);
      for (let i = 0; i < SHEET_LIMITS.maxRows + 10; i += 1) sheet.addRow([`S${i}`, 1]);
    });
    const rows = await errorOf(admin.excel.previewImport({ year: 2026, file: toBase64(many) }));
    expect(rows.code).toBe('BAD_REQUEST');
    expect(rows.message).toBe(`工作表行数超过上限（最多 ${SHEET_LIMITS.maxRows} 行）。`);

    const far = await realXlsx((sheet) => {
      sheet.addRow(['学校代码', '教职工总数']);
      sheet.getRow(1_000_000).getCell(1).value = 'S01';
    });
    expect((await errorOf(admin.excel.previewImport({ year: 2026, file: toBase64(far) }))).message).toContain('工作表行数超过上限');

    const wide = await realXlsx((sheet) => {
      sheet.getRow(1).getCell(SHEET_LIMITS.maxColumns + 1).value = '教职工总数';
    });
    expect((await errorOf(admin.excel.previewImport({ year: 2026, file: toBase64(wide) }))).message).toBe(`工作表列数超过上限（最多 ${SHEET_LIMITS.maxColumns} 列）。`);
  });

  it('refuses an .xlsx whose sheet inflates to 100 MB, honest or lying headers, without the memory', async () => {
    const xlsx = await realXlsx((sheet) => sheet.addRow(['学校代码', '教职工总数']));
    for (const lie of [false, true]) {
      const bomb = withBomb(xlsx, 'xl/worksheets/sheet1.xml', 100, lie);
      let error: Awaited<ReturnType<typeof errorOf>> | undefined;
      const growth = await peakRssGrowth(async () => (error = await errorOf(admin.excel.previewImport({ year: 2026, file: toBase64(bomb) }))));
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      expect(error!.message).toContain('该 Excel 文件中的“xl/worksheets/sheet1.xml”解压后过大');
      expect(growth).toBeLessThan(100 * MB);
    }
  });
});
