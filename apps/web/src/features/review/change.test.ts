import { describe, expect, it } from 'vitest';
import { formatPercentChange, percentChange } from './change';

describe('percentChange', () => {
  it('is relative to last year, one decimal', () => {
    expect(percentChange(150, 100)).toBe(50);
    expect(percentChange(2, 3)).toBe(-33.3);
    expect(percentChange(5, 5)).toBe(0);
  });
  it('is null when there is nothing to compare with', () => {
    expect(percentChange(5, 0)).toBeNull();
    expect(percentChange(null, 3)).toBeNull();
    expect(percentChange(3, undefined)).toBeNull();
  });
  it('formats with a sign', () => {
    expect(formatPercentChange(50)).toBe('+50%');
    expect(formatPercentChange(-33.3)).toBe('−33.3%');
    expect(formatPercentChange(0)).toBe('0%');
  });
});
