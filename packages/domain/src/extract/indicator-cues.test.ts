import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { indicatorCues } from './indicator-cues';

describe('indicatorCues', () => {
  it('has cues for every indicator of the default catalogue and no others', () => {
    expect(Object.keys(indicatorCues).sort()).toEqual(defaultCatalogue.map((i) => i.code).sort());
  });

  it('lets every indicator be written in its catalogue unit', () => {
    for (const indicator of defaultCatalogue) {
      const cue = indicatorCues[indicator.code]!;
      expect(cue.classifiers, indicator.code).toContain(indicator.unit);
      expect(cue.all.length, indicator.code).toBeGreaterThan(0);
      for (const group of cue.all) expect(group.length, indicator.code).toBeGreaterThan(0);
    }
  });
});
