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

/**
 * How unusual `value` is against `reference`, in robust standard units.
 * When more than half the reference values are equal (MAD = 0, common with
 * zero-heavy counts) the mean absolute deviation stands in, scaled to match.
 * Returns 0 when there is no spread at all and the value equals the median.
 */
export function modifiedZScore(value: number, reference: readonly number[]): number {
  const m = median(reference);
  const mad = medianAbsoluteDeviation(reference);
  if (mad > 0) return (0.6745 * (value - m)) / mad;
  const meanAbsDev = reference.reduce((sum, v) => sum + Math.abs(v - m), 0) / reference.length;
  if (meanAbsDev > 0) return (value - m) / (1.253314 * meanAbsDev);
  return value === m ? 0 : Math.sign(value - m) * Number.POSITIVE_INFINITY;
}
