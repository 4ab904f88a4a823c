import { describe, expect, it } from 'vitest';
import { compareWithPrevious, formatDate, formatIndicatorValue, formatNumber, narrativeParagraphs } from './format';

describe('formatIndicatorValue', () => {
  it('formats money with thousands separators and 元, keeping cents only when present', () => {
    expect(formatIndicatorValue(1234567, { valueType: 'money', unit: '元' })).toBe('1,234,567 元');
    expect(formatIndicatorValue(1234.5, { valueType: 'money', unit: '元' })).toBe('1,234.50 元');
    expect(formatIndicatorValue(0, { valueType: 'money', unit: '元' })).toBe('0 元');
  });

  it('formats percentages with % and at most two decimals', () => {
    expect(formatIndicatorValue(35.5, { valueType: 'percent', unit: '%' })).toBe('35.5%');
    expect(formatIndicatorValue(33.3333, { valueType: 'percent', unit: '%' })).toBe('33.33%');
    expect(formatIndicatorValue(100, { valueType: 'percent', unit: '%' }, 'en')).toBe('100%');
  });

  it('formats counts and scores with their unit, in English with English units', () => {
    expect(formatIndicatorValue(1280, { valueType: 'integer', unit: '人' })).toBe('1,280 人');
    expect(formatIndicatorValue(95.25, { valueType: 'decimal', unit: '分' })).toBe('95.25 分');
    expect(formatIndicatorValue(12, { valueType: 'integer', unit: '人次' }, 'en')).toBe('12 person-times');
    expect(formatIndicatorValue(8800, { valueType: 'money', unit: '元' }, 'en')).toBe('8,800 yuan');
  });

  it('returns null for unfilled values so the page can say 未填', () => {
    expect(formatIndicatorValue(null, { valueType: 'integer', unit: '人' })).toBeNull();
    expect(formatIndicatorValue(undefined, { valueType: 'money', unit: '元' })).toBeNull();
    expect(formatIndicatorValue(Number.NaN, { valueType: 'money', unit: '元' })).toBeNull();
  });

  it('groups thousands in the number alone', () => {
    expect(formatNumber(12345678.9, 'money')).toBe('12,345,678.90');
    expect(formatNumber(1000, 'integer', 'en')).toBe('1,000');
  });
});

describe('compareWithPrevious', () => {
  it('reports direction and absolute change', () => {
    expect(compareWithPrevious(120, 100)).toEqual({ direction: 'up', delta: 20 });
    expect(compareWithPrevious(80, 100)).toEqual({ direction: 'down', delta: 20 });
    expect(compareWithPrevious(5, 5)).toEqual({ direction: 'same', delta: 0 });
  });

  it('ignores floating-point noise', () => {
    expect(compareWithPrevious(0.3, 0.1 + 0.2)).toEqual({ direction: 'same', delta: 0 });
    expect(compareWithPrevious(10.3, 10.1)).toEqual({ direction: 'up', delta: 0.2 });
  });

  it('gives nothing when either year is unfilled', () => {
    expect(compareWithPrevious(null, 3)).toBeNull();
    expect(compareWithPrevious(3, undefined)).toBeNull();
  });
});

describe('formatDate', () => {
  it('formats ISO timestamps in the reader’s language and rejects junk', () => {
    expect(formatDate('2025-03-04T08:00:00.000Z')).toBe('2025年3月4日');
    expect(formatDate('2025-03-04T08:00:00.000Z', 'en')).toBe('Mar 4, 2025');
    expect(formatDate('not a date')).toBeNull();
    expect(formatDate(null)).toBeNull();
  });
});

describe('narrativeParagraphs', () => {
  it('splits at blank lines and keeps single line breaks inside a paragraph', () => {
    expect(narrativeParagraphs('一、开展活动\n二、慰问困难教职工\r\n\r\n下一段')).toEqual(['一、开展活动\n二、慰问困难教职工', '下一段']);
    expect(narrativeParagraphs('  \n\n')).toEqual([]);
    expect(narrativeParagraphs(null)).toEqual([]);
  });
});
