import { z } from 'zod';
import { idSchema, safeText, zodMessage } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { deleteSchoolGroup, listSchoolGroups, saveSchoolGroup, setSchoolGroupMembers } from '../services/school-groups';
import { adminProcedure, authedProcedure, router } from '../trpc/trpc';

/** District-defined school groups (教育集团, 新优质学校…): everyone reads their district's, the admin changes them. */
export const schoolGroupsRouter = router({
  list: authedProcedure.query(({ ctx }) => listSchoolGroups(ctx.db, ctx.actor)),

  save: adminProcedure
    .input(
      z.object({
        id: idSchema.optional(),
        groupName: safeText({ min: 1, max: 40, minMessage: { zh: '请填写分组名称', en: 'Enter the group name' } }),
        description: safeText({ max: 200 }).default(''),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const saved = await saveSchoolGroup(trx, ctx.actor, input);
        await writeAudit(trx, ctx, {
          action: 'school_group_saved',
          entityType: 'school_group',
          entityId: saved.id,
          details: { before: saved.before, after: { name: input.groupName, description: input.description } },
        });
        return { id: saved.id };
      }),
    ),

  delete: adminProcedure.input(z.object({ id: idSchema })).mutation(({ ctx, input }) =>
    ctx.db.transaction().execute(async (trx) => {
      const deleted = await deleteSchoolGroup(trx, ctx.actor, input.id);
      await writeAudit(trx, ctx, { action: 'school_group_deleted', entityType: 'school_group', entityId: input.id, details: { name: deleted.name } });
      return { ok: true as const };
    }),
  ),

  setMembers: adminProcedure
    .input(
      z.object({
        id: idSchema,
        schoolIds: z.array(idSchema).max(5000, { error: zodMessage(() => ({ zh: '一个分组最多 5000 所学校', en: 'A group has at most 5,000 schools' })) }),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const changes = await setSchoolGroupMembers(trx, ctx.actor, input.id, input.schoolIds);
        await writeAudit(trx, ctx, { action: 'school_group_members_set', entityType: 'school_group', entityId: input.id, details: changes });
        return { ok: true as const };
      }),
    ),
});
