import { describe, expect, it } from 'vitest';
import { diffReportContent, lockedFieldsChanged, reportFieldPathPattern, type ReportContent } from './post-approval-edits';

const base: ReportContent = {
  values: { sick_visits: 12, staff_total: 80 },
  narrative: { achievements: '全年慰问12人次', shortcomings: '', plans: '' },
  honours: [{ title: '先进职工之家', level: 'municipal', kind: 'collective', recipient: '' }],
};

describe('post-approval edits', () => {
  it('diffs values, narrative and honours as old → new', () => {
    const after: ReportContent = {
      ...base,
      values: { sick_visits: 15, staff_total: 80, new_code: 3 },
      narrative: { ...base.narrative, plans: '明年继续' },
      honours: [],
    };
    expect(diffReportContent(base, after)).toEqual([
      { fieldPath: 'honours', from: '先进职工之家', to: '' },
      { fieldPath: 'narrative.plans', from: '', to: '明年继续' },
      { fieldPath: 'values.new_code', from: null, to: 3 },
      { fieldPath: 'values.sick_visits', from: 12, to: 15 },
    ]);
  });

  it('treats a missing value like an empty one', () => {
    expect(diffReportContent({ ...base, values: { sick_visits: null } }, { ...base, values: {} })).toEqual([]);
  });

  it('with one field unlocked, names every other field that was changed', () => {
    const edited = { ...base, values: { sick_visits: 15, staff_total: 81 } };
    expect(lockedFieldsChanged(base, edited, 'values.sick_visits')).toEqual(['values.staff_total']);
    expect(lockedFieldsChanged(base, { ...base, values: { ...base.values, sick_visits: 15 } }, 'values.sick_visits')).toEqual([]);
    expect(lockedFieldsChanged(base, edited, null)).toEqual([]);
  });

  it('knows the field paths', () => {
    expect(reportFieldPathPattern.test('values.sick_visits')).toBe(true);
    expect(reportFieldPathPattern.test('narrative.plans')).toBe(true);
    expect(reportFieldPathPattern.test('honours')).toBe(true);
    expect(reportFieldPathPattern.test('values.')).toBe(false);
    expect(reportFieldPathPattern.test('narrative.other')).toBe(false);
  });
});
