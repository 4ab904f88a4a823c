import { z } from 'zod';
import { reportingYearSchema, type Indicator } from '@union/domain';
import { listActiveIndicators, listYearIndicators } from '../services/catalogue';
import { authedProcedure, router } from '../trpc/trpc';

export const catalogueRouter = router({
  /** The indicators of a reporting year (in that year's order), or the active catalogue. */
  list: authedProcedure
    .input(z.object({ year: reportingYearSchema.optional() }).default({}))
    .query(({ ctx, input }): Promise<Indicator[]> => (input.year ? listYearIndicators(ctx.db, input.year) : listActiveIndicators(ctx.db))),
});
