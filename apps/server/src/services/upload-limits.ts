import { localize, type Localized } from '@union/domain';
// Limits on what an uploaded file may cost, set well above real files:
// - a school's 总结 as .docx has < 1 MB of XML (200,000 characters of Chinese
//   with Word's markup stay below ~3 MB), plus a few photos;
// - the district's .xlsx of 2,000 schools × 60 indicators is a few MB inflated.
import { strFromU8, type Unzipped } from 'fflate';
import { rezip, unzipWithinLimits, UploadRefusedError, type ZipLimits } from './zip-guard';

const MB = 1024 * 1024;

/** Pasted text, an uploaded .txt and the text of a .docx alike (one chair's 总结 is < 20,000 characters). */
export const MAX_NARRATIVE_CHARS = 200_000;
/** What one HTTP request (a batch of calls) may have the extractor read: one file, or this much pasted text. */
export const EXTRACT_CHARS_PER_REQUEST = MAX_NARRATIVE_CHARS;

export const DOCX_LIMITS: ZipLimits = {
  label: { zh: '该 Word 文件', en: 'This Word file' },
  maxCompressedBytes: 6 * MB,
  maxEntries: 1000,
  maxEntryBytes: 8 * MB,
  maxTotalBytes: 32 * MB,
  unreadable: { zh: '无法读取该 Word 文件：文件可能已损坏，请重新保存为 .docx 后再上传。', en: 'This Word file cannot be read: it may be damaged. Save it again as .docx and upload it.' },
};

export const XLSX_LIMITS: ZipLimits = {
  label: { zh: '该 Excel 文件', en: 'This Excel file' },
  maxCompressedBytes: 6 * MB,
  maxEntries: 500,
  maxEntryBytes: 24 * MB,
  maxTotalBytes: 40 * MB,
  unreadable: { zh: '无法读取该文件：请上传 Excel（.xlsx）文件', en: 'This file cannot be read: upload an Excel (.xlsx) file' },
};

/** Shape of an imported sheet: a district has a few thousand schools and ~60 indicators. */
export const SHEET_LIMITS = { maxRows: 5000, maxColumns: 200, maxCells: 300_000 } as const;

export function refuseLongText(text: string, what: Localized): string {
  if (text.length > MAX_NARRATIVE_CHARS) {
    throw new UploadRefusedError(
      localize({
        zh: `${what.zh}太长（${text.length.toLocaleString('zh-CN')} 字），最多 20 万字。请只保留工会工作总结部分后再上传。`,
        en: `${what.en} is too long (${text.length.toLocaleString('en')} characters; 200,000 at most). Keep only the union work summary and upload it again.`,
      }),
    );
  }
  return text;
}

/** A .docx proven small, re-packed from its checked parts for mammoth. */
export function checkedDocx(bytes: Uint8Array): Buffer {
  return Buffer.from(rezip(unzipWithinLimits(bytes, DOCX_LIMITS)));
}

/** Column letters → number: A → 1, BH → 60. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + (c.charCodeAt(0) - 64);
  return n;
}

/**
 * Rows, columns and cells of every worksheet, counted in its XML before
 * exceljs builds objects for them (a 1,000,000-row sheet blocked the server
 * for 69 s). Row and column numbers written in the file count too: one cell at
 * row 1,000,000 would make exceljs walk a million rows.
 */
export function checkSheetShapes(entries: Unzipped): void {
  for (const [name, data] of Object.entries(entries)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(name)) continue;
    const xml = strFromU8(data);
    let rows = 0;
    let cells = 0;
    let maxRow = 0;
    let maxColumn = 0;
    let cellsInRow = 0;
    for (const match of xml.matchAll(/<(row|c)(?=[\s/>])([^>]*)>/g)) {
      const reference = /\sr="([A-Z]*)(\d+)"/.exec(match[2]!);
      if (match[1] === 'row') {
        rows += 1;
        cellsInRow = 0;
        maxRow = Math.max(maxRow, reference ? Number(reference[2]) : rows);
      } else {
        cells += 1;
        cellsInRow += 1;
        maxColumn = Math.max(maxColumn, reference?.[1] ? columnNumber(reference[1]) : cellsInRow);
      }
      if (Math.max(rows, maxRow) > SHEET_LIMITS.maxRows) throw new UploadRefusedError(localize({ zh: `工作表行数超过上限（最多 ${SHEET_LIMITS.maxRows} 行）。`, en: `The sheet has too many rows (${SHEET_LIMITS.maxRows} at most).` }));
      if (maxColumn > SHEET_LIMITS.maxColumns) throw new UploadRefusedError(localize({ zh: `工作表列数超过上限（最多 ${SHEET_LIMITS.maxColumns} 列）。`, en: `The sheet has too many columns (${SHEET_LIMITS.maxColumns} at most).` }));
      if (cells > SHEET_LIMITS.maxCells) throw new UploadRefusedError(localize({ zh: `工作表单元格数超过上限（最多 ${SHEET_LIMITS.maxCells.toLocaleString('zh-CN')} 个）。`, en: `The sheet has too many cells (${SHEET_LIMITS.maxCells.toLocaleString('en')} at most).` }));
    }
  }
}

/** An .xlsx proven small and of a sheet shape a district's import can have, re-packed for exceljs. */
export function checkedXlsx(bytes: Uint8Array): Buffer {
  const entries = unzipWithinLimits(bytes, XLSX_LIMITS);
  checkSheetShapes(entries);
  return Buffer.from(rezip(entries));
}
