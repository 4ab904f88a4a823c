import { describe, expect, it } from 'vitest';
import type { Indicator } from '../catalogue/indicator';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { plausibleBoundsOf } from '../report/plausibility';
import { indicatorValueLimits, indicatorValueSchema } from './indicator-value';

const byCode = (code: string): Indicator => {
  const indicator = defaultCatalogue.find((i) => i.code === code);
  if (!indicator) throw new Error(`no indicator ${code}`);
  return indicator;
};

function messageOf(indicator: Indicator, value: unknown): string | undefined {
  const result = indicatorValueSchema(indicator).safeParse(value);
  return result.success ? undefined : result.error.issues[0]?.message;
}

describe('indicatorValueSchema', () => {
  it('accepts empty (null) for any indicator', () => {
    for (const indicator of defaultCatalogue) expect(indicatorValueSchema(indicator).parse(null)).toBeNull();
  });

  it('requires non-negative whole numbers for counts and names the field in Chinese', () => {
    const sickVisits = byCode('sick_visits');
    expect(indicatorValueSchema(sickVisits).parse(12)).toBe(12);
    expect(messageOf(sickVisits, 2.5)).toBe('探望慰问病患人次必须是整数');
    expect(messageOf(sickVisits, -1)).toBe('探望慰问病患人次不能为负数');
    expect(messageOf(sickVisits, '12')).toBe('探望慰问病患人次必须是数字');
  });

  it('allows money in 元 with at most two decimals', () => {
    const amount = byCode('hardship_aid_amount');
    expect(indicatorValueSchema(amount).parse(142000)).toBe(142000);
    expect(indicatorValueSchema(amount).parse(1234.5)).toBe(1234.5);
    expect(indicatorValueSchema(amount).parse(0.01)).toBe(0.01);
    expect(messageOf(amount, 10.123)).toBe('困难帮扶金额最多保留两位小数（单位：元）');
    expect(messageOf(amount, 1e-7)).toBe('困难帮扶金额最多保留两位小数（单位：元）');
  });

  it('keeps percentages between 0 and 100', () => {
    const share = byCode('new_cadre_share');
    expect(indicatorValueSchema(share).parse(50)).toBe(50);
    expect(messageOf(share, 100.5)).toBe('新任工会干部比例不能大于 100%');
    expect(messageOf(share, -0.5)).toBe('新任工会干部比例不能小于 0%');
  });

  it('bounds every value by its type or its lower plausible ceiling, naming the bound and unit', () => {
    expect(indicatorValueSchema(byCode('sick_visits')).parse(100_000)).toBe(100_000);
    expect(messageOf(byCode('sick_visits'), 100_001)).toBe('探望慰问病患人次不能大于 100,000 人次，请检查是否多输了数字');
    expect(messageOf(byCode('sick_visits'), 1e15)).toMatch(/^探望慰问病患人次不能大于/);
    expect(messageOf(byCode('congress_sessions'), 1_000_000_000_000)).toBe('教代会召开次数不能大于 12 次，请检查是否多输了数字');
    expect(indicatorValueSchema(byCode('hardship_aid_amount')).parse(1e8)).toBe(1e8);
    expect(messageOf(byCode('hardship_aid_amount'), 2147483648)).toBe('困难帮扶金额不能大于 100,000,000 元，请检查是否多输了数字');
    for (const indicator of defaultCatalogue) {
      const limit = Math.min(indicator.max ?? Infinity, indicatorValueLimits[indicator.valueType], plausibleBoundsOf(indicator).max ?? Infinity);
      expect(indicatorValueSchema(indicator).safeParse(limit).success, indicator.code).toBe(true);
      expect(indicatorValueSchema(indicator).safeParse(1e15).success, indicator.code).toBe(false);
    }
  });

  it('rejects infinities and NaN', () => {
    const staff = byCode('staff_total');
    expect(indicatorValueSchema(staff).safeParse(Number.POSITIVE_INFINITY).success).toBe(false);
    expect(indicatorValueSchema(staff).safeParse(Number.NaN).success).toBe(false);
  });
});
