import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '@union/server';
import { latencyStats, type LatencyStats } from './stats';

export interface DeadlineWeekResult {
  clients: number;
  seconds: number;
  saves: number;
  savesPerSecond: number;
  latency: LatencyStats;
  conflicts: number;
  failures: number;
  lostUpdates: number;
}

/**
 * Many chairs saving drafts at once, each with its own session, over real
 * HTTP: every client saves its school's report in a loop, remembering the
 * last value the server confirmed. Afterwards every stored value must equal
 * that last confirmed value (zero lost updates).
 */
export async function deadlineWeek(options: {
  baseUrl: string;
  chairs: { cookie: string; schoolId: number }[];
  year: number;
  seconds: number;
  readValue: (schoolId: number) => Promise<number | null>;
}): Promise<DeadlineWeekResult> {
  const deadline = Date.now() + options.seconds * 1000;
  const durations: number[] = [];
  let conflicts = 0;
  let failures = 0;
  const confirmed = new Map<number, number>();

  await Promise.all(
    options.chairs.map(async ({ cookie, schoolId }) => {
      const api = createTRPCClient<AppRouter>({ links: [httpLink({ url: `${options.baseUrl}/trpc`, headers: { cookie } })] });
      const current = await api.reports.get.query({ schoolId, year: options.year });
      let version = current.report?.version ?? 0;
      const values = { ...(current.report?.values ?? {}) };
      const narrative = current.report?.narrative ?? { achievements: '', shortcomings: '', plans: '' };
      let counter = 0;
      while (Date.now() < deadline) {
        counter += 1;
        values.holiday_visits = counter;
        const started = performance.now();
        try {
          const saved = await api.reports.save.mutate({ schoolId, year: options.year, baseVersion: version, values, narrative, honours: [] });
          durations.push(performance.now() - started);
          version = saved.version;
          confirmed.set(schoolId, counter);
        } catch (error) {
          if (error instanceof TRPCClientError && error.data?.code === 'CONFLICT') {
            conflicts += 1;
            const fresh = await api.reports.get.query({ schoolId, year: options.year });
            version = fresh.report?.version ?? 0;
          } else {
            failures += 1;
          }
        }
      }
    }),
  );

  let lostUpdates = 0;
  for (const [schoolId, value] of confirmed) if ((await options.readValue(schoolId)) !== value) lostUpdates += 1;
  return {
    clients: options.chairs.length,
    seconds: options.seconds,
    saves: durations.length,
    savesPerSecond: Math.round((durations.length / options.seconds) * 10) / 10,
    latency: latencyStats(durations),
    conflicts,
    failures,
    lostUpdates,
  };
}
