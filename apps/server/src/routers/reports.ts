import { z } from 'zod';
import {
  honourSchema,
  idSchema,
  indicatorCodeSchema,
  indicatorExplanationsSchema,
  indicatorValuesSchema,
  narrativeSchema,
  reportingYearSchema,
  reportVersionSchema,
  valueSourcesSchema,
} from '@union/domain';
import { listYearIndicators } from '../services/catalogue';
import { outlierWarnings } from '../services/outlier-check';
import { saveDraft, submitReport } from '../services/report-drafts';
import { getPreviousYearValues, getReport, listReportingYears } from '../services/reports';
import { listComments } from '../services/review';
import { getSchool } from '../services/schools';
import { valueHistory } from '../services/value-history';
import { authedProcedure, router } from '../trpc/trpc';
import { schoolNotFound, userError } from '../trpc/error-messages';

const schoolYear = { schoolId: idSchema, year: reportingYearSchema };

export const reportsRouter = router({
  years: authedProcedure.query(({ ctx }) => listReportingYears(ctx.db)),

  /**
   * A school's report for a year with last year's values, the district's
   * comments and the outlier warnings. `report` is null when the school has
   * not started it, or (for district viewers) while it is still a draft.
   */
  get: authedProcedure.input(z.object(schoolYear)).query(async ({ ctx, input }) => {
    const school = await getSchool(ctx.db, ctx.actor, input.schoolId);
    if (!school) throw schoolNotFound();
    const yearInfo = school.years.find((y) => y.year === input.year);
    if (!yearInfo) throw userError('NOT_FOUND', { zh: `${input.year} 年度尚未开放填报`, en: `Reporting year ${input.year} is not open yet` });
    const [report, previousYearValues, catalogue] = await Promise.all([
      getReport(ctx.db, ctx.actor, input.schoolId, input.year),
      getPreviousYearValues(ctx.db, ctx.actor, input.schoolId, input.year),
      listYearIndicators(ctx.db, input.year),
    ]);
    const [comments, warnings] = report
      ? await Promise.all([listComments(ctx.db, ctx.actor, report.id), outlierWarnings(ctx.db, input.schoolId, input.year, report.values, catalogue)])
      : [[], []];
    return { school, year: input.year, status: yearInfo.status, isOpen: yearInfo.isOpen, report, previousYearValues, comments, warnings };
  }),

  /** Autosave of the chair's draft. `baseVersion` is the version the edit started from (0 = new). */
  save: authedProcedure
    .input(
      z.object({
        ...schoolYear,
        baseVersion: reportVersionSchema,
        values: indicatorValuesSchema,
        narrative: narrativeSchema,
        honours: z.array(honourSchema).max(200),
        explanations: indicatorExplanationsSchema.default({}),
        sources: valueSourcesSchema.default({}),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // One catalogue read per save: validation and the outlier check use the same list.
      const catalogue = await listYearIndicators(ctx.db, input.year);
      const saved = await saveDraft(ctx, input, catalogue);
      const warnings = await outlierWarnings(ctx.db, input.schoolId, input.year, input.values, catalogue);
      return { ...saved, warnings };
    }),

  submit: authedProcedure
    .input(z.object({ ...schoolYear, version: reportVersionSchema.min(1) }))
    .mutation(({ ctx, input }) => submitReport(ctx, input)),

  /** Who changed one field from what to what and when. */
  valueHistory: authedProcedure
    .input(z.object({ reportId: idSchema, code: indicatorCodeSchema }))
    .query(({ ctx, input }) => valueHistory(ctx.db, ctx.actor, input.reportId, input.code)),
});
