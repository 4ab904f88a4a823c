import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { reportingYearSchema, schoolTypeSchema } from '@union/domain';
import { getOrgTree, getSchool, listSchools } from '../services/schools';
import { publicProcedure, router } from '../trpc/trpc';

const idSchema = z.number().int().positive();

export const schoolsRouter = router({
  list: publicProcedure
    .input(
      z
        .object({
          year: reportingYearSchema.optional(),
          search: z.string().trim().max(50).optional(),
          clusterId: idSchema.optional(),
          schoolType: schoolTypeSchema.optional(),
        })
        .default({}),
    )
    .query(({ ctx, input }) =>
      listSchools(ctx.db, {
        year: input.year,
        search: input.search || undefined,
        clusterId: input.clusterId,
        schoolType: input.schoolType,
      }),
    ),

  get: publicProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
    const school = await getSchool(ctx.db, input.id);
    if (!school) throw new TRPCError({ code: 'NOT_FOUND', message: '找不到这所学校' });
    return school;
  }),

  orgTree: publicProcedure.query(({ ctx }) => getOrgTree(ctx.db)),
});
