import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { median, medianAbsoluteDeviation, modifiedZScore, robustReference } from '../compare/robust-statistics';
import { outlierWarning } from './outliers';

const indicator = (code: string) => defaultCatalogue.find((i) => i.code === code)!;

describe('robust statistics', () => {
  it('computes median and MAD by hand-checked examples', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // |x - 2| for [1,2,3,4,100] = [1,0,1,2,98] → median 1
    expect(medianAbsoluteDeviation([1, 2, 3, 4, 100])).toBe(1);
  });

  it('scores with 0.6745·(x − median)/MAD', () => {
    // median 10, MAD 2 → (0.6745 × 10)/2
    expect(modifiedZScore(20, [8, 10, 12, 10, 14, 6])).toBeCloseTo(3.3725, 4);
  });

  it('falls back to the mean absolute deviation for zero-heavy data', () => {
    const mostlyZero = [0, 0, 0, 0, 5];
    expect(medianAbsoluteDeviation(mostlyZero)).toBe(0);
    // mean |x − 0| = 1 → 10 / 1.253314
    expect(modifiedZScore(10, mostlyZero)).toBeCloseTo(7.979, 3);
    expect(modifiedZScore(0, [0, 0, 0])).toBe(0);
  });
});

describe('outlier warnings', () => {
  it('flags a tenfold jump against the school’s own history, in Chinese naming the field', () => {
    const w = outlierWarning(indicator('hardship_aid_amount'), 48000, { ownHistory: [4200, 5000, 4800, 5300], peerValuesPer100Staff: [], staffCount: 80 });
    expect(w?.basis).toBe('own_history');
    expect(w?.messageZh).toBe('困难帮扶金额（48000元）与本校往年（中位数 4900元）差异较大，请核实或说明原因');
  });

  it('stays quiet for ordinary year-to-year variation and tiny counts', () => {
    expect(outlierWarning(indicator('sick_visits'), 15, { ownHistory: [10, 12, 14, 11], peerValuesPer100Staff: [], staffCount: 80 })).toBeNull();
    // From 0–1 to 3 is a big score on no spread, but only 3 visits.
    expect(outlierWarning(indicator('union_papers'), 2, { ownHistory: [0, 0, 1, 0], peerValuesPer100Staff: [], staffCount: 80 })).toBeNull();
  });

  it('does not flood warnings on skewed, zero-heavy data where a mean ± 2·SD rule would', () => {
    // Typical district distribution of claims per 100 staff: mostly 0–3, a long tail.
    const peers = [0, 0, 0, 1, 1, 2, 2, 3, 4, 6, 9, 0, 1, 0, 2];
    const mean = peers.reduce((a, b) => a + b, 0) / peers.length;
    const sd = Math.sqrt(peers.reduce((a, b) => a + (b - mean) ** 2, 0) / peers.length);
    const flaggedBySd = peers.filter((v) => Math.abs(v - mean) > 2 * sd).length;
    const flaggedRobust = peers.filter(
      (v) => outlierWarning(indicator('mutual_insurance_claimants'), v, { ownHistory: [], peerValuesPer100Staff: peers, staffCount: 100 }) !== null,
    ).length;
    expect(flaggedRobust).toBeLessThanOrEqual(flaggedBySd);
    expect(flaggedRobust).toBeLessThanOrEqual(1);
  });

  it('compares with peer schools per 100 staff when the history is short', () => {
    const peers = [10, 12, 9, 11, 10, 13];
    const w = outlierWarning(indicator('holiday_visits'), 150, { ownHistory: [40], peerValuesPer100Staff: peers, staffCount: 50 });
    expect(w?.basis).toBe('peer_schools');
    expect(w?.messageZh).toContain('按每百名教职工计为 300');
  });

  it('questions a headcount jump against the school’s own past, never against peers', () => {
    expect(outlierWarning(indicator('staff_total'), 80, { ownHistory: [21, 21, 22], peerValuesPer100Staff: [], staffCount: 80 })?.basis).toBe('own_history');
    expect(outlierWarning(indicator('staff_total'), 22, { ownHistory: [21, 21, 22], peerValuesPer100Staff: [], staffCount: 22 })).toBeNull();
    expect(outlierWarning(indicator('retired_staff'), 90, { ownHistory: [], peerValuesPer100Staff: [1, 2, 3, 2], staffCount: 50 })).toBeNull();
  });

  it('never warns on percentages (they have hard 0–100 bounds)', () => {
    expect(outlierWarning(indicator('new_cadre_share'), 100, { ownHistory: [0, 0, 0, 5], peerValuesPer100Staff: [], staffCount: 50 })).toBeNull();
  });
});

describe('outlier check with precomputed references', () => {
  it('gives the same warning from a reference summary as from the raw values', () => {
    const history = [4200, 5000, 4800, 5300];
    const peers = [1, 2, 2, 3, 2, 1, 2, 3, 2, 2];
    const hardship = defaultCatalogue.find((i) => i.code === 'hardship_aid_amount')!;
    const holiday = defaultCatalogue.find((i) => i.code === 'holiday_visits')!;
    expect(outlierWarning(hardship, 48000, { ownHistory: robustReference(history), peerValuesPer100Staff: [], staffCount: 80 })).toEqual(
      outlierWarning(hardship, 48000, { ownHistory: history, peerValuesPer100Staff: [], staffCount: 80 }),
    );
    expect(outlierWarning(holiday, 150, { ownHistory: [], peerValuesPer100Staff: robustReference(peers), staffCount: 50 })).toEqual(
      outlierWarning(holiday, 150, { ownHistory: [], peerValuesPer100Staff: peers, staffCount: 50 }),
    );
    expect(robustReference([0, 0, 0, 10])).toEqual({ n: 4, median: 0, mad: 0, meanAbsoluteDeviation: 2.5 });
  });
});
