import { z } from 'zod';
import { groupFilterSchema, groupSetSchema, idSchema, indicatorCodeSchema, reportingYearSchema, schoolTypeSchema, sizeBands, zodMessage } from '@union/domain';
import { categoryHeatmap, comparison, indicatorTrend, progressRanking, schoolProfile, yearOverview } from '../services/dashboard';
import { yearHighlights } from '../services/dashboard-highlights';
import { ensureScores } from '../services/scores';
import { authedProcedure, router } from '../trpc/trpc';

const yearInput = z.object({ year: reportingYearSchema });

/** Scores approved reports that have none yet before any dashboard reads them. */
const scoredProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const years = await ctx.db.selectFrom('reporting_years').select('year').execute();
  await ensureScores(ctx.db, years.map((y) => y.year));
  return next();
});

export const dashboardRouter = router({
  overview: scoredProcedure
    .input(z.object({ year: reportingYearSchema, group: groupFilterSchema.optional() }))
    .query(({ ctx, input }) => yearOverview(ctx.db, ctx.actor, input.year, input.group)),

  comparison: scoredProcedure
    .input(
      z.object({
        year: reportingYearSchema,
        codes: z.array(indicatorCodeSchema).min(1, { error: zodMessage(() => ({ zh: '请至少选择一个指标', en: 'Choose at least one indicator' })) }).max(20, { error: zodMessage(() => ({ zh: '最多同时比较 20 个指标', en: 'Compare at most 20 indicators at once' })) }),
        perHundredStaff: z.boolean().default(false),
        clusterId: idSchema.optional(),
        schoolType: schoolTypeSchema.optional(),
        sizeBand: z.enum(sizeBands).optional(),
        /** Only one school group's schools, e.g. { set: 'locality', value: 'rural' } or { set: 'groups', value: <id> }. */
        group: groupFilterSchema.optional(),
        /** Per-group rows beside the schools. */
        by: groupSetSchema.optional(),
      }),
    )
    .query(({ ctx, input }) => comparison(ctx.db, ctx.actor, input)),

  heatmap: scoredProcedure.input(yearInput).query(({ ctx, input }) => categoryHeatmap(ctx.db, ctx.actor, input.year)),

  trend: scoredProcedure
    .input(
      z.object({
        code: indicatorCodeSchema,
        perHundredStaff: z.boolean().default(false),
        schoolIds: z.array(idSchema).max(10, { error: zodMessage(() => ({ zh: '最多同时显示 10 所学校', en: 'Show at most 10 schools at once' })) }).default([]),
        /** The median over one school group's schools only. */
        group: groupFilterSchema.optional(),
        /** One median line per group. */
        by: groupSetSchema.optional(),
      }),
    )
    .query(({ ctx, input }) => indicatorTrend(ctx.db, ctx.actor, input.code, input.perHundredStaff, input.schoolIds, { group: input.group, by: input.by })),

  progress: scoredProcedure.input(yearInput).query(({ ctx, input }) => progressRanking(ctx.db, ctx.actor, input.year)),

  schoolProfile: scoredProcedure
    .input(z.object({ schoolId: idSchema, year: reportingYearSchema.optional() }))
    .query(({ ctx, input }) => schoolProfile(ctx.db, ctx.actor, input.schoolId, input.year)),

  /** Who leads, who improved, which categories lost most: the overview's first screen (null for chairs before publication). */
  highlights: scoredProcedure.input(yearInput).query(({ ctx, input }) => yearHighlights(ctx.db, ctx.actor, input.year)),
});
