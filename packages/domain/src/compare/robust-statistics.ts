// Robust statistics for skewed, zero-heavy union counts (outlier checks, medians).

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation from the median. */
export function medianAbsoluteDeviation(values: readonly number[]): number {
  const m = median(values);
  return median(values.map((v) => Math.abs(v - m)));
}

/** What the modified z-score needs to know about a reference set, computed once and reused. */
export interface RobustReference {
  n: number;
  median: number;
  mad: number;
  meanAbsoluteDeviation: number;
}

export function robustReference(values: readonly number[]): RobustReference {
  const m = median(values);
  const deviations = values.map((v) => Math.abs(v - m));
  return {
    n: values.length,
    median: m,
    mad: median(deviations),
    meanAbsoluteDeviation: values.length ? deviations.reduce((sum, d) => sum + d, 0) / values.length : Number.NaN,
  };
}

/**
 * How unusual `value` is against `reference`, in robust standard units.
 * When more than half the reference values are equal (MAD = 0, common with
 * zero-heavy counts) the mean absolute deviation stands in, scaled to match.
 * Returns 0 when there is no spread at all and the value equals the median.
 */
export function modifiedZScore(value: number, reference: readonly number[] | RobustReference): number {
  const { median: m, mad, meanAbsoluteDeviation } = 'median' in reference ? reference : robustReference(reference);
  if (mad > 0) return (0.6745 * (value - m)) / mad;
  if (meanAbsoluteDeviation > 0) return (value - m) / (1.253314 * meanAbsoluteDeviation);
  return value === m ? 0 : Math.sign(value - m) * Number.POSITIVE_INFINITY;
}
