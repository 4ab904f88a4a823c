import http from 'node:http';
import { latencyStats, type LatencyStats } from './stats';

export interface DeadlineWeekPhase {
  /** Saves each chair aims at per second (null: as fast as the server answers). */
  pacedPerChairPerSecond: number | null;
  seconds: number;
  saves: number;
  savesPerSecond: number;
  latency: LatencyStats;
  conflicts: number;
  failures: number;
  /** The first few failures' messages, to tell what went wrong. */
  failureSamples: string[];
}

export interface DeadlineWeekResult {
  clients: number;
  /** Every chair autosaving every 1.5 s (the form's debounce while typing): the real deadline-week load. */
  autosave: DeadlineWeekPhase;
  /** Chairs saving on a schedule that adds up to the target rate: what latency does a chair see? */
  paced: DeadlineWeekPhase;
  /** Chairs saving back to back: how many saves per second can the server take at most? */
  saturated: DeadlineWeekPhase;
  lostUpdates: number;
}

interface TrpcAnswer<T> {
  result?: { data: T };
  error?: { message: string; data?: { code?: string } };
}

/**
 * A small tRPC-over-HTTP client on a keep-alive agent: the load generator
 * must cost far less than the server it measures (fetch managed ~850
 * trivial requests/s on this machine, node:http over 7,000).
 */
function trpcClient(baseUrl: string, cookie: string, agent: http.Agent) {
  const url = new URL(baseUrl);
  const call = <T>(method: 'GET' | 'POST', path: string, input: unknown) =>
    new Promise<TrpcAnswer<T>>((resolve, reject) => {
      const body = method === 'POST' ? JSON.stringify(input) : '';
      const query = method === 'GET' ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: `/trpc/${path}${query}`,
          method,
          agent,
          headers: { cookie, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => {
            try {
              resolve(JSON.parse(text) as TrpcAnswer<T>);
            } catch (error) {
              reject(error instanceof Error ? error : new Error(String(error)));
            }
          });
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  return {
    query: <T>(path: string, input: unknown) => call<T>('GET', path, input),
    mutate: <T>(path: string, input: unknown) => call<T>('POST', path, input),
  };
}

interface StoredReport {
  report: { version: number; values: Record<string, number | null>; narrative: { achievements: string; shortcomings: string; plans: string } } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Many chairs saving drafts at once, each with its own session, over real
 * HTTP: every client saves its school's report in a loop, remembering the
 * last value the server confirmed. Three phases: every chair autosaving
 * every 1.5 s (what the form does while a chair types), then paced to
 * `targetPerSecond` in all (harsher than real chairs), then back to back to
 * find the ceiling. Afterwards every stored value
 * must equal the last confirmed one (zero lost updates).
 *
 * Why two phases: with N clients in a closed loop, latency = N / throughput
 * (Little's law), so 300 clients saving back to back can never see 100 ms
 * unless the server does 3,000 saves/s; latency is only meaningful at a
 * given offered load.
 */
export async function deadlineWeek(options: {
  /** One URL per server replica; chair i talks to replica i mod n. */
  baseUrls: string[];
  chairs: { cookie: string; schoolId: number }[];
  year: number;
  seconds: number;
  targetPerSecond: number;
  readValue: (schoolId: number) => Promise<number | null>;
}): Promise<DeadlineWeekResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.chairs.length });
  const confirmed = new Map<number, number>();
  const chairs = await Promise.all(
    options.chairs.map(async ({ cookie, schoolId }, index) => {
      const api = trpcClient(options.baseUrls[index % options.baseUrls.length]!, cookie, agent);
      const current = await api.query<StoredReport>('reports.get', { schoolId, year: options.year });
      const report = current.result?.data.report;
      return {
        api,
        schoolId,
        version: report?.version ?? 0,
        values: { ...(report?.values ?? {}) },
        narrative: report?.narrative ?? { achievements: '', shortcomings: '', plans: '' },
        counter: 0,
      };
    }),
  );

  async function phase(seconds: number, pacedPerChairPerSecond: number | null): Promise<DeadlineWeekPhase> {
    const durations: number[] = [];
    let conflicts = 0;
    let failures = 0;
    const failureSamples: string[] = [];
    const fail = (why: string) => {
      failures += 1;
      if (failureSamples.length < 5) failureSamples.push(why);
    };
    const interval = pacedPerChairPerSecond ? 1000 / pacedPerChairPerSecond : 0;
    const started = Date.now();
    const deadline = started + seconds * 1000;
    await Promise.all(
      chairs.map(async (chair, index) => {
        // Spread the paced chairs over the first interval instead of starting all at once.
        if (interval) await sleep((interval * index) / chairs.length);
        let next = Date.now();
        while (Date.now() < deadline) {
          chair.counter += 1;
          chair.values.holiday_visits = chair.counter;
          const t0 = performance.now();
          try {
            const answer = await chair.api.mutate<{ version: number }>('reports.save', {
              schoolId: chair.schoolId,
              year: options.year,
              baseVersion: chair.version,
              values: chair.values,
              narrative: chair.narrative,
              honours: [],
            });
            if (answer.result) {
              durations.push(performance.now() - t0);
              chair.version = answer.result.data.version;
              confirmed.set(chair.schoolId, chair.counter);
            } else if (answer.error?.data?.code === 'CONFLICT') {
              conflicts += 1;
              const fresh = await chair.api.query<StoredReport>('reports.get', { schoolId: chair.schoolId, year: options.year });
              chair.version = fresh.result?.data.report?.version ?? 0;
            } else {
              fail(answer.error?.message ?? 'no result');
            }
          } catch (error) {
            fail(error instanceof Error ? error.message : String(error));
          }
          if (interval) {
            next += interval;
            const wait = next - Date.now();
            if (wait > 0) await sleep(wait);
          }
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    return {
      pacedPerChairPerSecond,
      seconds: Math.round(elapsed * 10) / 10,
      saves: durations.length,
      savesPerSecond: Math.round((durations.length / elapsed) * 10) / 10,
      latency: latencyStats(durations),
      conflicts,
      failures,
      failureSamples,
    };
  }

  const autosave = await phase(Math.max(5, Math.round(options.seconds / 2)), 1 / 1.5);
  const paced = await phase(options.seconds, options.targetPerSecond / chairs.length);
  const saturated = await phase(Math.max(5, Math.round(options.seconds / 2)), null);
  agent.destroy();

  let lostUpdates = 0;
  for (const [schoolId, value] of confirmed) if ((await options.readValue(schoolId)) !== value) lostUpdates += 1;
  return { clients: chairs.length, autosave, paced, saturated, lostUpdates };
}
