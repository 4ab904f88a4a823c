// Decoding an uploaded or pasted 总结 and extracting its figures: the
// CPU-heavy part of narratives.extract, run in a worker thread
// (extraction-pool.ts). Refusals are UploadRefusedError / TextFileError with
// zh-CN messages; nothing here knows about tRPC.
import mammoth from 'mammoth';
import { decodeTextFile, extractSuggestions, type ExtractionResult, type Indicator, localize } from '@union/domain';
import { checkedDocx, refuseLongText } from '../services/upload-limits';
import { UploadRefusedError } from '../services/zip-guard';

export type NarrativeSource = { kind: 'text'; text: string } | { kind: 'file'; filename: string; base64: string };

const DOCX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** The text of a pasted summary or an uploaded .txt/.docx, refused when too long or not readable. */
export async function readNarrativeSource(source: NarrativeSource): Promise<string> {
  if (source.kind === 'text') return refuseLongText(source.text, { zh: '总结', en: 'The summary' });
  const bytes = new Uint8Array(Buffer.from(source.base64, 'base64'));
  const lower = source.filename.toLowerCase();
  if (startsWith(bytes, OLE_MAGIC) || lower.endsWith('.doc')) {
    throw new UploadRefusedError(localize({ zh: '暂不支持旧版 Word（.doc）文件：请在 Word 中“另存为” .docx，或复制文字粘贴。', en: 'Old Word (.doc) files are not supported: use “Save as” .docx in Word, or copy and paste the text.' }));
  }
  if (lower.endsWith('.docx') || startsWith(bytes, DOCX_MAGIC)) {
    // Throws before mammoth runs when the archive is too big inside.
    const checked = checkedDocx(bytes);
    let value: string;
    try {
      ({ value } = await mammoth.extractRawText({ buffer: checked }));
    } catch {
      throw new UploadRefusedError(localize({ zh: '无法读取该 Word 文件：文件可能已损坏，请重新保存为 .docx 后再上传。', en: 'This Word file cannot be read: it may be damaged. Save it again as .docx and upload it.' }));
    }
    if (!value.trim()) throw new UploadRefusedError(localize({ zh: '该 Word 文件中没有文字。', en: 'This Word file has no text.' }));
    return refuseLongText(value, { zh: '该 Word 文件中的文字', en: 'The text of this Word file' });
  }
  return refuseLongText(decodeTextFile(bytes).text, { zh: '该文本文件', en: 'This text file' });
}

/** Suggestions for the form from a chair's own 总结, each linked to its sentence. */
export async function extractNarrative(source: NarrativeSource, catalogue: readonly Indicator[]): Promise<ExtractionResult & { text: string }> {
  const text = await readNarrativeSource(source);
  if (!text.trim()) throw new UploadRefusedError(localize({ zh: '总结内容是空的，请粘贴或上传工会工作总结。', en: 'The summary is empty; paste or upload the union work summary.' }));
  return { text, ...extractSuggestions(text, catalogue) };
}
