// Bytes of an uploaded .txt → string. Chairs save summaries from Word or
// Notepad as UTF-8 (with or without BOM), UTF-16 ("Unicode") or, on older
// Chinese Windows, GBK/GB18030. Valid UTF-8 is taken first; otherwise GB18030
// (a superset of GBK and GB2312). Pure: TextDecoder only.
import { localize, type Localized } from '../i18n/locale';

export type TextFileErrorCode = 'empty' | 'binary' | 'office_document' | 'pdf' | 'unknown_encoding';

export const textFileErrorTexts: Record<TextFileErrorCode, Localized> = {
  empty: { zh: '文件是空的，没有可以读取的文字。请检查是否选对了文件。', en: 'The file is empty: there is no text to read. Check that you chose the right file.' },
  binary: {
    zh: '这不是文本文件，无法读取其中的文字。请上传 .txt 或 .docx 文件，或直接粘贴总结内容。',
    en: 'This is not a text file, so its text cannot be read. Upload a .txt or .docx file, or paste the summary.',
  },
  office_document: {
    zh: '这是 Word 或压缩格式的文件，不能按纯文本读取。请以 .docx 方式上传，或另存为 .txt 后再上传。',
    en: 'This is a Word or compressed file and cannot be read as plain text. Upload it as .docx, or save it as .txt first.',
  },
  pdf: { zh: '暂不支持 PDF 文件。请从 PDF 中复制文字粘贴，或上传 .docx / .txt 文件。', en: 'PDF files are not supported yet. Copy the text from the PDF and paste it, or upload a .docx / .txt file.' },
  unknown_encoding: {
    zh: '无法识别文件的文字编码（支持 UTF-8 和 GBK/GB18030）。请用记事本另存为 UTF-8 编码后再上传。',
    en: 'The text encoding of the file is not recognised (UTF-8 and GBK/GB18030 are supported). Save it as UTF-8 in Notepad and upload it again.',
  },
};
/** The Chinese texts (the default locale). */
export const textFileErrorMessages: Record<TextFileErrorCode, string> = Object.fromEntries(
  Object.entries(textFileErrorTexts).map(([code, text]) => [code, text.zh]),
) as Record<TextFileErrorCode, string>;

/** Thrown for files that cannot be read as text; `message` is in the caller's locale and can be shown as is. */
export class TextFileError extends Error {
  override readonly name = 'TextFileError';
  constructor(readonly code: TextFileErrorCode) {
    super(localize(textFileErrorTexts[code]));
  }
}

export type DetectedEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedTextFile {
  text: string;
  encoding: DetectedEncoding;
  /** The file started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function tryDecode(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab/newline/form feed mean the bytes were not text. */
function looksBinary(text: string): boolean {
  let control = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0) return true;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || code === 0xfffd) control += 1;
  }
  return control > Math.max(2, text.length * 0.01);
}

/**
 * Decodes the bytes of a plain-text file. Throws `TextFileError` with a zh-CN
 * message for empty, binary (Word, zip, PDF, images) or undecodable input.
 */
export function decodeTextFile(input: Uint8Array | ArrayBuffer): DecodedTextFile {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length === 0) throw new TextFileError('empty');

  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) throw new TextFileError('office_document');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) throw new TextFileError('pdf');

  let decoded: DecodedTextFile;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text === null) throw new TextFileError('unknown_encoding');
    decoded = { text, encoding: 'utf-8', bom: true };
  } else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    const text = tryDecode(encoding, bytes.subarray(2));
    if (text === null) throw new TextFileError('unknown_encoding');
    decoded = { text, encoding, bom: true };
  } else {
    if (bytes.includes(0)) throw new TextFileError('binary');
    const utf8 = tryDecode('utf-8', bytes);
    if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8', bom: false };
    else {
      const gb = tryDecode('gb18030', bytes);
      if (gb === null) throw new TextFileError('unknown_encoding');
      decoded = { text: gb, encoding: 'gb18030', bom: false };
    }
  }
  if (looksBinary(decoded.text)) throw new TextFileError('binary');
  if (decoded.text.trim() === '') throw new TextFileError('empty');
  return decoded;
}
