import { describe, expect, it } from 'vitest';
import { medianOf, per100Staff, percentileRanks, ranksDescending, yearOverYear } from './comparison';

describe('comparison maths', () => {
  it('normalises per 100 staff and keeps missing or zero staff as missing', () => {
    expect(per100Staff(12, 80)).toBe(15);
    expect(per100Staff(0, 80)).toBe(0);
    expect(per100Staff(12, 0)).toBeNull();
    expect(per100Staff(null, 80)).toBeNull();
    expect(per100Staff(12, null)).toBeNull();
  });

  it('computes year-over-year change with direction, and no ratio from zero', () => {
    expect(yearOverYear(15, 10)).toEqual({ change: 5, changeRatio: 0.5, direction: 'up' });
    expect(yearOverYear(8, 10)).toEqual({ change: -2, changeRatio: -0.2, direction: 'down' });
    expect(yearOverYear(3, 0)).toEqual({ change: 3, changeRatio: null, direction: 'up' });
    expect(yearOverYear(0, 0)).toEqual({ change: 0, changeRatio: null, direction: 'flat' });
    expect(yearOverYear(null, 10)).toBeNull();
    expect(yearOverYear(10, undefined)).toBeNull();
  });

  it('gives mid-rank percentiles with ties sharing and missing values left out', () => {
    expect(percentileRanks([10, 20, 30])).toEqual([0, 50, 100]);
    expect(percentileRanks([10, 20, 20, 40])).toEqual([0, 50, 50, 100]);
    expect(percentileRanks([5, null, 5])).toEqual([50, null, 50]);
    expect(percentileRanks([7])).toEqual([50]);
  });

  it('ranks highest first with shared ranks for ties', () => {
    expect(ranksDescending([90, 75, 90, null, 60])).toEqual([1, 3, 1, null, 4]);
  });

  it('takes the median of present values', () => {
    expect(medianOf([3, null, 1, 2])).toBe(2);
    expect(medianOf([4, 1, 3, 2])).toBe(2.5);
    expect(medianOf([null])).toBeNull();
  });
});

describe('comparison maths at city scale', () => {
  it('agrees with the definition on many values with ties', () => {
    const values = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? null : (i * 37) % 23));
    const present = values.filter((v): v is number => v !== null);
    const slow = values.map((v) => {
      if (v === null) return null;
      const below = present.filter((p) => p < v).length;
      const equal = present.filter((p) => p === v).length;
      return ((below + (equal - 1) / 2) / (present.length - 1)) * 100;
    });
    expect(percentileRanks(values)).toEqual(slow);
    expect(ranksDescending(values)).toEqual(values.map((v) => (v === null ? null : 1 + present.filter((p) => p > v).length)));
  });
});
