import { describe, expect, it } from 'vitest';
import { EVIDENCE_LIMITS, evidenceNameRefusal, evidenceQuotaRefusal, evidenceSizeRefusal, evidenceTargetSchema, evidenceUploadSchema, extensionOf } from './evidence';

const MB = 1024 * 1024;
const none = { filesOnTarget: 0, filesOnReport: 0, bytesOnReport: 0 };

describe('evidence limits', () => {
  it('accepts a file up to 10 MB and refuses an empty or larger one, naming the file', () => {
    expect(evidenceSizeRefusal('a.jpg', 10 * MB)).toBeNull();
    expect(evidenceSizeRefusal('a.jpg', 0)?.zh).toBe('文件「a.jpg」是空文件');
    expect(evidenceSizeRefusal('活动照片.jpg', 10 * MB + 1)?.zh).toBe('文件「活动照片.jpg」太大（10 MB），每个文件最大 10 MB');
  });

  it('counts files per target and per report, and stored bytes per report', () => {
    expect(evidenceQuotaRefusal({ ...none, filesOnTarget: EVIDENCE_LIMITS.maxFilesPerTarget - 1 }, 1)).toBeNull();
    expect(evidenceQuotaRefusal({ ...none, filesOnTarget: EVIDENCE_LIMITS.maxFilesPerTarget }, 1)?.zh).toMatch(/^每项最多附 20 个文件/);
    expect(evidenceQuotaRefusal({ ...none, filesOnReport: EVIDENCE_LIMITS.maxFilesPerReport }, 1)?.zh).toBe('每份年报最多附 200 个文件');
    expect(evidenceQuotaRefusal({ ...none, bytesOnReport: 99 * MB }, MB)).toBeNull();
    expect(evidenceQuotaRefusal({ ...none, bytesOnReport: 99 * MB }, MB + 1)?.zh).toBe('本年报的佐证材料已达 99 MB，最多 100 MB');
  });
});

describe('evidence file names', () => {
  it('lets a photo carry any photo extension, a document only its own', () => {
    const exe = { zh: 'Windows 程序', en: 'a Windows program' };
    expect(evidenceNameRefusal('IMG_0001.JPG', 'image/png', exe)).toBeNull();
    expect(evidenceNameRefusal('照片', 'image/jpeg', exe)).toBeNull();
    expect(evidenceNameRefusal('台账.pdf', 'application/pdf', exe)).toBeNull();
    expect(evidenceNameRefusal('台账.pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', { zh: 'Word 文档', en: 'a Word document' })?.zh).toBe(
      '文件「台账.pdf」的内容与扩展名不符：扩展名是 .pdf，内容却是Word 文档，不能上传',
    );
    expect(evidenceNameRefusal('photo.docx', 'image/jpeg', { zh: '照片', en: 'a photo' })).not.toBeNull();
    expect(extensionOf('a.tar.GZ')).toBe('gz');
    expect(extensionOf('没有扩展名')).toBe('');
  });
});

describe('evidence inputs', () => {
  it('takes only the narrative sections as section keys, and rubric item ids of a safe shape', () => {
    expect(evidenceTargetSchema.safeParse({ kind: 'section', key: 'achievements' }).success).toBe(true);
    expect(evidenceTargetSchema.safeParse({ kind: 'section', key: 'other' }).success).toBe(false);
    expect(evidenceTargetSchema.safeParse({ kind: 'rubric_item', key: 'ledger-1' }).success).toBe(true);
    expect(evidenceTargetSchema.safeParse({ kind: 'rubric_item', key: '../x y' }).success).toBe(false);
  });

  it('refuses content that is not base64', () => {
    const ok = { reportId: 1, target: { kind: 'section', key: 'plans' }, filename: 'a.pdf', base64: 'JVBERi0=' };
    expect(evidenceUploadSchema.safeParse(ok).success).toBe(true);
    expect(evidenceUploadSchema.safeParse({ ...ok, base64: '<html>' }).success).toBe(false);
  });
});
