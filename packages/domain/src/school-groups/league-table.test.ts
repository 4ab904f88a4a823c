import { describe, expect, it } from 'vitest';
import { leagueTable } from './league-table';

const rows = (scores: Record<number, number | null>) => Object.entries(scores).map(([id, score]) => ({ schoolId: Number(id), score }));

describe('leagueTable', () => {
  it('ranks by score with competition ranking (1, 2, 2, 4) and leaves unscored schools out', () => {
    const table = leagueTable({ current: rows({ 1: 90, 2: 85, 3: 85, 4: 70, 5: null }), previous: [] });
    expect(table.map((e) => [e.schoolId, e.rank])).toEqual([[1, 1], [2, 2], [3, 2], [4, 4]]);
    expect(table.every((e) => e.movement === 'new' && e.previousRank === null && e.change === null)).toBe(true);
  });

  it('compares with last year’s rank: up, down, same', () => {
    const table = leagueTable({ current: rows({ 1: 90, 2: 80, 3: 70 }), previous: rows({ 1: 60, 2: 80, 3: 90 }) });
    const by = new Map(table.map((e) => [e.schoolId, e]));
    expect(by.get(1)).toMatchObject({ rank: 1, previousRank: 3, change: 2, movement: 'up' });
    expect(by.get(2)).toMatchObject({ rank: 2, previousRank: 2, change: 0, movement: 'same' });
    expect(by.get(3)).toMatchObject({ rank: 3, previousRank: 1, change: -2, movement: 'down' });
  });

  it('ranks last year over last year’s population, so a school that closed still held its place', () => {
    // School 9 closed: ranked first last year, not this year.
    const table = leagueTable({ current: rows({ 1: 90, 2: 80 }), previous: rows({ 9: 99, 1: 90, 2: 80 }) });
    expect(table.map((e) => [e.rank, e.previousRank, e.movement])).toEqual([[1, 2, 'up'], [2, 3, 'up']]);
  });

  it('a school without last year’s rank is new; a merged school inherits the best rank of its predecessors', () => {
    const predecessors = new Map([[31, [13, 14]]]);
    const table = leagueTable({ current: rows({ 31: 88, 1: 90, 7: 50 }), previous: rows({ 13: 70, 14: 95, 1: 80 }), predecessors });
    const by = new Map(table.map((e) => [e.schoolId, e]));
    // Last year: 14 first, 1 second, 13 third → 31 continues 14's first place.
    expect(by.get(31)).toMatchObject({ rank: 2, previousRank: 1, change: -1, movement: 'down', inherited: true });
    expect(by.get(1)).toMatchObject({ rank: 1, previousRank: 2, movement: 'up', inherited: false });
    expect(by.get(7)).toMatchObject({ movement: 'new', previousRank: null });
  });

  it('a merged school’s own rank last year wins over its predecessors’', () => {
    const table = leagueTable({ current: rows({ 31: 80 }), previous: rows({ 31: 60, 13: 99 }), predecessors: new Map([[31, [13]]]) });
    expect(table[0]).toMatchObject({ previousRank: 2, inherited: false });
  });
});
