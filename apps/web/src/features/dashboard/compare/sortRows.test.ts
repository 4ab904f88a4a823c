import { describe, expect, it } from 'vitest';
import { nextSort, sortRows, type SortableRow } from './sortRows';

const row = (schoolName: string, score: number | null, visits: number | null, rank: number | null = null): SortableRow => ({
  schoolName,
  score,
  rank,
  cells: { sick_visits: { shown: visits } },
});

const rows = [row('乙校', 80, 5, 2), row('甲校', 90, null, 1), row('丙校', null, 9), row('丁校', 70, 5, 3)];
const names = (list: SortableRow[]) => list.map((r) => r.schoolName);

describe('sortRows', () => {
  it('sorts by score highest first with missing scores last', () => {
    expect(names(sortRows(rows, { key: 'score', direction: 'descending' }))).toEqual(['甲校', '乙校', '丁校', '丙校']);
  });

  it('keeps missing values last when ascending too', () => {
    expect(names(sortRows(rows, { key: 'score', direction: 'ascending' }))).toEqual(['丁校', '乙校', '甲校', '丙校']);
  });

  it('sorts an indicator column and breaks ties by name', () => {
    const sorted = sortRows(rows, { key: 'ind:sick_visits', direction: 'descending' });
    expect(sorted[0]!.schoolName).toBe('丙校');
    expect(sorted.at(-1)!.schoolName).toBe('甲校');
    expect(sorted.slice(1, 3).map((r) => r.cells.sick_visits!.shown)).toEqual([5, 5]);
  });

  it('does not change the input array', () => {
    const copy = [...rows];
    sortRows(rows, { key: 'school', direction: 'ascending' });
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it('flips the current column and starts others in their natural direction', () => {
    expect(nextSort({ key: 'score', direction: 'descending' }, 'score')).toEqual({ key: 'score', direction: 'ascending' });
    expect(nextSort({ key: 'score', direction: 'descending' }, 'school')).toEqual({ key: 'school', direction: 'ascending' });
    expect(nextSort({ key: 'school', direction: 'ascending' }, 'ind:x')).toEqual({ key: 'ind:x', direction: 'descending' });
    expect(nextSort({ key: 'school', direction: 'ascending' }, 'rank')).toEqual({ key: 'rank', direction: 'ascending' });
  });
});
