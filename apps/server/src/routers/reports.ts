import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { reportingYearSchema } from '@union/domain';
import { getPreviousYearValues, getReport, listReportingYears } from '../services/reports';
import { getSchool } from '../services/schools';
import { authedProcedure, router } from '../trpc/trpc';

export const reportsRouter = router({
  years: authedProcedure.query(({ ctx }) => listReportingYears(ctx.db)),

  /**
   * A school's report for a year. `report` is null when the school has not
   * started it, or (for district viewers) while it is still a draft.
   */
  get: authedProcedure
    .input(z.object({ schoolId: z.number().int().positive(), year: reportingYearSchema }))
    .query(async ({ ctx, input }) => {
      const school = await getSchool(ctx.db, ctx.actor, input.schoolId);
      if (!school) throw new TRPCError({ code: 'NOT_FOUND', message: '找不到这所学校' });
      const yearInfo = school.years.find((y) => y.year === input.year);
      if (!yearInfo) throw new TRPCError({ code: 'NOT_FOUND', message: `${input.year} 年度尚未开放填报` });
      const [report, previousYearValues] = await Promise.all([
        getReport(ctx.db, ctx.actor, input.schoolId, input.year),
        getPreviousYearValues(ctx.db, ctx.actor, input.schoolId, input.year),
      ]);
      return { school, year: input.year, status: yearInfo.status, report, previousYearValues };
    }),
});
