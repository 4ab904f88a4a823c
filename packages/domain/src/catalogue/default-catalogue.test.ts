import { describe, expect, it } from 'vitest';
import { categoryCodes, categoryLabels } from './indicator';
import { defaultCatalogue, indicatorsByCategory } from './default-catalogue';

describe('default indicator catalogue', () => {
  it('has unique, stable codes', () => {
    const codes = defaultCatalogue.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBe(59);
  });

  it('puts every indicator in a known category and every category has indicators', () => {
    const groups = indicatorsByCategory(defaultCatalogue);
    expect([...groups.keys()].sort()).toEqual([...categoryCodes].sort());
    for (const code of categoryCodes) expect(categoryLabels[code].zh.length).toBeGreaterThan(0);
  });

  it('uses 元 for every money indicator and % with 0–100 bounds for every percentage', () => {
    for (const indicator of defaultCatalogue) {
      if (indicator.valueType === 'money') expect(indicator.unit).toBe('元');
      if (indicator.valueType === 'percent') {
        expect(indicator.unit).toBe('%');
        expect([indicator.min, indicator.max]).toEqual([0, 100]);
      }
    }
  });

  it('keeps the headcounts needed for per-100-staff comparison', () => {
    const basics = indicatorsByCategory(defaultCatalogue).get('basics')!.map((i) => i.code);
    expect(basics).toEqual(expect.arrayContaining(['staff_total', 'union_members', 'female_staff']));
  });

  it('distinguishes person-times (人次) from persons (人)', () => {
    const byCode = new Map(defaultCatalogue.map((i) => [i.code, i]));
    expect(byCode.get('sick_visits')?.unit).toBe('人次');
    expect(byCode.get('staff_total')?.unit).toBe('人');
  });
});
