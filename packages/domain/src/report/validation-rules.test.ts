import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { validateForSubmit, validateReportValues } from './validation-rules';

const emptyNarrative = { achievements: '', shortcomings: '', plans: '' };

describe('report validation', () => {
  it('accepts a partial draft with valid values', () => {
    expect(validateReportValues({ staff_total: 80, sick_visits: 12, hardship_aid_amount: 3600.5, new_cadre_share: 40 }, defaultCatalogue)).toEqual([]);
  });

  it('reports each bad value at its field path with a Chinese message', () => {
    const errors = validateReportValues({ sick_visits: -1, hardship_aid_amount: 1.234, new_cadre_share: 120, staff_total: 3.5 }, defaultCatalogue);
    expect(errors).toEqual([
      { path: 'values.sick_visits', message: '探望慰问病患人次不能为负数' },
      { path: 'values.hardship_aid_amount', message: '困难帮扶金额最多保留两位小数（单位：元）' },
      { path: 'values.new_cadre_share', message: '新任工会干部比例不能大于 100%' },
      { path: 'values.staff_total', message: '教职工总数必须是整数' },
    ]);
  });

  it('checks cross-field rules only when both sides are filled', () => {
    expect(validateReportValues({ proposals_resolved: 12 }, defaultCatalogue)).toEqual([]);
    expect(validateReportValues({ proposals_resolved: 12, proposals_collected: 10 }, defaultCatalogue)).toEqual([
      { path: 'values.proposals_resolved', message: '提案办结数（12）不能大于征集提案数（10）' },
    ]);
    expect(validateReportValues({ union_members: 90, staff_total: 80 }, defaultCatalogue)[0]?.message).toBe('工会会员数（90）不能大于教职工总数（80）');
  });

  it('refuses codes that are not in the catalogue', () => {
    expect(validateReportValues({ made_up: 1 }, defaultCatalogue)).toEqual([{ path: 'values.made_up', message: '未知指标：made_up' }]);
  });

  it('requires headcounts and the main narrative before submitting', () => {
    const errors = validateForSubmit({ sick_visits: 3 }, emptyNarrative, defaultCatalogue);
    expect(errors.map((e) => e.path)).toEqual(['values.staff_total', 'values.union_members', 'narrative.achievements']);
    expect(errors[0]!.message).toBe('提交前请填写教职工总数');
    expect(validateForSubmit({ staff_total: 80, union_members: 78 }, { ...emptyNarrative, achievements: '全年工作…' }, defaultCatalogue)).toEqual([]);
  });
});
