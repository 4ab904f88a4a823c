// Narrative extraction (decode + mammoth + extractor) runs in a small pool of
// worker threads (tinypool), so one chair's 200,000-character paste or a
// malicious .docx never holds up the event loop that answers everyone else.
// Bounded: at most EXTRACT_WORKERS threads, a short queue, a time limit and a
// heap limit per worker; what exceeds them is refused in Chinese.
import { Tinypool } from 'tinypool';
import { currentLocale, type Indicator } from '@union/domain';
import type { ExtractionOutcome, ExtractionTask } from './narrative-worker';
import type { NarrativeSource } from './read-narrative';
import { userError } from '../trpc/error-messages';

/** Threads (EXTRACT_WORKERS, validated in config.ts and set by main.ts); 2 for tests and scripts. */
let workers = 2;
/** Tasks waiting per thread; more are refused at once rather than piling up. */
const QUEUE_PER_WORKER = 8;
/** A 200,000-character summary takes well under a second; a task still running after this is stopped. */
const TASK_TIMEOUT_MS = 60_000;
/** mammoth's peak for the largest .docx the limits allow stays far below this. */
const WORKER_HEAP_MB = 768;

let pool: Tinypool | null = null;

/** Sets the number of threads; takes effect for the next pool started. */
export function configureExtractionPool(options: { workers: number }): void {
  workers = options.workers;
}

function workerPool(): Tinypool {
  if (pool) return pool;
  pool = new Tinypool({
    // A JavaScript entry that loads the TypeScript worker through tsx, whatever started this process.
    filename: new URL('./narrative-worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: workers,
    maxQueue: QUEUE_PER_WORKER * workers,
    idleTimeout: 30_000,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  return pool;
}

const busy = () => userError('TOO_MANY_REQUESTS', { zh: '服务器正忙于读取其他总结，请稍后再试。', en: 'The server is busy reading other summaries; please try again shortly.' });
const tooComplex = () => userError('BAD_REQUEST', { zh: '该总结过于庞大或复杂，无法读取。请只保留工会工作总结部分，或复制文字粘贴。', en: 'This summary is too large or complex to read. Keep only the union work summary, or copy and paste its text.' });

/** Runs the extraction in the pool; zh-CN BAD_REQUEST for unreadable input, TOO_MANY_REQUESTS when the queue is full. */
export async function extractInPool(source: NarrativeSource, catalogue: readonly Indicator[]) {
  const current = workerPool();
  if (current.queueSize >= QUEUE_PER_WORKER * workers) throw busy();
  const task: ExtractionTask = { source, catalogue, locale: currentLocale() };
  let outcome: ExtractionOutcome;
  try {
    outcome = (await current.run(task, { signal: AbortSignal.timeout(TASK_TIMEOUT_MS) })) as ExtractionOutcome;
  } catch (error) {
    if (error instanceof Error && /queue is at limit/i.test(error.message)) throw busy();
    // Out of memory in the worker (ERR_WORKER_OUT_OF_MEMORY) or over time: the input, not the server.
    if (error instanceof Error && (/ERR_WORKER_OUT_OF_MEMORY|out of memory/i.test(`${(error as { code?: string }).code ?? ''} ${error.message}`) || error.name === 'AbortError' || error.name === 'TimeoutError')) {
      throw tooComplex();
    }
    throw error;
  }
  if (!outcome.ok) throw userError('BAD_REQUEST', outcome.message);
  return outcome.result;
}

/** Stops the worker threads (server shutdown; tests). Safe to call when no pool was started. */
export async function closeExtractionPool(): Promise<void> {
  const current = pool;
  pool = null;
  await current?.destroy();
}
