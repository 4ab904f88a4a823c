import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { isAmountIndicator, scalesPerHundredStaff } from '../catalogue/indicator-kinds';
import { inheritedFigure, isOpenIn, lifeSpanProblem, mergeProblem } from './life-cycle';

describe('isOpenIn: the one counting rule', () => {
  it('counts a school from its opening year through its closing year', () => {
    const span = { openedYear: 2024, closedYear: 2025 };
    expect([2023, 2024, 2025, 2026].map((y) => isOpenIn(span, y))).toEqual([false, true, true, false]);
  });
  it('counts a school without a closing year in every year from its opening', () => {
    expect(isOpenIn({ openedYear: 2022, closedYear: null }, 2099)).toBe(true);
    expect(isOpenIn({ openedYear: 2022, closedYear: null }, 2021)).toBe(false);
  });
});

describe('life span and merge checks', () => {
  it('refuses a closing year before the opening year, in Chinese naming the field', () => {
    expect(lifeSpanProblem({ openedYear: 2024, closedYear: 2023 })).toEqual({ field: 'closedYear', message: '停办年度（2023）不能早于开办年度（2024）' });
    expect(lifeSpanProblem({ openedYear: 2024, closedYear: 2024 })).toBeNull();
  });
  it('accepts X merged into Y in N when X ends in N − 1 (or is still open) and Y is open in N', () => {
    const x = { id: 1, openedYear: 2020, closedYear: null };
    const y = { id: 2, openedYear: 2025, closedYear: null };
    expect(mergeProblem(x, y, 2025)).toBeNull();
    expect(mergeProblem({ ...x, closedYear: 2024 }, y, 2025)).toBeNull();
  });
  it('refuses a merge into itself, into a school not open that year, or a year that contradicts the closing', () => {
    const x = { id: 1, openedYear: 2020, closedYear: null };
    expect(mergeProblem(x, x, 2025)?.field).toBe('successorId');
    expect(mergeProblem(x, { id: 2, openedYear: 2026, closedYear: null }, 2025)?.message).toBe('并入的学校在 2025 年度未开办');
    expect(mergeProblem({ ...x, closedYear: 2022 }, { id: 2, openedYear: 2020, closedYear: null }, 2025)?.field).toBe('year');
    expect(mergeProblem(x, { id: 2, openedYear: 2020, closedYear: null }, 2020)?.field).toBe('year');
  });
});

describe('indicator kinds', () => {
  const byCode = (code: string) => defaultCatalogue.find((i) => i.code === code)!;
  it('scales counts and money per 100 staff, never percentages, scores or the staff total itself', () => {
    expect(scalesPerHundredStaff(byCode('sick_visits'))).toBe(true);
    expect(scalesPerHundredStaff(byCode('hardship_aid_amount'))).toBe(true);
    expect(scalesPerHundredStaff(byCode('new_cadre_share'))).toBe(false);
    expect(scalesPerHundredStaff(byCode('affairs_disclosure_score'))).toBe(false);
    expect(scalesPerHundredStaff(byCode('staff_total'))).toBe(false);
  });
  it('adds amounts of predecessors for a merged school; leaves shares and scores out', () => {
    expect(isAmountIndicator(byCode('staff_total'))).toBe(true);
    expect(inheritedFigure(true, [12, null, 30])).toBe(42);
    expect(inheritedFigure(true, [null, null])).toBeNull();
    expect(inheritedFigure(false, [70, 80])).toBeNull();
  });
});
