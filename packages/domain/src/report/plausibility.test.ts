import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import type { Indicator } from '../catalogue/indicator';
import { boundPartners, crossFieldRulesOf, plausibilityErrors, plausibleBoundsOf } from './plausibility';
import { validateForSubmit, validateReportValues } from './validation-rules';

const byCode = (code: string) => defaultCatalogue.find((i) => i.code === code)!;
const narrative = { achievements: '全年工作…', shortcomings: '', plans: '' };

describe('plausibility bounds', () => {
  it('gives every indicator a hard ceiling (by unit, or the catalogue’s own)', () => {
    for (const indicator of defaultCatalogue) {
      const b = plausibleBoundsOf(indicator);
      const ceiling = b.max ?? indicator.max ?? (indicator.valueType === 'percent' ? 100 : undefined);
      expect(ceiling, indicator.code).toBeDefined();
    }
    expect(plausibleBoundsOf(byCode('congress_sessions')).max).toBe(12);
    expect(plausibleBoundsOf(byCode('staff_total')).perStaff).toBeUndefined();
  });

  it('refuses 教代会召开次数 of 10¹² with the bound in the message (save and submit alike)', () => {
    const values = { staff_total: 74, union_members: 70, congress_sessions: 1_000_000_000_000 };
    const errors = validateReportValues(values, defaultCatalogue);
    expect(errors).toEqual([{ path: 'values.congress_sessions', message: '教代会召开次数不能大于 12 次，请检查是否多输了数字' }]);
    expect(validateForSubmit(values, narrative, defaultCatalogue).map((e) => e.path)).toEqual(['values.congress_sessions']);
    expect(validateReportValues({ congress_sessions: 13 }, defaultCatalogue)[0]?.message).toBe('教代会召开次数不能大于 12 次，请检查是否多输了数字');
    expect(validateReportValues({ congress_sessions: 2 }, defaultCatalogue)).toEqual([]);
  });

  it('bounds headcounts by the staff total (组织体检人数 100 with 74 staff)', () => {
    expect(validateReportValues({ staff_total: 74, health_checkup_participants: 100 }, defaultCatalogue)).toEqual([
      { path: 'values.health_checkup_participants', message: '组织体检人数（100）不能大于教职工总数（74）' },
    ]);
    expect(validateReportValues({ staff_total: 74, health_checkup_participants: 74 }, defaultCatalogue)).toEqual([]);
    // Without a staff total the per-staff bound cannot apply; the absolute one still does.
    expect(validateReportValues({ health_checkup_participants: 100 }, defaultCatalogue)).toEqual([]);
    expect(validateReportValues({ health_checkup_participants: 10_001 }, defaultCatalogue)[0]?.path).toBe('values.health_checkup_participants');
  });

  it('bounds person-times by k × staff, saying k', () => {
    expect(validateReportValues({ staff_total: 50, sick_visits: 500 }, defaultCatalogue)).toEqual([]);
    expect(validateReportValues({ staff_total: 50, sick_visits: 501 }, defaultCatalogue)).toEqual([
      { path: 'values.sick_visits', message: '探望慰问病患人次（501）不能大于教职工总数的 10 倍（500 人次），请核实' },
    ]);
  });

  it('bounds money per staff member', () => {
    expect(validateReportValues({ staff_total: 10, facility_investment: 500_000 }, defaultCatalogue)).toEqual([]);
    expect(validateReportValues({ staff_total: 10, facility_investment: 500_001 }, defaultCatalogue)[0]?.message).toBe(
      '教工活动设施投入金额（500,001）不能大于教职工总数的 50,000 倍（500,000 元），请核实',
    );
  });

  it('lets the catalogue override the unit default (退休教职工 up to 3 × staff)', () => {
    expect(validateReportValues({ staff_total: 50, retired_staff: 150 }, defaultCatalogue)).toEqual([]);
    expect(validateReportValues({ staff_total: 50, retired_staff: 151 }, defaultCatalogue)).toHaveLength(1);
    const relaxed: Indicator = { ...byCode('health_checkup_participants'), plausible: { perStaff: 2 } };
    const catalogue = defaultCatalogue.map((i) => (i.code === relaxed.code ? relaxed : i));
    expect(validateReportValues({ staff_total: 74, health_checkup_participants: 100 }, catalogue)).toEqual([]);
  });

  it('reads the cross-field rules from the catalogue', () => {
    const rules = crossFieldRulesOf(defaultCatalogue);
    expect(rules).toContainEqual({ left: 'proposals_resolved', operator: '<=', right: 'proposals_collected' });
    expect(rules).toContainEqual({ left: 'female_checkup_participants', operator: '<=', right: 'female_staff' });
    expect(validateReportValues({ female_staff: 40, female_checkup_participants: 41 }, defaultCatalogue)[0]?.message).toBe('女工专项体检人数（41）不能大于女教职工数（40）');
    expect(validateReportValues({ retired_staff: 30, retiree_checkup_participants: 31 }, defaultCatalogue)).toHaveLength(1);
  });

  it('applies a rule only when its values are filled in and valid', () => {
    expect(plausibilityErrors({ staff_total: 74, health_checkup_participants: 100 }, defaultCatalogue, new Set(['staff_total']))).toEqual([]);
    // A bad staff total (3.5) is reported once, not again through every headcount.
    expect(validateReportValues({ staff_total: 3.5, health_checkup_participants: 100 }, defaultCatalogue).map((e) => e.path)).toEqual(['values.staff_total']);
  });

  it('names the fields a bound compares with', () => {
    expect(boundPartners('health_checkup_participants', defaultCatalogue)).toContain('staff_total');
    expect(boundPartners('proposals_collected', defaultCatalogue).sort()).toEqual(['outstanding_proposals', 'proposals_resolved', 'staff_total']);
    expect(boundPartners('staff_total', defaultCatalogue)).toContain('union_members');
  });
});
