// Figures of a (normalised) summary: every numeral with its measure word (or,
// in a table, its column's unit), minus the numerals that are not indicator
// values at all (dates, ordinals, list numbers, ratios, slogans, articles …).
import { findNumerals, type NumeralMatch } from './chinese-number';
import { CLASSIFIERS, NOT_A_CLASSIFIER, type Family } from './measure-words';
import type { Sentence, Span } from './segment';
import { tableCells } from './table-cells';

export interface Figure {
  numeral: NumeralMatch;
  classifier: string;
  family: Family;
  /** End of numeral + classifier (and 左右/以上 after it). */
  end: number;
  approx: boolean;
  value: number;
  sentenceIndex: number;
  clauseIndex: number;
  /** A number in a table cell: the whole row names it, and its column header if any. */
  table?: { header: Span | null; headerRow: Span | null; totalRow: boolean };
}

/** A table column's unit as a classifier that takes no characters of the text. */
function unitOfCell(unit: string): { classifier: string; family: Family; length: number } | null {
  const entry = CLASSIFIERS.find(([classifier]) => classifier === unit);
  return entry ? { classifier: entry[0], family: entry[1], length: 0 } : null;
}

function classifierAfter(text: string, position: number, numeral: NumeralMatch): { classifier: string; family: Family; length: number } | null {
  if (numeral.percent) return { classifier: '%', family: 'percent', length: 0 };
  const rest = text.slice(position, position + 6);
  for (const [classifier, family] of CLASSIFIERS) {
    if (!rest.startsWith(classifier)) continue;
    const after = rest.slice(classifier.length);
    if (NOT_A_CLASSIFIER[classifier]?.test(after)) return null;
    return { classifier, family, length: classifier.length };
  }
  return null;
}

/** Reasons a numeral is not an indicator value, judged from the characters around it. */
function excludedByContext(text: string, numeral: NumeralMatch, classifierEnd: number, clause: Span): boolean {
  const before = text.slice(Math.max(clause.start, numeral.start - 4), numeral.start);
  const after = text.slice(classifierEnd, classifierEnd + 4);
  // Ordinals and session numbers: 第四届, 九届一次, 第五名.
  if (/第$|届$|第[^，。；]{0,1}$/.test(before)) return true;
  // A count of two before a measure word is 两 (两次教代会); 二次/二届 names the second session.
  if (numeral.raw === '二' && /^(?:次|届|期|轮)/.test(text.slice(numeral.end, numeral.end + 1))) return true;
  // Per-capita, each, averages, frequencies: 每人一只, 各一次, 人均500元, 一年一次, 一天一公布.
  if (/(?:每|各|均|平均|人均)[人个位名年月周天次学期]?$/.test(before)) return true;
  if (/(?:年|月|周|天|日|学期|学年|季度)$/.test(before) && numeral.value <= 10) return true;
  // Enumerations of parts: 一期是…, 另一期
  if (/^(?:是|为)/.test(after) && numeral.value <= 10) return true;
  if (/另$/.test(before)) return true;
  // A ratio or per-capita pair: 两人一个, 1人1份.
  if (/^[\d一二两三四五六七八九十]/.test(after)) return true;
  if (/[\d一二两三四五六七八九十][人个]$/.test(before)) return true;
  // Times and dates written with 点/号: 7点30分.
  if (/\d[点:：]\d/.test(text.slice(numeral.start - 3, classifierEnd))) return true;
  // A pool a subset is taken from: 派出的四位老师中有三人获奖 counts three, not four.
  if (/^[^，。；、\d]{0,6}中有/.test(text.slice(classifierEnd, classifierEnd + 9))) return true;
  // Back references: 以上两个效果, 上述三项, 这两次.
  if (/(?:以上|上述|前述|这|那|此)$/.test(before)) return true;
  // 一 as an article: 一支优秀的教师队伍, 一个宽松和谐的氛围.
  if (numeral.raw === '一' && /^[^，。；、]{0,6}的/.test(text.slice(classifierEnd, classifierEnd + 8))) return true;
  // …的一项举措, 是一次…: 一 after 的/是 is an indefinite article, not a count.
  if (numeral.raw === '一' && /[的是]$/.test(before)) return true;
  // Grades and classes: 初三, 高二, 三年级.
  if (/[初高]$/.test(before) && numeral.value <= 6) return true;
  // Slogans: 一帮一, 三个代表, 八荣八耻 — a 一 between words, or the famous ones.
  const around = text.slice(Math.max(0, numeral.start - 3), classifierEnd + 3);
  if (/三个代表|三个文明|两个确保|四个意识|一帮一|一对一|一对多|一帮多|三关心|八荣八耻|十一五|十二五|五个一/.test(around)) return true;
  return false;
}

