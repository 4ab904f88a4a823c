import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { buildComparison, comparisonRows, type ComparisonSchoolInput } from './comparison-table';

const indicator = (code: string) => defaultCatalogue.find((i) => i.code === code)!;
const school = (id: number, figures: Record<string, number> | null, previousFigures: Record<string, number> | null, score: number | null, previousScore: number | null = null): ComparisonSchoolInput => ({
  id,
  code: `S${id}`,
  name: `学校${id}`,
  clusterName: id < 3 ? '一片' : null,
  schoolType: 'primary',
  staffCount: 50,
  figures,
  previousFigures,
  score,
  previousScore,
});

describe('comparison table (packed by column, unpacked to rows)', () => {
  const schools = [
    school(1, { staff_total: 80, sick_visits: 12 }, { staff_total: 60, sick_visits: 6 }, 90, 80),
    school(2, { sick_visits: 30 }, null, 75),
    school(3, null, { sick_visits: 4 }, null),
  ];

  it('normalises per 100 staff with the report’s own staff, falling back to the school record', () => {
    const packed = buildComparison({ year: 2025, perHundredStaff: true, indicators: [indicator('sick_visits')], schools });
    // 12 of 80 staff = 15; 30 of 50 (school record) = 60; last year 6 of 60 = 10.
    expect(packed.columns.sick_visits).toEqual({ value: [12, 30, null], shown: [15, 60, null], previous: [10, null, 8], percentile: [0, 100, null] });
    expect(packed.schools.staffCount).toEqual([80, 50, 50]);
    expect(packed.medians.sick_visits).toBe(37.5);
  });

  it('keeps raw values when per 100 staff is off, and ranks scores with missing ones unranked', () => {
    const packed = buildComparison({ year: 2025, perHundredStaff: false, indicators: [indicator('sick_visits')], schools });
    expect(packed.columns.sick_visits!.shown).toEqual([12, 30, null]);
    expect(packed.schools.rank).toEqual([1, 2, null]);
  });

  it('rounds divisions to three decimals so the payload carries no 17-digit tails', () => {
    const packed = buildComparison({ year: 2025, perHundredStaff: true, indicators: [indicator('sick_visits')], schools: [school(1, { staff_total: 3, sick_visits: 1 }, null, null)] });
    expect(packed.columns.sick_visits!.shown).toEqual([33.333]);
  });

  it('unpacks to one row per school with year-over-year change per cell and for the score', () => {
    const view = comparisonRows(buildComparison({ year: 2025, perHundredStaff: true, indicators: [indicator('sick_visits')], schools }));
    expect(view.rows.map((r) => r.schoolId)).toEqual([1, 2, 3]);
    expect(view.rows[0]).toMatchObject({ schoolCode: 'S1', clusterName: '一片', sizeBand: 'medium', score: 90, rank: 1 });
    expect(view.rows[0]!.cells.sick_visits).toEqual({ value: 12, shown: 15, previous: 10, yoy: { change: 5, changeRatio: 0.5, direction: 'up' }, percentile: 0 });
    expect(view.rows[0]!.scoreYoy).toEqual({ change: 10, changeRatio: 0.125, direction: 'up' });
    expect(view.rows[2]!.cells.sick_visits!.yoy).toBeNull();
  });
});
