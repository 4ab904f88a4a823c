import { describe, expect, it } from 'vitest';
import { formatRelativeChange, isBigChange, relativeChange, type RelativeChangeWords } from './relative-change';

const zh: RelativeChangeWords = { same: '0%', new: '新增', points: (s) => `${s} 个百分点`, capped: (s) => `${s}以上` };
const shown = (cur: number | null, prev: number | null, type: 'integer' | 'money' | 'percent' = 'integer') => formatRelativeChange(relativeChange(cur, prev, type), zh);

describe('relative change in the review table', () => {
  it('is relative to last year, one decimal, with a sign', () => {
    expect(shown(150, 100)).toBe('+50%');
    expect(shown(2, 3)).toBe('−33.3%');
    expect(shown(5, 5)).toBe('0%');
    expect(shown(0, 40)).toBe('−100%');
  });
  it('says 新增 from a zero base instead of a percentage or a bare absolute figure', () => {
    expect(shown(3300, 0, 'money')).toBe('新增');
    expect(shown(0, 0)).toBe('0%');
    expect(isBigChange(relativeChange(3300, 0, 'money'))).toBe(true);
  });
  it('caps changes from a tiny base (+49999999999900% becomes +999%以上)', () => {
    expect(shown(1_000_000_000_000, 2)).toBe('+999%以上');
    expect(shown(30, 1)).toBe('+999%以上');
    expect(shown(10, 1)).toBe('+900%');
  });
  it('compares percentage indicators in 个百分点, not % of %', () => {
    expect(shown(35, 10, 'percent')).toBe('+25 个百分点');
    expect(shown(12.5, 40, 'percent')).toBe('−27.5 个百分点');
    expect(shown(40, 0, 'percent')).toBe('+40 个百分点');
  });
  it('is empty when either year is missing', () => {
    expect(shown(5, null)).toBeNull();
    expect(shown(null, 3)).toBeNull();
  });
});
