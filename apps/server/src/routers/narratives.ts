import { z } from 'zod';
import { reportingYearSchema, safeText } from '@union/domain';
import { listYearIndicators } from '../services/catalogue';
import { extractFromSource } from '../services/narrative-import';
import { searchNarratives } from '../services/narrative-search';
import { authedProcedure, districtProcedure, router } from '../trpc/trpc';

const sourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: safeText({ min: 1, max: 200_000, minMessage: { zh: '请粘贴总结内容', en: 'Paste the summary' }, maxMessage: { zh: '总结太长（最多 20 万字）', en: 'The summary is too long (200,000 characters at most)' } }) }),
  z.object({
    kind: z.literal('file'),
    filename: safeText({ min: 1, max: 200 }),
    base64: safeText({ asTyped: true, min: 1, max: 8_000_000, minMessage: { zh: '请选择文件', en: 'Choose a file' }, maxMessage: { zh: '文件太大（最大约 6 MB）', en: 'The file is too large (about 6 MB at most)' } }),
  }),
]);

/** Reports per page of search results. */
export const SEARCH_PAGE_REPORTS = 50;

export const narrativesRouter = router({
  /** Pre-fill suggestions from a chair's own 总结 (pasted text, .txt in UTF-8/GBK, or .docx). Writes nothing. */
  extract: authedProcedure
    .input(z.object({ year: reportingYearSchema, source: sourceSchema }))
    .mutation(async ({ ctx, input }) => extractFromSource(ctx, input.source, await listYearIndicators(ctx.db, input.year))),

  /** Full-text search over narratives and honours, to find and collect good practice. */
  search: districtProcedure
    .input(
      z.object({
        query: safeText({ min: 1, max: 50, minMessage: { zh: '请输入要搜索的内容', en: 'Enter what to search for' } }),
        year: reportingYearSchema.optional(),
        /** Page of 50 reports, from 0. */
        page: z.number().int().min(0).max(1000).default(0),
      }),
    )
    .query(({ ctx, input }) => searchNarratives(ctx.db, ctx.actor, input.query, input.year, SEARCH_PAGE_REPORTS, input.page * SEARCH_PAGE_REPORTS)),
});
