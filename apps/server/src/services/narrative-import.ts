import type { ExtractionResult, Indicator } from '@union/domain';
import { extractInPool } from '../extraction/extraction-pool';
import type { NarrativeSource } from '../extraction/read-narrative';
import type { Context } from '../trpc/context';
import { EXTRACT_CHARS_PER_REQUEST, MAX_NARRATIVE_CHARS } from './upload-limits';
import { userError } from '../trpc/error-messages';

export type { NarrativeSource } from '../extraction/read-narrative';

/**
 * What one HTTP request may ask the extractor to read: tRPC batches many
 * calls into one request, and three 200,000-character extracts in one batch
 * once held the server for 11 s. A pasted text costs its length; a file costs
 * the most text it may hold, so one request reads one file or 200,000
 * characters of pasted text.
 */
function chargeBudget(ctx: Pick<Context, 'requestBudget'>, source: NarrativeSource): void {
  const cost = source.kind === 'text' ? source.text.length : MAX_NARRATIVE_CHARS;
  if (cost > ctx.requestBudget.extractChars) {
    throw userError('BAD_REQUEST', {
      zh: `一次请求中读取的总结合计超过上限（最多 ${EXTRACT_CHARS_PER_REQUEST.toLocaleString('zh-CN')} 字或一个文件），请分开提交。`,
      en: `One request may read at most ${EXTRACT_CHARS_PER_REQUEST.toLocaleString('en')} characters of summaries or one file; send them separately.`,
    });
  }
  ctx.requestBudget.extractChars -= cost;
}

/** Suggestions for the form from a chair's own 总结, each linked to its sentence; read off the request thread. */
export async function extractFromSource(
  ctx: Pick<Context, 'requestBudget'>,
  source: NarrativeSource,
  catalogue: readonly Indicator[],
): Promise<ExtractionResult & { text: string }> {
  chargeBudget(ctx, source);
  return extractInPool(source, catalogue);
}
