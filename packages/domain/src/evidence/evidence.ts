import { z } from 'zod';
import { zodMessage, type Localized } from '../i18n/locale';
import { narrativeSections } from '../report/report';
import { idSchema, safeText } from '../validation/safe-input';

/**
 * Evidence (佐证材料): files a chair attaches to a report section or a rubric
 * item. The limits are set well above what a school needs for one report: a
 * phone photo is 2–8 MB before and ~0.3–0.8 MB after downscaling, a scanned
 * PDF of a 台账 a few MB.
 */
const MB = 1024 * 1024;
export const EVIDENCE_LIMITS = {
  /** One file as uploaded, before any processing. */
  maxFileBytes: 10 * MB,
  /** Files attached to one section or one rubric item. */
  maxFilesPerTarget: 20,
  /** Files of one report, all targets together. */
  maxFilesPerReport: 200,
  /** Stored bytes of one report (after photos were downscaled). */
  maxReportBytes: 100 * MB,
  /** Photos are stored with their long edge at most this many pixels… */
  photoLongEdge: 2000,
  /** …and get a thumbnail of this long edge. */
  thumbnailLongEdge: 320,
} as const;

/** Base64 of the largest file, plus padding. */
export const EVIDENCE_MAX_BASE64_CHARS = Math.ceil(EVIDENCE_LIMITS.maxFileBytes / 3) * 4;

export const evidenceTargetKinds = ['rubric_item', 'section'] as const;
export type EvidenceTargetKind = (typeof evidenceTargetKinds)[number];

/** Section keys are the narrative sections; rubric item keys are the rubric's item ids. */
const TARGET_KEY = /^[A-Za-z0-9_.-]{1,80}$/;

export const evidenceTargetSchema = z
  .object({
    kind: z.enum(evidenceTargetKinds, { error: zodMessage(() => ({ zh: '应为评分项或总结部分', en: 'must be a rubric item or a report section' })) }),
    key: safeText({ min: 1, max: 80 }).regex(TARGET_KEY, { error: zodMessage(() => ({ zh: '格式无效（只能是字母、数字、_ . -）', en: 'invalid (letters, digits, _ . - only)' })) }),
  })
  .refine((t) => t.kind !== 'section' || (narrativeSections as readonly string[]).includes(t.key), {
    path: ['key'],
    error: zodMessage(() => ({ zh: '不是年报中的总结部分', en: 'is not a section of the report' })),
  });
export type EvidenceTarget = z.infer<typeof evidenceTargetSchema>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const evidenceUploadSchema = z.object({
  reportId: idSchema,
  target: evidenceTargetSchema,
  filename: safeText({ min: 1, max: 200, minMessage: { zh: '请选择文件', en: 'Choose a file' } }),
  base64: safeText({
    asTyped: true,
    min: 1,
    max: EVIDENCE_MAX_BASE64_CHARS,
    minMessage: { zh: '请选择文件', en: 'Choose a file' },
    maxMessage: { zh: '文件太大（每个文件最大 10 MB）', en: 'The file is too large (10 MB at most per file)' },
  }).regex(BASE64, { error: zodMessage(() => ({ zh: '不是有效的文件内容（base64）', en: 'is not valid file content (base64)' })) }),
});
export type EvidenceUpload = z.infer<typeof evidenceUploadSchema>;

/** What an upload is checked against: the files already attached. */
export interface EvidenceUsage {
  filesOnTarget: number;
  filesOnReport: number;
  bytesOnReport: number;
}

const mb = (bytes: number) => (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);

/** Why a file of `bytes` may not be added (before processing), or null. */
export function evidenceSizeRefusal(filename: string, bytes: number): Localized | null {
  if (bytes === 0) return { zh: `文件「${filename}」是空文件`, en: `The file “${filename}” is empty` };
  if (bytes > EVIDENCE_LIMITS.maxFileBytes) {
    return { zh: `文件「${filename}」太大（${mb(bytes)} MB），每个文件最大 10 MB`, en: `The file “${filename}” is too large (${mb(bytes)} MB); 10 MB at most per file` };
  }
  return null;
}

/** Why a stored file of `storedBytes` may not be added given what is attached already, or null. */
export function evidenceQuotaRefusal(usage: EvidenceUsage, storedBytes: number): Localized | null {
  const l = EVIDENCE_LIMITS;
  if (usage.filesOnTarget >= l.maxFilesPerTarget) return { zh: `每项最多附 ${l.maxFilesPerTarget} 个文件，请先删除不需要的文件`, en: `At most ${l.maxFilesPerTarget} files per item; delete some first` };
  if (usage.filesOnReport >= l.maxFilesPerReport) return { zh: `每份年报最多附 ${l.maxFilesPerReport} 个文件`, en: `At most ${l.maxFilesPerReport} files per report` };
  if (usage.bytesOnReport + storedBytes > l.maxReportBytes) {
    return { zh: `本年报的佐证材料已达 ${mb(usage.bytesOnReport)} MB，最多 ${mb(l.maxReportBytes)} MB`, en: `This report’s evidence already takes ${mb(usage.bytesOnReport)} MB; ${mb(l.maxReportBytes)} MB at most` };
  }
  return null;
}

/** The kinds of file accepted, as the bytes say (never the name or the browser's type). */
export const evidenceFileKinds = {
  'image/jpeg': { kind: 'photo', extensions: ['jpg', 'jpeg'] },
  'image/png': { kind: 'photo', extensions: ['png'] },
  'image/webp': { kind: 'photo', extensions: ['webp'] },
  'image/heic': { kind: 'photo', extensions: ['heic', 'heif'] },
  'image/heif': { kind: 'photo', extensions: ['heic', 'heif'] },
  'application/pdf': { kind: 'pdf', extensions: ['pdf'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { kind: 'word', extensions: ['docx'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { kind: 'excel', extensions: ['xlsx'] },
} as const satisfies Record<string, { kind: string; extensions: readonly string[] }>;
export type EvidenceMime = keyof typeof evidenceFileKinds;
export type EvidenceFileKind = (typeof evidenceFileKinds)[EvidenceMime]['kind'];

export const isEvidenceMime = (mime: string): mime is EvidenceMime => Object.hasOwn(evidenceFileKinds, mime);

const photoExtensions = new Set(['jpg', 'jpeg', 'png', 'webp', 'heic', 'heif']);

/** The lower-case extension of a file name, or '' when it has none. */
export function extensionOf(filename: string): string {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(filename);
  return match ? match[1]!.toLowerCase() : '';
}

export const ALLOWED_EVIDENCE_TEXT: Localized = { zh: '只能上传照片（JPEG、PNG、WebP）、PDF、Word（.docx）或 Excel（.xlsx）文件', en: 'Only photos (JPEG, PNG, WebP), PDF, Word (.docx) or Excel (.xlsx) files can be uploaded' };

/**
 * Whether the name fits what the bytes are. A photo may carry any photo
 * extension (phones name PNG screenshots .jpg); a document must carry its own;
 * a name without an extension is given the detected one later.
 */
export function evidenceNameRefusal(filename: string, mime: EvidenceMime, detected: Localized): Localized | null {
  const ext = extensionOf(filename);
  if (ext === '') return null;
  const { kind, extensions } = evidenceFileKinds[mime];
  if (kind === 'photo' ? photoExtensions.has(ext) : (extensions as readonly string[]).includes(ext)) return null;
  return {
    zh: `文件「${filename}」的内容与扩展名不符：扩展名是 .${ext}，内容却是${detected.zh}，不能上传`,
    en: `The content of “${filename}” does not match its extension: the name says .${ext}, but the content is ${detected.en}`,
  };
}
