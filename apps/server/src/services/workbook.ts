import type ExcelJS from 'exceljs';
import type { Indicator } from '@union/domain';

// Shared pieces of every .xlsx the platform writes: Chinese headers with
// units, a frozen bold header row, base64 for transport in JSON.

/** Header of an indicator column: its Chinese name with the unit, e.g. 教职工总数（人）. */
export const indicatorHeader = (indicator: Indicator) => `${indicator.nameZh}（${indicator.unit}）`;

export const SCHOOL_CODE_HEADER = '学校代码';
export const SCHOOL_NAME_HEADER = '学校名称';

export function styleHeader(sheet: ExcelJS.Worksheet) {
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.height = 36;
  sheet.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
}

export async function toBase64(workbook: ExcelJS.Workbook): Promise<string> {
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer).toString('base64');
}

