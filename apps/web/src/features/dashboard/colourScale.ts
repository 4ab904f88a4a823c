/**
 * Percentile (0–100) → one of five background shades. The cell always shows
 * its number and "P<percentile>" too, so the colour is never the only cue.
 */
export const percentileShades = ['#f4f7fb', '#dce8f5', '#bcd3ec', '#93b8de', '#6b9bcf'] as const;

export function percentileBand(percentile: number | null | undefined): number | null {
  if (percentile == null || !Number.isFinite(percentile)) return null;
  return Math.min(4, Math.max(0, Math.floor(percentile / 20)));
}

export function percentileShade(percentile: number | null | undefined): string | undefined {
  const band = percentileBand(percentile);
  return band === null ? undefined : percentileShades[band];
}
