// Figures read with their neighbours: the figures of each clause, a list's
// total, single events listed one by one, and a table column's 合计 row.
// Each helper looks only at the figure's sentence or a bounded run of figures,
// so extraction stays linear.
import type { Figure } from './find-figures';
import type { FigureScope } from './scope-rules';
import type { Sentence } from './segment';

/** Figures of each clause, keyed by sentence and clause, built once (looking them up per figure keeps the work linear). */
export type FiguresByClause = ReadonlyMap<string, readonly Figure[]>;
export const clauseKey = (sentenceIndex: number, clauseIndex: number) => `${sentenceIndex}:${clauseIndex}`;

export function figuresByClause(figures: readonly Figure[]): FiguresByClause {
  const map = new Map<string, Figure[]>();
  for (const figure of figures) {
    const key = clauseKey(figure.sentenceIndex, figure.clauseIndex);
    const list = map.get(key);
    if (list) list.push(figure);
    else map.set(key, [figure]);
  }
  return map;
}

/**
 * A total that opens its sentence (…；合计约5.4万元) closes a list cut by ；: its scope for
 * budget words reaches back over the list's sentences in the paragraph.
 */
export function listScope(text: string, sentences: readonly Sentence[], figure: Figure, scope: FigureScope): FigureScope {
  const sentence = sentences[figure.sentenceIndex]!;
  if (!/^(?:合计|共计|总计|累计|以上合计|总共)/.test(text.slice(sentence.start, figure.numeral.start))) return scope;
  let start = sentence.start;
  for (let s = figure.sentenceIndex - 1; s >= 0 && figure.sentenceIndex - s <= 4; s -= 1) {
    const other = sentences[s]!;
    if (other.paragraph !== sentence.paragraph || !/[；;]$/.test(text.slice(other.start, other.end))) break;
    start = other.start;
  }
  return { ...scope, sentence: { start, end: sentence.end } };
}

/**
 * 一次亲子登山、一次包饺子比赛: single events listed one by one are items of a
 * list, not the count of anything (the count, if any, is written elsewhere).
 */
export function enumeratedOnes(byClause: FiguresByClause, figure: Figure): boolean {
  const clause = byClause.get(clauseKey(figure.sentenceIndex, figure.clauseIndex)) ?? [];
  return figure.family === 'times' && clause.filter((f) => f.value === 1 && f.numeral.raw === '一' && f.family === 'times').length >= 2;
}

/**
 * The reading of a table column above its 合计 row: the rows of the same column
 * (same header cell) read so far, when they were all read as one indicator.
 */
export function columnReading(figures: readonly Figure[], codeOf: readonly (string | undefined)[], index: number): { code: string; rows: number[] } | null {
  const header = figures[index]!.table?.header;
  if (!header) return null;
  let code: string | null = null;
  const rows: number[] = [];
  for (let j = index - 1; j >= 0 && index - j <= 40; j -= 1) {
    const other = figures[j]!;
    if (other.table?.header?.start !== header.start) continue;
    const read = codeOf[j];
    if (!read) continue;
    if (code !== null && read !== code) return null;
    code = read;
    rows.push(other.numeral.start);
  }
  return code ? { code, rows } : null;
}
