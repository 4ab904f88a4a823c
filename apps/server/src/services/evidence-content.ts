import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Sharp } from 'sharp';
import {
  ALLOWED_EVIDENCE_TEXT,
  EVIDENCE_LIMITS,
  evidenceFileKinds,
  evidenceNameRefusal,
  evidenceSizeRefusal,
  extensionOf,
  isEvidenceMime,
  localize,
  type EvidenceFileKind,
  type EvidenceMime,
  type Localized,
} from '@union/domain';

/** A file refused for what it is (type, size, unreadable); the message names the file. */
export class EvidenceRefusedError extends Error {
  constructor(readonly text: Localized) {
    super(text.zh);
    this.name = 'EvidenceRefusedError';
  }
}

/** What is stored: the bytes as kept (photos re-encoded), with what was learnt from them. */
export interface ProcessedEvidence {
  filename: string;
  mime: string;
  kind: EvidenceFileKind;
  content: Buffer;
  sha256: string;
  width: number | null;
  height: number | null;
  thumbnail: Buffer | null;
  thumbnailMime: string | null;
}

// Names for what the bytes turned out to be, for the mismatch message.
const detectedLabels: Record<string, Localized> = {
  exe: { zh: 'Windows 可执行程序', en: 'a Windows program' },
  elf: { zh: 'Linux 可执行程序', en: 'a Linux program' },
  zip: { zh: 'ZIP 压缩包', en: 'a ZIP archive' },
  rar: { zh: 'RAR 压缩包', en: 'a RAR archive' },
  '7z': { zh: '7z 压缩包', en: 'a 7z archive' },
  doc: { zh: '旧版 Word（.doc）文档', en: 'an old Word (.doc) document' },
  xls: { zh: '旧版 Excel（.xls）表格', en: 'an old Excel (.xls) sheet' },
  cfb: { zh: '旧版 Office 文档（.doc/.xls）', en: 'an old Office document (.doc/.xls)' },
  pptx: { zh: 'PowerPoint 演示文稿', en: 'a PowerPoint presentation' },
  mp4: { zh: '视频', en: 'a video' },
  mov: { zh: '视频', en: 'a video' },
  gif: { zh: 'GIF 动图', en: 'a GIF animation' },
};
const kindLabels: Record<EvidenceFileKind, Localized> = {
  photo: { zh: '照片', en: 'a photo' },
  pdf: { zh: 'PDF 文件', en: 'a PDF file' },
  word: { zh: 'Word 文档', en: 'a Word document' },
  excel: { zh: 'Excel 表格', en: 'an Excel sheet' },
};

const refuse = (text: Localized): never => {
  throw new EvidenceRefusedError(text);
};

/** The stored photo format for each accepted photo type: HEIC becomes JPEG, which every browser shows. */
const photoOutput: Record<string, { mime: string; ext: string }> = {
  'image/jpeg': { mime: 'image/jpeg', ext: 'jpg' },
  'image/heic': { mime: 'image/jpeg', ext: 'jpg' },
  'image/heif': { mime: 'image/jpeg', ext: 'jpg' },
  'image/png': { mime: 'image/png', ext: 'png' },
  'image/webp': { mime: 'image/webp', ext: 'webp' },
};

// A 10 MB PNG can claim 30,000 × 30,000 pixels; no phone photo has more than ~50 MP.
const MAX_INPUT_PIXELS = 100_000_000;

/**
 * Downscaled to the long edge, turned upright by its EXIF orientation and
 * re-encoded: sharp writes no metadata unless asked, so EXIF (GPS position,
 * camera serial) and XMP are gone from what is stored.
 */
