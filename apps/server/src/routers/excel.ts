import { z } from 'zod';
import { groupFilterSchema, idSchema, indicatorCodeSchema, reportingYearSchema, safeText, schoolTypeSchema, sizeBands } from '@union/domain';
import { listYearIndicators } from '../services/catalogue';
import { exportComparisonWorkbook, exportSchoolProfileWorkbook } from '../services/dashboard-exports';
import { ensureScores } from '../services/scores';
import { applyImport } from '../services/spreadsheet-import';
import { exportSchoolHistoryWorkbook, exportYearWorkbook, previewImport } from '../services/spreadsheets';
import { adminProcedure, authedProcedure, districtProcedure, router } from '../trpc/trpc';

// Files travel base64-encoded in JSON; 8 MB of text is ~6 MB of .xlsx, far above a district's sheet.
const fileSchema = safeText({ asTyped: true, min: 1, max: 8_000_000, minMessage: { zh: '请选择文件', en: 'Choose a file' }, maxMessage: { zh: '文件太大（最大约 6 MB）', en: 'The file is too large (about 6 MB at most)' } });

export const excelRouter = router({
  /** One year's reports for all schools in scope, as .xlsx (base64). */
  exportYear: districtProcedure.input(z.object({ year: reportingYearSchema })).mutation(async ({ ctx, input }) => {
    return exportYearWorkbook(ctx.db, ctx.actor, input.year, await listYearIndicators(ctx.db, input.year));
  }),

  /** One school's history as .xlsx; chairs only their own school. */
  exportSchoolHistory: authedProcedure.input(z.object({ schoolId: idSchema })).mutation(async ({ ctx, input }) => {
    const latestYear = await ctx.db.selectFrom('reporting_years').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow();
    const catalogue = await listYearIndicators(ctx.db, latestYear.y ?? new Date().getFullYear());
    return exportSchoolHistoryWorkbook(ctx.db, ctx.actor, input.schoolId, catalogue);
  }),

  /** The dashboard's comparison table (same filters) as .xlsx. */
  exportComparison: authedProcedure
    .input(
      z.object({
        year: reportingYearSchema,
        codes: z.array(indicatorCodeSchema).min(1).max(20),
        perHundredStaff: z.boolean().default(false),
        clusterId: idSchema.optional(),
        schoolType: schoolTypeSchema.optional(),
        sizeBand: z.enum(sizeBands).optional(),
        group: groupFilterSchema.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await ensureScores(ctx.db, [input.year, input.year - 1]);
      return exportComparisonWorkbook(ctx.db, ctx.actor, input);
    }),

  /** A school's profile (scores, ranks, categories, gaps) as .xlsx; chairs only their own school. */
  exportSchoolProfile: authedProcedure.input(z.object({ schoolId: idSchema })).mutation(async ({ ctx, input }) => {
    const years = await ctx.db.selectFrom('reporting_years').select('year').execute();
    await ensureScores(ctx.db, years.map((y) => y.year));
    return exportSchoolProfileWorkbook(ctx.db, ctx.actor, input.schoolId);
  }),

  /** What an import would change, and every cell that fails validation. Writes nothing. */
  previewImport: adminProcedure.input(z.object({ year: reportingYearSchema, file: fileSchema })).mutation(async ({ ctx, input }) => {
    return previewImport(ctx.db, ctx.actor, input.year, await listYearIndicators(ctx.db, input.year), input.file);
  }),

  applyImport: adminProcedure
    .input(z.object({ year: reportingYearSchema, file: fileSchema, onlyValidRows: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      return applyImport(ctx, input.year, await listYearIndicators(ctx.db, input.year), input.file, input.onlyValidRows);
    }),
});
