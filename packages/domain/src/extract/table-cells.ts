// Tables pasted as text: rows of cells split by |, tabs or runs of spaces
// (| 会费收入 | 29,160 |, 生病住院慰问<TAB>9<TAB>2700, 会费收入    8,420.00).
// A bare number in a cell has no measure word; its unit comes from its column
// header (人次, 金额（元）) or from a unit note above the table (单位：元; a note in 万元 is left alone). One
// pass over the lines, so it is linear in the text.
import type { Span } from './segment';

export interface TableCell {
  /** The measure word the cell's number is read with. */
  unit: string;
  /** The column header's span, when there is one: it names what the column counts. */
  header: Span | null;
  /** The whole header row (| 慰问类别 | 人次 | 金额 |): its first cell names what every row is. */
  headerRow: Span | null;
  /** The row is the column's total (| 合计 | 3 |). */
  totalRow: boolean;
}

const CELL_SPLIT = /\s*\|\s*|\t+| {2,}/g;
const NUMBER_CELL = /^\d[\d,]*(?:\.\d+)?$/;
const UNIT_NOTE = /单位[：:]\s*元/;

/** The unit a column header names, or null. */
function headerUnit(header: string): string | null {
  if (/人次/.test(header)) return '人次';
  if (/金额|元|经费|费用|支出|收入/.test(header)) return '元';
  if (/人数|人$/.test(header)) return '人';
  if (/次数|场次|次$/.test(header)) return '次';
  return null;
}

interface Cell extends Span {
  text: string;
}

function cellsOf(text: string, start: number, end: number): Cell[] {
  const line = text.slice(start, end);
  const cells: Cell[] = [];
  let from = 0;
  CELL_SPLIT.lastIndex = 0;
  for (let match = CELL_SPLIT.exec(line); ; match = CELL_SPLIT.exec(line)) {
    const to = match ? match.index : line.length;
    const raw = line.slice(from, to);
    if (raw.trim()) {
      const lead = raw.length - raw.trimStart().length;
      cells.push({ start: start + from + lead, end: start + from + lead + raw.trim().length, text: raw.trim() });
    }
    if (!match) break;
    if (match[0].length === 0) CELL_SPLIT.lastIndex += 1;
    from = match.index + match[0].length;
  }
  return cells;
}

/**
 * Number cells of the text's table rows, by the offset where their number
 * starts. A row is a line of at least two cells whose last cells are numbers
 * and whose first cell is a label (not a row number).
 */
export function tableCells(text: string): Map<number, TableCell> {
  const found = new Map<number, TableCell>();
  let header: Cell[] | null = null;
  let headerRow: Span | null = null;
  let unitNote: string | null = null;
  let linesSinceNote = Infinity;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const lineText = text.slice(start, end);
    const note = UNIT_NOTE.exec(lineText);
    if (note) {
      unitNote = '元';
      linesSinceNote = 0;
    } else if (lineText.trim()) linesSinceNote += 1;
    const cells = cellsOf(text, start, end);
    const numeric = cells.map((c) => NUMBER_CELL.test(c.text));
    const isRow = cells.length >= 2 && numeric[cells.length - 1] && !numeric[0] && cells[0]!.text.length <= 16;
    if (isRow) {
      cells.forEach((cell, column) => {
        if (!numeric[column]) return;
        const headerCell = header && header.length === cells.length ? header[column]! : null;
        const unit = (headerCell && headerUnit(headerCell.text)) ?? (unitNote && linesSinceNote <= 12 ? unitNote : null);
        const totalRow = /^(?:合计|总计|小计|共计|总数)$/.test(cells[0]!.text);
        if (unit) found.set(cell.start, { unit, header: headerCell, headerRow: headerCell ? headerRow : null, totalRow });
      });
    } else if (cells.length >= 2 && !numeric.some(Boolean)) {
      header = cells;
      headerRow = { start, end };
    } else if (lineText.trim() && !/^[-|\s:]+$/.test(lineText)) {
      header = null;
    }
    if (end >= text.length) break;
    start = end + 1;
  }
  return found;
}
