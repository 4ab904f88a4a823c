import { z } from 'zod';
import { groupFilterSchema, groupSetSchema, idSchema, indicatorCodeSchema, isStaffRole, reportingYearSchema, schoolTypeSchema, sizeBands, zodMessage } from '@union/domain';
import { drillDownActor } from '../auth/city-scope';
import { districtComparison } from '../services/district-comparison';
import { userError } from '../trpc/error-messages';
import { categoryHeatmap, comparison, indicatorTrend, progressRanking, schoolProfile, yearOverview } from '../services/dashboard';
import { yearHighlights } from '../services/dashboard-highlights';
import { selfGaps } from '../services/dashboard-self-gaps';
import { ensureScores } from '../services/scores';
import { authedProcedure, router } from '../trpc/trpc';

/** City staff look into one district of theirs (`districtId`, checked against their scope in SQL). */
const districtIdInput = idSchema.optional();
const yearInput = z.object({ year: reportingYearSchema, districtId: districtIdInput });

/** Scores approved reports that have none yet before any dashboard reads them. */
const scoredProcedure = authedProcedure.use(async ({ ctx, next }) => {
  const years = await ctx.db.selectFrom('reporting_years').select('year').execute();
  await ensureScores(ctx.db, years.map((y) => y.year));
  return next();
});

export const dashboardRouter = router({
  overview: scoredProcedure
    .input(z.object({ year: reportingYearSchema, districtId: districtIdInput, group: groupFilterSchema.optional() }))
    .query(async ({ ctx, input }) => yearOverview(ctx.db, await drillDownActor(ctx.db, ctx.actor, input.districtId), input.year, input.group)),

  /** One row per district in scope: schools, completeness, indicator totals/medians/per 100 staff, scores, YoY. */
  districtComparison: scoredProcedure
    .input(z.object({ year: reportingYearSchema, codes: z.array(indicatorCodeSchema).max(10, { error: zodMessage(() => ({ zh: '最多同时比较 10 个指标', en: 'Compare at most 10 indicators at once' })) }).optional() }))
    .query(({ ctx, input }) => {
      if (!isStaffRole(ctx.actor.role)) throw userError('FORBIDDEN', { zh: '您没有权限执行此操作', en: 'You are not allowed to do this' });
      return districtComparison(ctx.db, ctx.actor, input.year, input.codes);
    }),

  comparison: scoredProcedure
    .input(
      z.object({
        year: reportingYearSchema,
        codes: z.array(indicatorCodeSchema).min(1, { error: zodMessage(() => ({ zh: '请至少选择一个指标', en: 'Choose at least one indicator' })) }).max(20, { error: zodMessage(() => ({ zh: '最多同时比较 20 个指标', en: 'Compare at most 20 indicators at once' })) }),
        perHundredStaff: z.boolean().default(false),
        clusterId: idSchema.optional(),
        schoolType: schoolTypeSchema.optional(),
        sizeBand: z.enum(sizeBands).optional(),
        districtId: districtIdInput,
        /** Only one school group's schools, e.g. { set: 'locality', value: 'rural' } or { set: 'groups', value: <id> }. */
        group: groupFilterSchema.optional(),
        /** Per-group rows beside the schools. */
        by: groupSetSchema.optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const { districtId, ...filter } = input;
      return comparison(ctx.db, await drillDownActor(ctx.db, ctx.actor, districtId), filter);
    }),

  heatmap: scoredProcedure.input(yearInput).query(async ({ ctx, input }) => categoryHeatmap(ctx.db, await drillDownActor(ctx.db, ctx.actor, input.districtId), input.year)),

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

  progress: scoredProcedure.input(yearInput).query(async ({ ctx, input }) => progressRanking(ctx.db, await drillDownActor(ctx.db, ctx.actor, input.districtId), input.year)),

  schoolProfile: scoredProcedure
    .input(z.object({ schoolId: idSchema, year: reportingYearSchema.optional() }))
    .query(({ ctx, input }) => schoolProfile(ctx.db, ctx.actor, input.schoolId, input.year)),

  /** Who leads, who improved, which categories lost most: the overview's first screen (null for chairs before publication). */
  /** 自评 − 考评 per school of the year's approved reports in scope, largest over-rating first (empty unless the rubric is rated). */
  selfGaps: scoredProcedure.input(yearInput).query(async ({ ctx, input }) => selfGaps(ctx.db, await drillDownActor(ctx.db, ctx.actor, input.districtId), input.year)),

  highlights: scoredProcedure.input(yearInput).query(async ({ ctx, input }) => yearHighlights(ctx.db, await drillDownActor(ctx.db, ctx.actor, input.districtId), input.year)),
});
