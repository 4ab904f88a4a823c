import { z } from 'zod';
import { hashPassword } from '@union/db';
import { displayNameSchema, idSchema, newPasswordSchema, roleSchema, usernameSchema, zodMessage } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { revokeUserSessions } from '../auth/sessions';
import { assertOrgUnitFitsRole, findUserInScope, listUsers } from '../services/users';
import { orgAdminProcedure, router } from '../trpc/trpc';
import { userError } from '../trpc/error-messages';

// The form sends 0 when no school or unit is chosen: say that, not 「编号无效」.
const notChosen = zodMessage(() => ({ zh: '请选择学校或单位', en: 'choose a school or unit' }));
const orgUnitIdSchema = z.number({ error: notChosen }).min(1, { error: notChosen, abort: true }).pipe(idSchema);

export const usersRouter = router({
  list: orgAdminProcedure.query(({ ctx }) => listUsers(ctx.db, ctx.actor)),

  /** New accounts start with a temporary password the user must change at first login. */
  create: orgAdminProcedure
    .input(
      z.object({
        username: usernameSchema,
        displayName: displayNameSchema,
        role: roleSchema,
        orgUnitId: orgUnitIdSchema,
        temporaryPassword: newPasswordSchema,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.temporaryPassword);
      return ctx.db.transaction().execute(async (trx) => {
        await assertOrgUnitFitsRole(trx, ctx.actor, input.role, input.orgUnitId);
        const taken = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
        if (taken) throw userError('CONFLICT', { zh: `用户名 ${input.username} 已被使用`, en: `User name ${input.username} is already taken` });
        const user = await trx
          .insertInto('users')
          .values({
            username: input.username,
            display_name: input.displayName,
            role: input.role,
            org_unit_id: input.orgUnitId,
            password_hash: passwordHash,
            must_change_password: true,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(trx, ctx, {
          action: 'user_created',
          entityType: 'user',
          entityId: user.id,
          details: { username: input.username, role: input.role, orgUnitId: input.orgUnitId },
        });
        return { id: user.id };
      });
    }),

  update: orgAdminProcedure
    .input(z.object({ id: idSchema, displayName: displayNameSchema, role: roleSchema, orgUnitId: orgUnitIdSchema }))
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.actor.userId && input.role !== ctx.actor.role) {
        throw userError('BAD_REQUEST', { zh: '不能修改自己的角色', en: 'You cannot change your own role' });
      }
      return ctx.db.transaction().execute(async (trx) => {
        const before = await findUserInScope(trx, ctx.actor, input.id);
        await assertOrgUnitFitsRole(trx, ctx.actor, input.role, input.orgUnitId);
        await trx
          .updateTable('users')
          .set({ display_name: input.displayName, role: input.role, org_unit_id: input.orgUnitId })
          .where('id', '=', input.id)
          .execute();
        // A changed role or unit changes what the user may see: make them log in again.
        if (before.role !== input.role || before.org_unit_id !== input.orgUnitId) await revokeUserSessions(trx, input.id);
        await writeAudit(trx, ctx, {
          action: 'user_updated',
          entityType: 'user',
          entityId: input.id,
          details: {
            before: { displayName: before.display_name, role: before.role, orgUnitId: before.org_unit_id },
            after: { displayName: input.displayName, role: input.role, orgUnitId: input.orgUnitId },
          },
        });
        return { id: input.id };
      });
    }),

  resetPassword: orgAdminProcedure
    .input(z.object({ id: idSchema, temporaryPassword: newPasswordSchema }))
    .mutation(async ({ ctx, input }) => {
      const passwordHash = await hashPassword(input.temporaryPassword);
      await ctx.db.transaction().execute(async (trx) => {
        await findUserInScope(trx, ctx.actor, input.id);
        await trx
          .updateTable('users')
          .set({ password_hash: passwordHash, must_change_password: true, password_changed_at: new Date() })
          .where('id', '=', input.id)
          .execute();
        await revokeUserSessions(trx, input.id);
        await writeAudit(trx, ctx, { action: 'password_reset', entityType: 'user', entityId: input.id });
      });
      return { ok: true as const };
    }),

  setDisabled: orgAdminProcedure.input(z.object({ id: idSchema, disabled: z.boolean() })).mutation(async ({ ctx, input }) => {
    if (input.id === ctx.actor.userId) throw userError('BAD_REQUEST', { zh: '不能停用自己的账号', en: 'You cannot disable your own account' });
    await ctx.db.transaction().execute(async (trx) => {
      await findUserInScope(trx, ctx.actor, input.id);
      await trx
        .updateTable('users')
        .set({ disabled_at: input.disabled ? new Date() : null })
        .where('id', '=', input.id)
        .execute();
      if (input.disabled) await revokeUserSessions(trx, input.id);
      await writeAudit(trx, ctx, { action: input.disabled ? 'user_disabled' : 'user_enabled', entityType: 'user', entityId: input.id });
    });
    return { ok: true as const };
  }),
});
