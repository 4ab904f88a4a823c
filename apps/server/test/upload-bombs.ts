// Hostile uploads built in the test (nothing big is committed): zip bombs
// with honest and with lying size headers, streamed through fflate so the
// test itself never holds the inflated bytes.
import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { strToU8, unzipSync, Zip, ZipDeflate } from 'fflate';

const MB = 1024 * 1024;

/** A real .docx made by the `docx` library. */
export async function realDocx(paragraphs: readonly string[]): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph(p)) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A real workbook's bytes. */
export async function realXlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('导入'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * `archive` with entry `name` replaced by `inflatedMb` MB of repetitive XML
 * (compresses ~1000×). With `lie`, the central directory claims 1 KB.
 */
export function withBomb(archive: Uint8Array, name: string, inflatedMb: number, lie = false): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [entry, data] of Object.entries(unzipSync(archive))) {
    if (entry === name) continue;
    const file = new ZipDeflate(entry, { level: 6 });
    zip.add(file);
    file.push(data, true);
  }
  const bomb = new ZipDeflate(name, { level: 9 });
  zip.add(bomb);
  const block = strToU8(`<w:p><w:r><w:t>${'工会'.repeat(1000)}</w:t></w:r></w:p>`.padEnd(MB / 3, ' '));
  const blocks = Math.ceil((inflatedMb * MB) / block.length);
  for (let i = 0; i < blocks; i += 1) bomb.push(block, i === blocks - 1);
  zip.end();
  const bytes = concat(parts);
  if (lie) claimSmallSize(bytes, name);
  return bytes;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Rewrites the central-directory entry of `name` to claim 1 KB uncompressed (the local header of a streamed entry says 0). */
function claimSmallSize(bytes: Uint8Array, name: string): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = new TextEncoder().encode(name);
  for (let at = 0; at + 46 < bytes.length; at += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    const entryName = bytes.subarray(at + 46, at + 46 + nameLength);
    if (nameLength === wanted.length && entryName.every((b, i) => b === wanted[i])) {
      view.setUint32(at + 24, 1024, true);
      return;
    }
  }
  throw new Error(`no central directory entry for ${name}`);
}

export const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