/**
 * 心理健康、颈椎保健讲座各一场: 各 + a count of events after a list of 2–8 items
 * (split by 、, the last pair maybe by 和/及) counts every item — 2 lectures.
 * Without a list before it (男女各一名, 每学期各一次) 各 stays a per-item frequency.
 */
function itemsBeforeEach(text: string, clause: Span, numeral: NumeralMatch): number {
  if (text[numeral.start - 1] !== '各') return 0;
  const list = text.slice(clause.start, numeral.start - 1);
  if (/每|分别/.test(list)) return 0;
  const parts = list.split('、');
  // …、秋季徒步和迎新联欢各一次: the last pair may be joined by 和/及/与.
  const items = parts.length + (parts.length >= 2 && /[和及与]/.test(parts.at(-1)!) ? 1 : 0);
  return items >= 2 && items <= 8 ? items : 0;
}

export function findFigures(text: string, sentences: readonly Sentence[]): Figure[] {
  const figures: Figure[] = [];
  const cells = tableCells(text);
  let sentenceIndex = 0;
  for (const numeral of findNumerals(text)) {
    while (sentenceIndex < sentences.length && sentences[sentenceIndex]!.end <= numeral.start) sentenceIndex += 1;
    const sentence = sentences[sentenceIndex];
    if (!sentence || numeral.start < sentence.start) continue;
    const clauseIndex = sentence.clauses.findIndex((c) => numeral.start >= c.start && numeral.start < c.end);
    if (clauseIndex < 0) continue;
    // Skip whitespace between the number and its unit ("16 人次").
    let position = numeral.end;
    while (text[position] === ' ') position += 1;
    const cell = cells.get(numeral.start);
    const unit = classifierAfter(text, position, numeral) ?? (cell ? unitOfCell(cell.unit) : null);
    if (!unit) continue;
    let end = position + unit.length;
    let approx = numeral.approx;
    const tail = /^(?:左右|上下|以上|之多|有余|多)/.exec(text.slice(end));
    if (tail) {
      approx = true;
      end += tail[0].length;
    }
    if (numeral.percent && unit.family !== 'percent') continue;
    if (!Number.isFinite(numeral.value) || numeral.value < 0) continue;
    // Plain counts are whole numbers; a decimal count is a measure (3.5个月) or a typo.
    if (unit.family !== 'money' && unit.family !== 'score' && unit.family !== 'percent' && !Number.isInteger(numeral.value)) continue;
    // Years written as a count (2012人) are not counts a school reports.
    if (unit.family !== 'money' && numeral.value >= 100000) continue;
    const clause = sentence.clauses[clauseIndex]!;
    const items = unit.family === 'times' ? itemsBeforeEach(text, clause, numeral) : 0;
    if (!items && excludedByContext(text, numeral, end, clause)) continue;
    const value = items ? items * numeral.value : numeral.value;
    figures.push({ numeral, classifier: unit.classifier, family: unit.family, end, approx, value, sentenceIndex, clauseIndex, ...(cell && unit.length === 0 ? { table: { header: cell.header, headerRow: cell.headerRow, totalRow: cell.totalRow } } : {}) });
  }
  return figures;
}
