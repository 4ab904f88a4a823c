import { TRPCError } from '@trpc/server';
import mammoth from 'mammoth';
import { decodeTextFile, extractSuggestions, TextFileError, type ExtractionResult, type Indicator } from '@union/domain';

export type NarrativeSource = { kind: 'text'; text: string } | { kind: 'file'; filename: string; base64: string };

const DOCX_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);

/** The text of a pasted summary or an uploaded .txt/.docx, with zh-CN errors for anything else. */
export async function readNarrativeSource(source: NarrativeSource): Promise<string> {
  if (source.kind === 'text') return source.text;
  const bytes = new Uint8Array(Buffer.from(source.base64, 'base64'));
  const lower = source.filename.toLowerCase();
  if (startsWith(bytes, OLE_MAGIC) || lower.endsWith('.doc')) {
    throw new TRPCError({ code: 'BAD_REQUEST', message: '暂不支持旧版 Word（.doc）文件：请在 Word 中“另存为” .docx，或复制文字粘贴。' });
  }
  if (lower.endsWith('.docx') || startsWith(bytes, DOCX_MAGIC)) {
    try {
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      if (!value.trim()) throw new TRPCError({ code: 'BAD_REQUEST', message: '该 Word 文件中没有文字。' });
      return value;
    } catch (error) {
      if (error instanceof TRPCError) throw error;
      throw new TRPCError({ code: 'BAD_REQUEST', message: '无法读取该 Word 文件：文件可能已损坏，请重新保存为 .docx 后再上传。' });
    }
  }
  try {
    return decodeTextFile(bytes).text;
  } catch (error) {
    if (error instanceof TextFileError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message });
    throw error;
  }
}

/** Suggestions for the form from a chair's own 总结, each linked to its sentence. */
export async function extractFromSource(source: NarrativeSource, catalogue: readonly Indicator[]): Promise<ExtractionResult & { text: string }> {
  const text = await readNarrativeSource(source);
  if (!text.trim()) throw new TRPCError({ code: 'BAD_REQUEST', message: '总结内容是空的，请粘贴或上传工会工作总结。' });
  return { text, ...extractSuggestions(text, catalogue) };
}
