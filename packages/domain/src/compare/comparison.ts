import { median } from './robust-statistics';

/**
 * Comparison maths for dashboards: per-100-staff normalisation, year-over-year
 * change, percentiles and ranks. Missing values stay missing (null), never 0.
 */

/** Value per 100 staff; null when either is missing or there are no staff. */
export function per100Staff(value: number | null | undefined, staffCount: number | null | undefined): number | null {
  if (value == null || staffCount == null || staffCount <= 0) return null;
  return (value / staffCount) * 100;
}

export type ChangeDirection = 'up' | 'down' | 'flat';

export interface YearOverYear {
  change: number;
  /** Relative change; null when last year was 0 (a rise from nothing has no percentage). */
  changeRatio: number | null;
  direction: ChangeDirection;
}

/** Change from last year; null when either year is missing. */
export function yearOverYear(current: number | null | undefined, previous: number | null | undefined): YearOverYear | null {
  if (current == null || previous == null) return null;
  const change = current - previous;
  return {
    change,
    changeRatio: previous === 0 ? null : change / Math.abs(previous),
    direction: change > 0 ? 'up' : change < 0 ? 'down' : 'flat',
  };
}

/**
 * Percentile rank (0–100) of each value among the non-missing values, by the
 * mid-rank definition: ties share the average of their positions, so the
 * colour scale does not favour one of several equal schools.
 */
export function percentileRanks(values: readonly (number | null)[]): (number | null)[] {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = present.length;
  return values.map((v) => {
    if (v === null) return null;
    if (n === 1) return 50;
    let below = 0;
    let equal = 0;
    for (const p of present) {
      if (p < v) below++;
      else if (p === v) equal++;
    }
    return ((below + (equal - 1) / 2) / (n - 1)) * 100;
  });
}

/** Competition ranking, highest first (1, 2, 2, 4); missing values get no rank. */
export function ranksDescending(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => (v === null ? null : 1 + values.filter((o) => o !== null && o > v).length));
}

/** Median of the present values; null when there are none. */
export function medianOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? median(present) : null;
}
