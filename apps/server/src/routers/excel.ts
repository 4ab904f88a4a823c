import { z } from 'zod';
import { reportingYearSchema } from '@union/domain';
import { listYearIndicators } from '../services/catalogue';
import { applyImport } from '../services/spreadsheet-import';
import { exportSchoolHistoryWorkbook, exportYearWorkbook, previewImport } from '../services/spreadsheets';
import { adminProcedure, authedProcedure, districtProcedure, router } from '../trpc/trpc';

// Files travel base64-encoded in JSON; 8 MB of text is ~6 MB of .xlsx, far above a district's sheet.
const fileSchema = z.string().min(1, { error: '请选择文件' }).max(8_000_000, { error: '文件太大（最大约 6 MB）' });

export const excelRouter = router({
  /** One year's reports for all schools in scope, as .xlsx (base64). */
  exportYear: districtProcedure.input(z.object({ year: reportingYearSchema })).mutation(async ({ ctx, input }) => {
    return exportYearWorkbook(ctx.db, ctx.actor, input.year, await listYearIndicators(ctx.db, input.year));
  }),

  /** One school's history as .xlsx; chairs only their own school. */
  exportSchoolHistory: authedProcedure.input(z.object({ schoolId: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    const latestYear = await ctx.db.selectFrom('reporting_years').select((eb) => eb.fn.max('year').as('y')).executeTakeFirstOrThrow();
    const catalogue = await listYearIndicators(ctx.db, latestYear.y ?? new Date().getFullYear());
    return exportSchoolHistoryWorkbook(ctx.db, ctx.actor, input.schoolId, catalogue);
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
