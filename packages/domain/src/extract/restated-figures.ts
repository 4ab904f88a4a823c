// Figures a summary states twice in other words: a yearly total over the
// partial figures told before it (上半年…6人次 … 下半年…8人次 … 全年共…14人次), and a
// count restated as done (收到提案九件，全部办结 → nine resolved). One pass over the
// suggestions of a text, grouped by indicator, so it stays linear.
import type { Suggestion } from './suggestion';

interface Placed extends Suggestion {
  numeralStart: number;
}

/** 全年共…, 全年累计…, 本年度共…: the figure is the whole year's. */
const YEAR_TOTAL = /(?:全年|本年度|本年|一年来|全学年)(?:共|累计|合计|共计|总计)?[^，。；\d]{0,12}$/;

/**
 * A yearly total written after partial figures of the same indicator that add
 * up to it replaces them: the parts are the same events counted again.
 */
export function yearTotalsOverParts<T extends Placed>(text: string, suggestions: readonly T[]): T[] {
  const dropped = new Set<T>();
  const byCode = new Map<string, T[]>();
  for (const s of suggestions) {
    const key = `${s.indicatorCode}|${s.isPlan}`;
    const earlier = byCode.get(key) ?? [];
    const before = text.slice(Math.max(0, s.numeralStart - 16), s.numeralStart);
    if (earlier.length >= 2 && YEAR_TOTAL.test(before)) {
      const sum = earlier.reduce((total, e) => total + e.value, 0);
      if (Math.abs(sum - s.value) < 0.005) for (const e of earlier) dropped.add(e);
    }
    earlier.push(s);
    byCode.set(key, earlier);
  }
  return suggestions.filter((s) => !dropped.has(s));
}

/** …提案33件，会后…全部办结: the same count, resolved (not 答复, which is only a reply). */
// No other count may come between (a date may: 截至12月底已全部办结).
const ALL_RESOLVED = /^(?:[^。；\d]|\d+(?=[年月日号]))*?(?:全部|均已|均|都已|已全部|全都|悉数)(?:得到|予以)?(?:办结|落实|办理完毕|处理完毕)/;
export function allResolved(text: string, figureEnd: number, sentenceEnd: number): boolean {
  return ALL_RESOLVED.test(text.slice(figureEnd, Math.min(sentenceEnd, figureEnd + 40)));
}
