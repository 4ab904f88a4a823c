import { describe, expect, it } from 'vitest';
import { decodeTextFile, TextFileError } from './decode-text-file';

// GBK bytes, hard-coded (TextEncoder only writes UTF-8).
const GBK_TITLE = [185, 164, 187, 225, 185, 164, 215, 247, 215, 220, 189, 225]; // 工会工作总结
const GBK_VISITS = [206, 191, 206, 202, 189, 204, 214, 176, 185, 164, 49, 54, 200, 203, 180, 206]; // 慰问教职工16人次

function errorCode(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof TextFileError) return error.code;
    throw error;
  }
  return undefined;
}

describe('decodeTextFile', () => {
  it('reads UTF-8 without BOM', () => {
    const bytes = new TextEncoder().encode('工会工作总结\n慰问16人次');
    expect(decodeTextFile(bytes)).toEqual({ text: '工会工作总结\n慰问16人次', encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with BOM and drops the BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('总结')]);
    expect(decodeTextFile(bytes)).toEqual({ text: '总结', encoding: 'utf-8', bom: true });
  });

  it('detects GBK / GB18030 when the bytes are not valid UTF-8', () => {
    const bytes = new Uint8Array([...GBK_TITLE, 0x0a, ...GBK_VISITS]);
    expect(decodeTextFile(bytes)).toEqual({ text: '工会工作总结\n慰问教职工16人次', encoding: 'gb18030', bom: false });
  });

  it('accepts an ArrayBuffer', () => {
    expect(decodeTextFile(new Uint8Array(GBK_TITLE).buffer).text).toBe('工会工作总结');
  });

  it('reads UTF-16LE with BOM (Notepad "Unicode")', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0xe5, 0x5d, 0x1a, 0x4f]); // 工会
    expect(decodeTextFile(bytes)).toEqual({ text: '工会', encoding: 'utf-16le', bom: true });
  });

  it('rejects empty and blank files with a Chinese message', () => {
    expect(errorCode(() => decodeTextFile(new Uint8Array()))).toBe('empty');
    expect(errorCode(() => decodeTextFile(new TextEncoder().encode(' \n\t ')))).toBe('empty');
    expect(() => decodeTextFile(new Uint8Array())).toThrow(/文件是空的/);
  });

  it('rejects binary files', () => {
    expect(errorCode(() => decodeTextFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe('office_document');
    expect(errorCode(() => decodeTextFile(new TextEncoder().encode('%PDF-1.7 ...')))).toBe('pdf');
    expect(errorCode(() => decodeTextFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toBe('binary');
    const noise = new Uint8Array(256).map((_, i) => (i * 37) % 32 || 1);
    expect(errorCode(() => decodeTextFile(noise))).toBe('binary');
  });

  it('rejects bytes that are neither UTF-8 nor GB18030', () => {
    // 0xFF is invalid in both.
    expect(errorCode(() => decodeTextFile(new Uint8Array([0x41, 0xff, 0x42])))).toBe('unknown_encoding');
    expect(new TextFileError('unknown_encoding').message).toMatch(/编码/);
  });
});
