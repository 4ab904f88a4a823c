import { createHash } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { EVIDENCE_LIMITS } from '@union/domain';
import { createAppServer } from '../src/http/app-server';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory, type ErrorData } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;
const year = 2026;
const section = { kind: 'section', key: 'achievements' } as const;
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const fieldErrorsOf = (error: { cause?: unknown }) => (error.cause as { fieldErrors?: ErrorData['fieldErrors'] } | undefined)?.fieldErrors ?? [];

/** A phone photo lying on its side (EXIF orientation 6) that says where it was taken. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 1500, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'CAMERA-OWNER-MARKER' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 12/1 0/1', GPSMapDatum: 'WGS-84-GPS-MARKER' } })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const tinyPdf = () => Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const docx = async () => Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('工会活动签到表')] }] }));
async function xlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('台账').addRow(['活动', '人次']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(testEngines())('[%s] evidence files', (engine) => {
  let t: TestDatabase;
  let chair: Caller; // chair04: S04, a draft in 2026
  let otherChair: Caller; // chair06: S06, another school's draft
  let viewer: Caller;
  let reportId: number;
  let otherReportId: number;
  let submittedReportId: number;
  let server: Server;
  let base: string;
  const as = async (username: string) => createCaller(createDirectContext(t.db, await actorFor(t.db, username)));
  const reportOf = async (username: string) => {
    const actor = await actorFor(t.db, username);
    return (await t.db.selectFrom('reports').select('id').where('school_id', '=', actor.schoolId!).where('year', '=', year).executeTakeFirstOrThrow()).id;
  };
  const upload = (caller: Caller, filename: string, bytes: Uint8Array, target: { kind: 'section' | 'rubric_item'; key: string } = section, id = reportId) =>
    caller.evidence.upload({ reportId: id, target, filename, base64: b64(bytes) });
  const storedRow = (id: number) => t.db.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    chair = await as('chair04');
    otherChair = await as('chair06');
    viewer = await as('viewer');
    reportId = await reportOf('chair04');
    otherReportId = await reportOf('chair06');
    submittedReportId = await reportOf('chair02');
    server = createAppServer({ db: t.db, engine: t.engine, webDistDir: '/nonexistent' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  it('stores a phone photo upright, downscaled, without EXIF or GPS, with a thumbnail', async () => {
    const original = await photoWithGps();
    expect(original.includes('WGS-84-GPS-MARKER')).toBe(true);
    const item = await upload(chair, '活动照片.JPG', original);
    expect(item).toMatchObject({ filename: '活动照片.JPG', mime: 'image/jpeg', kind: 'photo', target: section, width: 1000, height: 2000 });
    const row = await storedRow(item.id);
    const stored = Buffer.from(row.content);
    expect(row.sha256).toBe(sha256(stored));
    expect(row.byte_size).toBe(stored.length);
    const meta = await sharp(stored).metadata();
    expect({ w: meta.width, h: meta.height, exif: meta.exif, orientation: meta.orientation }).toEqual({ w: 1000, h: 2000, exif: undefined, orientation: undefined });
    expect(stored.includes('WGS-84-GPS-MARKER')).toBe(false);
    expect(stored.includes('CAMERA-OWNER-MARKER')).toBe(false);
    const thumb = await sharp(Buffer.from(row.thumbnail!)).metadata();
    expect({ format: thumb.format, h: thumb.height }).toEqual({ format: 'webp', h: EVIDENCE_LIMITS.thumbnailLongEdge });
  });

  it('accepts PNG, PDF, .docx and .xlsx by their bytes, and lists them for the target', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 4, background: '#fff0' } }).png().toBuffer();
    const target = { kind: 'section', key: 'plans' } as const;
    const items = [
      await upload(chair, '截图.png', png, target),
      await upload(chair, '工会台账.pdf', tinyPdf(), target),
      await upload(chair, '签到表.docx', await docx(), target),
      await upload(chair, '活动统计.xlsx', await xlsx(), target),
    ];
    expect(items.map((i) => [i.kind, i.mime, i.thumbnailUrl !== null])).toEqual([
      ['photo', 'image/png', true],
      ['pdf', 'application/pdf', false],
      ['word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', false],
      ['excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
    ]);
    // Documents are stored as sent.
    expect((await storedRow(items[1]!.id)).sha256).toBe(sha256(tinyPdf()));
    const listed = await chair.evidence.list({ reportId, target });
    expect(listed.map((i) => i.filename)).toEqual(['截图.png', '工会台账.pdf', '签到表.docx', '活动统计.xlsx']);
    expect((await chair.evidence.list({ reportId })).length).toBe(5);
  });

  it('refuses what the bytes are not: an .exe or a web page named .pdf, a Word file named .xlsx, text that is not base64', async () => {
    const before = await t.db.selectFrom('evidence_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const exe = await errorOf(upload(chair, '通知.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512, 1)])));
    expect(exe.code).toBe('BAD_REQUEST');
    expect(fieldErrorsOf(exe)).toEqual([{ path: 'base64', message: expect.stringContaining('文件「通知.pdf」的扩展名是 .pdf，内容却是Windows 可执行程序，不能上传') }]);
    const html = await errorOf(upload(chair, '通知.pdf', Buffer.from('<!doctype html><script>alert(1)</script>')));
    expect(fieldErrorsOf(html)[0]!.message).toMatch(/^文件「通知\.pdf」的扩展名是 \.pdf，内容却是无法识别的内容/);
    const renamed = await errorOf(upload(chair, '统计.xlsx', await docx()));
    expect(fieldErrorsOf(renamed)[0]!.message).toBe('文件「统计.xlsx」的内容与扩展名不符：扩展名是 .xlsx，内容却是Word 文档，不能上传');
    const notBase64 = await errorOf(chair.evidence.upload({ reportId, target: section, filename: 'a.pdf', base64: '<%PDF>' }));
    expect(notBase64.code).toBe('BAD_REQUEST');
    expect(await t.db.selectFrom('evidence_files').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).toEqual(before);
  });

  it('refuses a file over 10 MB and a target that is full', async () => {
    // One byte over: still within the input's base64 length, so the byte count itself refuses it.
    const big = Buffer.concat([tinyPdf(), Buffer.alloc(EVIDENCE_LIMITS.maxFileBytes + 1 - tinyPdf().length)]);
    const tooBig = await errorOf(upload(chair, '扫描件.pdf', big));
    expect(fieldErrorsOf(tooBig)).toEqual([{ path: 'base64', message: '文件「扫描件.pdf」太大（10 MB），每个文件最大 10 MB' }]);
    const wayTooBig = await errorOf(upload(chair, '扫描件.pdf', Buffer.concat([big, Buffer.alloc(1024)])));
    expect(wayTooBig.message).toContain('文件太大（每个文件最大 10 MB）');
    const key = 'full-item';
    const filler = tinyPdf();
    await t.db
      .insertInto('evidence_files')
      .values(Array.from({ length: EVIDENCE_LIMITS.maxFilesPerTarget }, () => ({ report_id: reportId, target_kind: 'rubric_item' as const, target_key: key, original_name: 'x.pdf', mime_type: 'application/pdf', byte_size: filler.length, sha256: sha256(filler), content: filler })))
      .execute();
    const full = await errorOf(upload(chair, '再一个.pdf', tinyPdf(), { kind: 'rubric_item', key }));
    expect(fieldErrorsOf(full)[0]!.message).toMatch(/^每项最多附 20 个文件/);
    await t.db.deleteFrom('evidence_files').where('target_key', '=', key).execute();
  });

  it('keeps a chair to their own school: another school’s report and files answer NOT_FOUND', async () => {
    const mine = await upload(chair, '我的.pdf', tinyPdf());
    expect((await errorOf(upload(otherChair, '别人的.pdf', tinyPdf()))).code).toBe('NOT_FOUND');
    expect((await errorOf(otherChair.evidence.list({ reportId }))).code).toBe('NOT_FOUND');
    expect((await errorOf(otherChair.evidence.delete({ fileId: mine.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(viewer.evidence.delete({ fileId: mine.id }))).code).toBe('FORBIDDEN');
    expect(await otherChair.evidence.list({ reportId: otherReportId })).toEqual([]);
    await storedRow(mine.id);
  });

  it('hides a draft’s files from district viewers; shows a submitted report’s', async () => {
    expect((await errorOf(viewer.evidence.list({ reportId }))).code).toBe('NOT_FOUND');
    const submittedFile = await t.db
      .insertInto('evidence_files')
      .values({ report_id: submittedReportId, target_kind: 'section', target_key: 'plans', original_name: '计划.pdf', mime_type: 'application/pdf', byte_size: tinyPdf().length, sha256: sha256(tinyPdf()), content: tinyPdf() })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await viewer.evidence.list({ reportId: submittedReportId })).map((f) => f.id)).toEqual([submittedFile.id]);
    // A submitted report is not editable: its chair may neither add nor delete.
    const submittedChair = await as('chair02');
    expect((await errorOf(upload(submittedChair, '补充.pdf', tinyPdf(), section, submittedReportId))).message).toBe('报告已提交或已通过，不能再修改');
    expect((await errorOf(submittedChair.evidence.delete({ fileId: submittedFile.id }))).message).toBe('报告已提交或已通过，不能再修改');
  });

  it('deletes the chair’s own file and records both in the audit log', async () => {
    const item = await upload(chair, '删除我.pdf', tinyPdf());
    expect(await chair.evidence.delete({ fileId: item.id })).toEqual({ deleted: item.id });
    expect(await t.db.selectFrom('evidence_files').select('id').where('id', '=', item.id).executeTakeFirst()).toBeUndefined();
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'evidence_file').where('entity_id', '=', String(item.id)).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['evidence_uploaded', 'evidence_deleted']);
  });

  describe('download routes', () => {
    const login = async (username: string) => {
      const res = await fetch(`${base}/trpc/auth.login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      expect(res.status).toBe(200);
      return res.headers.getSetCookie()[0]!.split(';')[0]!;
    };
    const get = (path: string, cookie?: string) => fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} });

    it('serves a photo inline and a document as an attachment, with an RFC 5987 name, nosniff and the stored bytes', async () => {
      const cookie = await login('chair04');
      const photo = (await chair.evidence.list({ reportId, target: section })).find((f) => f.kind === 'photo')!;
      const res = await get(photo.url, cookie);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('content-disposition')).toBe(`inline; filename="????.JPG"; filename*=UTF-8''${encodeURIComponent('活动照片')}.JPG`);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(photo.sha256);
      const thumb = await get(photo.thumbnailUrl!, cookie);
      expect([thumb.status, thumb.headers.get('content-type')]).toEqual([200, 'image/webp']);

      const pdf = (await chair.evidence.list({ reportId, target: { kind: 'section', key: 'plans' } })).find((f) => f.kind === 'pdf')!;
      const doc = await get(pdf.url, cookie);
      expect(doc.headers.get('content-type')).toBe('application/pdf');
      expect(doc.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.pdf"; filename\*=UTF-8''/);
      expect(doc.headers.get('content-security-policy')).toContain('sandbox');
      expect(sha256(new Uint8Array(await doc.arrayBuffer()))).toBe(pdf.sha256);
      expect((await get(`${pdf.url}/thumbnail`, cookie)).status).toBe(404);
    });

    it('takes a 10 MB file over HTTP (base64 in JSON fits the API body limit) and refuses a cross-site form post', async () => {
      const cookie = await login('chair04');
      const pdf = Buffer.concat([tinyPdf(), Buffer.alloc(EVIDENCE_LIMITS.maxFileBytes - tinyPdf().length, 0x20)]);
      const body = JSON.stringify({ reportId, target: { kind: 'rubric_item', key: 'ledger' }, filename: '台账扫描件.pdf', base64: b64(pdf) });
      const res = await fetch(`${base}/trpc/evidence.upload`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body });
      expect(res.status).toBe(200);
      const { result } = (await res.json()) as { result: { data: { sha256: string; byteSize: number } } };
      expect(result.data).toMatchObject({ sha256: sha256(pdf), byteSize: EVIDENCE_LIMITS.maxFileBytes });
      const form = await fetch(`${base}/trpc/evidence.upload`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, origin: 'https://evil.example' }, body: 'a=1' });
      expect(form.status).toBe(415);
    });

    it('answers another school’s chair and a viewer on a draft like a missing file, and anonymous callers 401', async () => {
      const file = (await chair.evidence.list({ reportId }))[0]!;
      const other = await login('chair06');
      const viewerCookie = await login('viewer');
      expect((await get(file.url, other)).status).toBe(404);
      expect((await get(file.thumbnailUrl ?? `${file.url}/thumbnail`, other)).status).toBe(404);
      expect((await get(file.url, viewerCookie)).status).toBe(404);
      expect((await get(file.url)).status).toBe(401);
      expect((await get('/files/evidence/99999999', other)).status).toBe(404);
      expect((await get('/files/evidence/abc', other)).status).toBe(404);
      const post = await fetch(`${base}${file.url}`, { method: 'POST', headers: { cookie: other } });
      expect(post.status).toBe(405);
      const missing = await get(file.url, other);
      expect(await missing.text()).toBe('找不到该佐证材料');
    });
  });
});
