export interface LatencyStats {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentiles of durations in milliseconds. */
export function latencyStats(durations: readonly number[]): LatencyStats {
  const sorted = [...durations].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { n: sorted.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1) ?? Number.NaN) };
}

export async function timeCalls(count: number, call: () => Promise<unknown>, warmup = 3): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await call();
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await call();
    durations.push(performance.now() - started);
  }
  return latencyStats(durations);
}