async function processPhoto(bytes: Buffer, filename: string, mime: string): Promise<Omit<ProcessedEvidence, 'filename' | 'kind' | 'sha256'>> {
  const output = photoOutput[mime]!;
  let pipeline: Sharp;
  try {
    pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: EVIDENCE_LIMITS.photoLongEdge, height: EVIDENCE_LIMITS.photoLongEdge, fit: 'inside', withoutEnlargement: true });
    pipeline = output.mime === 'image/jpeg' ? pipeline.jpeg({ quality: 82, mozjpeg: true }) : output.mime === 'image/png' ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 82 });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    const thumbnail = await sharp(data)
      .resize({ width: EVIDENCE_LIMITS.thumbnailLongEdge, height: EVIDENCE_LIMITS.thumbnailLongEdge, fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 70 })
      .toBuffer();
    return { mime: output.mime, content: data, width: info.width, height: info.height, thumbnail, thumbnailMime: 'image/webp' };
  } catch {
    if (mime === 'image/heic' || mime === 'image/heif') {
      // The registry's sharp build reads AVIF but not HEVC-coded HEIC (patents); browsers convert on upload.
      return refuse({
        zh: `照片「${filename}」是 HEIC 格式，暂不能读取：请在 iPhone「设置 → 相机 → 格式」中选择「兼容性最佳」后重拍，或先转成 JPEG 再上传`,
        en: `The photo “${filename}” is HEIC, which cannot be read yet: choose “Most Compatible” under Settings → Camera → Formats, or convert it to JPEG first`,
      });
    }
    return refuse({ zh: `照片「${filename}」无法读取：文件可能已损坏或像素过多，请重新导出后再上传`, en: `The photo “${filename}” cannot be read: it may be damaged or too large; export it again and upload it` });
  }
}

/** The name as stored: its extension follows the stored format (IMG_1.HEIC → IMG_1.jpg), or is added. */
function storedName(filename: string, ext: string): string {
  const current = extensionOf(filename);
  if (current === ext || (ext === 'jpg' && current === 'jpeg')) return filename;
  const base = current ? filename.slice(0, -(current.length + 1)) : filename;
  return `${base || 'file'}.${ext}`;
}

/**
 * Checks an upload by its bytes (never its name or the browser's type) and
 * prepares what is stored. Refusals name the file in Chinese (and English).
 */
export async function processEvidence(filename: string, bytes: Buffer): Promise<ProcessedEvidence> {
  const tooBig = evidenceSizeRefusal(filename, bytes.length);
  if (tooBig) refuse(tooBig);
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !isEvidenceMime(detected.mime)) {
    const label = detected ? (detectedLabels[detected.ext] ?? { zh: `.${detected.ext} 文件`, en: `a .${detected.ext} file` }) : { zh: '无法识别的内容（如文本、网页或程序）', en: 'unrecognised content (such as text, a web page or a program)' };
    const ext = extensionOf(filename);
    return refuse({
      zh: `文件「${filename}」${ext ? `的扩展名是 .${ext}，内容却是` : '的内容是'}${label.zh}，不能上传。${ALLOWED_EVIDENCE_TEXT.zh}`,
      en: `The file “${filename}” ${ext ? `is named .${ext}, but its content is` : 'contains'} ${label.en} and cannot be uploaded. ${ALLOWED_EVIDENCE_TEXT.en}`,
    });
  }
  const mime: EvidenceMime = detected.mime;
  const { kind } = evidenceFileKinds[mime];
  const mismatch = evidenceNameRefusal(filename, mime, kindLabels[kind]);
  if (mismatch) refuse(mismatch);
  const processed =
    kind === 'photo'
      ? await processPhoto(bytes, filename, mime)
      : { mime, content: bytes, width: null, height: null, thumbnail: null, thumbnailMime: null };
  return {
    ...processed,
    filename: storedName(filename, kind === 'photo' ? photoOutput[mime]!.ext : evidenceFileKinds[mime].extensions[0]),
    kind,
    sha256: createHash('sha256').update(processed.content).digest('hex'),
  };
}

/** The message of a refusal in the caller's locale. */
export const refusalText = (error: EvidenceRefusedError): string => localize(error.text);
