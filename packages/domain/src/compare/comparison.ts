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
  // Binary searches keep this O(n log n): dashboards rank thousands of schools.
  const firstAtLeast = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (present[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const firstAbove = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (present[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) => {
    if (v === null) return null;
    if (n === 1) return 50;
    const below = firstAtLeast(v);
    const equal = firstAbove(v) - below;
    return ((below + (equal - 1) / 2) / (n - 1)) * 100;
  });
}

/** Competition ranking, highest first (1, 2, 2, 4); missing values get no rank. */
export function ranksDescending(values: readonly (number | null)[]): (number | null)[] {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => b - a);
  // Rank = 1 + how many are strictly higher: the first position of the value in descending order.
  const firstPosition = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!firstPosition.has(v)) firstPosition.set(v, i);
  });
  return values.map((v) => (v === null ? null : 1 + firstPosition.get(v)!));
}

/** Median of the present values; null when there are none. */
export function medianOf(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? median(present) : null;
}
