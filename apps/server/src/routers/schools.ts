import { z } from 'zod';
import { idSchema, lifeSpanProblem, localitySchema, ownershipSchema, reportingYearSchema, safeText, schoolLifeYearSchema, schoolTypeSchema, zodMessage } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { createSchool, recordMerge, updateSchool, type SchoolInput } from '../services/school-admin';
import { getOrgTree, getSchool, listSchools } from '../services/schools';
import { adminProcedure, authedProcedure, router } from '../trpc/trpc';
import { schoolNotFound, userError } from '../trpc/error-messages';

const schoolInputSchema = z
  .object({
    code: safeText({ min: 1, max: 40, minMessage: { zh: '请填写学校代码', en: 'Enter the school code' } }),
    name: safeText({ min: 2, max: 80, minMessage: { zh: '学校名称至少 2 个字', en: 'A school name has at least 2 characters' } }),
    schoolType: schoolTypeSchema,
    /** The cluster (片区) or the district the school sits under. */
    parentId: idSchema,
    staffCount: z.number().int().min(0).max(100_000),
    memberCount: z.number().int().min(0).max(100_000),
    /** First reporting year (default: the current reporting year for a new school; unchanged on update). */
    openedYear: schoolLifeYearSchema.optional(),
    /** Last reporting year of a closed school; null = open. */
    closedYear: schoolLifeYearSchema.nullable().optional(),
    /** false = deactivate, which closes the school from now on (see school-admin.ts). */
    active: z.boolean().optional(),
    /** 城区/乡镇/农村 (null = not recorded) and 公办/民办; left out = unchanged (public for a new school). */
    locality: localitySchema.nullable().optional(),
    ownership: ownershipSchema.optional(),
  })
  .refine((s) => s.memberCount <= s.staffCount, { error: zodMessage(() => ({ zh: '工会会员数不能超过教职工总数', en: 'Union members cannot be more than total staff' })), path: ['memberCount'] })
  .refine((s) => s.openedYear === undefined || s.closedYear == null || !lifeSpanProblem({ openedYear: s.openedYear, closedYear: s.closedYear }), {
    error: zodMessage(() => ({ zh: '停办年度不能早于开办年度', en: 'The closing year cannot be before the opening year' })),
    path: ['closedYear'],
  });

export const schoolsRouter = router({
  /** Schools in the caller's scope (a chair: only their own). */
  list: authedProcedure
    .input(
      z
        .object({
          year: reportingYearSchema.optional(),
          search: safeText({ max: 50 }).optional(),
          clusterId: idSchema.optional(),
          schoolType: schoolTypeSchema.optional(),
          /** Admins only: include deactivated schools (for the schools admin page). */
          includeInactive: z.boolean().default(false),
        })
        .default({ includeInactive: false }),
    )
    .query(({ ctx, input }) => {
      if (input.includeInactive && ctx.actor.role !== 'district_admin') {
        throw userError('FORBIDDEN', { zh: '您没有权限执行此操作', en: 'You are not allowed to do this' });
      }
      return listSchools(ctx.db, ctx.actor, {
        year: input.year,
        search: input.search || undefined,
        clusterId: input.clusterId,
        schoolType: input.schoolType,
        includeInactive: input.includeInactive,
      });
    }),

  get: authedProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
    const school = await getSchool(ctx.db, ctx.actor, input.id);
    if (!school) throw schoolNotFound();
    return school;
  }),

  orgTree: authedProcedure.query(({ ctx }) => getOrgTree(ctx.db, ctx.actor)),

  create: adminProcedure.input(schoolInputSchema).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (trx) => {
      const id = await createSchool(trx, ctx.actor, input as SchoolInput);
      await writeAudit(trx, ctx, {
        action: 'school_created',
        entityType: 'school',
        entityId: id,
        schoolId: id,
        details: { name: input.name, openedYear: input.openedYear ?? null, closedYear: input.closedYear ?? null },
      });
      return { id };
    });
  }),

  update: adminProcedure.input(z.object({ id: idSchema, school: schoolInputSchema })).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (trx) => {
      const changes = await updateSchool(trx, ctx.actor, input.id, input.school as SchoolInput);
      await writeAudit(trx, ctx, {
        action: 'school_updated',
        entityType: 'school',
        entityId: input.id,
        schoolId: input.id,
        details: changes,
      });
      return { id: input.id };
    });
  }),

  /** Records that a school was merged into another in a year (the merged school closes after the year before). */
  recordMerge: adminProcedure
    .input(z.object({ predecessorId: idSchema, successorId: idSchema, year: schoolLifeYearSchema }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (trx) => {
        const merged = await recordMerge(trx, ctx.actor, input);
        await writeAudit(trx, ctx, {
          action: 'school_merged',
          entityType: 'school',
          entityId: input.predecessorId,
          schoolId: input.predecessorId,
          details: { ...merged, successorId: input.successorId, year: input.year },
        });
        return { ok: true as const, closedYear: merged.closedYear };
      });
    }),
});
