import { localize } from '../i18n/locale';
import { z } from 'zod';

/**
 * A school's life span in reporting years. It opened in `openedYear` (its
 * first report is for that year) and, when closed, `closedYear` is the last
 * year it reports for. Deactivating a school is closing it (see the server's
 * school-admin): a closed school keeps its old years and is simply not
 * expected, nor counted, after it.
 */
export interface SchoolLifeSpan {
  openedYear: number;
  closedYear: number | null;
}

export const schoolLifeYearSchema = z
  .number({ error: '年度必须是数字' })
  .int({ error: '年度必须是整数' })
  .min(1949, { error: '年度不能早于 1949 年' })
  .max(2100, { error: '年度不能晚于 2100 年' });

/**
 * THE counting rule: a school counts in a year's figures (counts, totals,
 * medians, ranks, completeness denominators, trends, exports) iff it was open
 * that year. The server's SQL view `open_school_years` is the same rule.
 */
export function isOpenIn(span: SchoolLifeSpan, year: number): boolean {
  return span.openedYear <= year && (span.closedYear === null || span.closedYear >= year);
}

/** A problem with a life span, in Chinese naming the field, or null. */
export function lifeSpanProblem(span: SchoolLifeSpan): { field: 'closedYear'; message: string } | null {
  if (span.closedYear !== null && span.closedYear < span.openedYear) {
    return { field: 'closedYear', message: localize({ zh: `停办年度（${span.closedYear}）不能早于开办年度（${span.openedYear}）`, en: `The closing year (${span.closedYear}) cannot be before the opening year (${span.openedYear})` }) };
  }
  return null;
}

/**
 * "School X was merged into Y in year N": X's last year is N − 1, Y is open
 * in N. Returns the Chinese reason a merge cannot be recorded, or null.
 */
export function mergeProblem(
  predecessor: SchoolLifeSpan & { id: number },
  successor: SchoolLifeSpan & { id: number },
  year: number,
): { field: 'successorId' | 'year'; message: string } | null {
  if (predecessor.id === successor.id) return { field: 'successorId', message: localize({ zh: '并入的学校不能是它自己', en: 'A school cannot merge into itself' }) };
  if (predecessor.openedYear > year - 1) return { field: 'year', message: localize({ zh: `并入年度（${year}）必须晚于被并入学校的开办年度（${predecessor.openedYear}）`, en: `The merger year (${year}) must be after the merged school's opening year (${predecessor.openedYear})` }) };
  if (predecessor.closedYear !== null && predecessor.closedYear !== year - 1) {
    return { field: 'year', message: localize({ zh: `被并入学校已于 ${predecessor.closedYear} 年后停办，并入年度应为 ${predecessor.closedYear + 1} 年`, en: `The merged school closed after ${predecessor.closedYear}; the merger year should be ${predecessor.closedYear + 1}` }) };
  }
  if (!isOpenIn(successor, year)) return { field: 'successorId', message: localize({ zh: `并入的学校在 ${year} 年度未开办`, en: `The school merged into was not open in ${year}` }) };
  return null;
}

/**
 * A merged school's figure for a year before it existed: for amounts, the
 * sum of its predecessors' figures (null when none reported); percentages and
 * scores cannot be combined from the parts, so they are left out (null).
 * Ratios such as "per 100 staff" are recomputed from the summed amounts.
 */
export function inheritedFigure(isAmount: boolean, predecessorValues: readonly (number | null)[]): number | null {
  if (!isAmount) return null;
  const present = predecessorValues.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) : null;
}
