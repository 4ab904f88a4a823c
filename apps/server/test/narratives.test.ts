import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);

const summary = '一年来，校工会坚持送温暖。全年慰问生病住院教职工12人次，支出慰问金3600元。明年计划投资十万元改造教工之家。';
// The first sentence above, saved as GBK by an older Chinese Windows Notepad.
const gbkSentence = 'c8abc4eacebfcecac9fab2a1d7a1d4babdccd6b0b9a43132c8cbb4cea3acd6a7b3f6cebfcecabdf033363030d4aaa1a3';

describe.each(testEngines())('[%s] narratives: pre-fill from a summary, and search', (engine) => {
  let t: TestDatabase;
  let chair: ReturnType<typeof createCaller>;
  let viewer: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    chair = createCaller(createDirectContext(t.db, await actorFor(t.db, 'chair01')));
    viewer = createCaller(createDirectContext(t.db, await actorFor(t.db, 'viewer')));
  });
  afterAll(async () => {
    await t.close();
  });

  it('suggests values from pasted text, each with the sentence it came from, and marks plans', async () => {
    const result = await chair.narratives.extract({ year: 2026, source: { kind: 'text', text: summary } });
    const byCode = Object.fromEntries(result.suggestions.map((s) => [s.indicatorCode, s]));
    expect(byCode.sick_visits).toMatchObject({ value: 12, isPlan: false });
    expect(byCode.sick_visit_amount).toMatchObject({ value: 3600, isPlan: false });
    const sick = byCode.sick_visits!;
    expect(summary.slice(sick.evidence.start, sick.evidence.end)).toContain('12人次');
    const plan = result.suggestions.find((s) => s.value === 100000);
    expect(plan?.isPlan).toBe(true);
  });

  it('reads .txt in GBK and .docx files', async () => {
    const fromGbk = await chair.narratives.extract({ year: 2026, source: { kind: 'file', filename: '总结.txt', base64: Buffer.from(gbkSentence, 'hex').toString('base64') } });
    expect(fromGbk.text).toBe('全年慰问生病住院教职工12人次，支出慰问金3600元。');
    expect(fromGbk.suggestions.find((s) => s.indicatorCode === 'sick_visits')?.value).toBe(12);

    const doc = new Document({ sections: [{ children: summary.split('。').filter(Boolean).map((s) => new Paragraph(`${s}。`)) }] });
    const docx = await Packer.toBuffer(doc);
    const fromDocx = await chair.narratives.extract({ year: 2026, source: { kind: 'file', filename: '2026年工会工作总结.docx', base64: Buffer.from(docx).toString('base64') } });
    expect(fromDocx.text).toContain('全年慰问生病住院教职工12人次');
    expect(fromDocx.suggestions.find((s) => s.indicatorCode === 'sick_visit_amount')?.value).toBe(3600);
  });

  it('refuses unreadable files with clear Chinese messages', async () => {
    const oldWord = await errorOf(chair.narratives.extract({ year: 2026, source: { kind: 'file', filename: '总结.doc', base64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]).toString('base64') } }));
    expect(oldWord.message).toContain('暂不支持旧版 Word（.doc）文件');
    const brokenDocx = await errorOf(chair.narratives.extract({ year: 2026, source: { kind: 'file', filename: '总结.docx', base64: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]).toString('base64') } }));
    expect(brokenDocx.message).toContain('无法读取该 Word 文件');
    const pdf = await errorOf(chair.narratives.extract({ year: 2026, source: { kind: 'file', filename: '总结.txt', base64: Buffer.from('%PDF-1.7 …').toString('base64') } }));
    expect(pdf.message).toContain('暂不支持 PDF 文件');
    const empty = await errorOf(chair.narratives.extract({ year: 2026, source: { kind: 'text', text: '   ' } }));
    expect(empty.code).toBe('BAD_REQUEST');
  });

  it('finds good practice across schools with the matching sentence marked', async () => {
    const hits = await viewer.narratives.search({ query: '送温暖' });
    expect(hits.length).toBeGreaterThan(5);
    for (const hit of hits.slice(0, 10)) expect(hit.sentence.slice(hit.matchStart, hit.matchEnd)).toBe('送温暖');
    const schools = new Set(hits.map((h) => h.schoolId));
    expect(schools.size).toBeGreaterThan(3);
    const in2025 = await viewer.narratives.search({ query: '送温暖', year: 2025 });
    expect(in2025.every((h) => h.year === 2025)).toBe(true);
    expect(await viewer.narratives.search({ query: '不存在的说法xyz' })).toEqual([]);
  });

  it('searches honours too, and requires every word', async () => {
    const hits = await viewer.narratives.search({ query: '模范职工之家' });
    expect(hits.some((h) => h.source === 'honour')).toBe(true);
    const both = await viewer.narratives.search({ query: '送温暖 师德' });
    expect(both.length).toBeGreaterThan(0);
    expect((await errorOf(chair.narratives.search({ query: '送温暖' }))).code).toBe('FORBIDDEN');
  });
});
