import { describe, expect, it } from 'vitest';
import { percentileBand, percentileShade, percentileShades } from './colourScale';
import { formatRatio, formatShown, formatSigned, starText, yoyShort } from './format';

describe('dashboard number formats', () => {
  it('shows ratios as percentages and missing values as null', () => {
    expect(formatRatio(0.8801, 'zh')).toBe('88.0%');
    expect(formatRatio(0.97, 'en', 0)).toBe('97%');
    expect(formatRatio(null, 'zh')).toBeNull();
  });

  it('gives per-100-staff rates one decimal and raw values their catalogue format', () => {
    const visits = { valueType: 'integer' as const, unit: '人次' };
    expect(formatShown(6.849315, visits, true, 'zh')).toBe('6.8');
    expect(formatShown(12, visits, false, 'zh', true)).toBe('12 人次');
    expect(formatShown(137900, { valueType: 'money', unit: '元' }, false, 'zh', true)).toBe('137,900 元');
    // Percent indicators are never divided by staff.
    expect(formatShown(35.5, { valueType: 'percent', unit: '%' }, true, 'zh', true)).toBe('35.5%');
  });

  it('words year-over-year change as an arrow and a percentage, points for percentages, 新增 from 0, capped beyond 999%', () => {
    expect(yoyShort({ change: 2, changeRatio: 0.25, direction: 'up' }, 'zh')).toEqual({ arrow: '▲', text: '25%' });
    expect(yoyShort({ change: -3, changeRatio: null, direction: 'down' }, 'zh')).toEqual({ arrow: '▼', text: '3' });
    // From 0 there is no percentage: not 「▲3,300」.
    expect(yoyShort({ change: 3300, changeRatio: null, direction: 'up' }, 'zh', 'integer')).toEqual({ arrow: '▲', text: '新增' });
    expect(yoyShort({ change: 3300, changeRatio: null, direction: 'up' }, 'en', 'integer')).toEqual({ arrow: '▲', text: 'new' });
    // A share that went from 20% to 69.9% moved 49.9 points, not 「+249.7%」.
    expect(yoyShort({ change: 49.94, changeRatio: 2.497, direction: 'up' }, 'zh', 'percent')).toEqual({ arrow: '▲', text: '49.9 个百分点' });
    expect(yoyShort({ change: -5, changeRatio: -0.1, direction: 'down' }, 'en', 'percent')).toEqual({ arrow: '▼', text: '5 pp' });
    // A tiny base: capped.
    expect(yoyShort({ change: 999_999, changeRatio: 99_999.9, direction: 'up' }, 'zh', 'integer')).toEqual({ arrow: '▲', text: '999%以上' });
    expect(yoyShort({ change: 0, changeRatio: 0, direction: 'flat' }, 'zh')).toEqual({ arrow: '＝', text: '' });
    expect(yoyShort(null, 'zh')).toBeNull();
  });

  it('signs changes and draws stars', () => {
    expect(formatSigned(18.61, 'zh')).toBe('+18.61');
    expect(formatSigned(-4.42, 'zh')).toBe('−4.42');
    expect(formatSigned(0, 'zh')).toBe('0');
    expect(starText(4)).toBe('★★★★☆');
    expect(starText(null)).toBe('');
  });
});

describe('percentile shading', () => {
  it('maps 0–100 onto five bands, top band inclusive, missing → no shade', () => {
    expect([0, 19.9, 20, 59, 80, 100].map(percentileBand)).toEqual([0, 0, 1, 2, 4, 4]);
    expect(percentileShade(null)).toBeUndefined();
    expect(percentileShade(100)).toBe(percentileShades[4]);
  });
});
