import { z } from 'zod';
import { idSchema } from '@union/domain';
import { authedProcedure, router } from '../trpc/trpc';
import { userError } from '../trpc/error-messages';

export const remindersRouter = router({
  /** Reminders for the chair's own school, newest first. District staff have none. */
  mine: authedProcedure.query(async ({ ctx }) => {
    if (ctx.actor.schoolId === null) return [];
    const rows = await ctx.db
      .selectFrom('reminders')
      .select(['id', 'year', 'message', 'created_at', 'read_at'])
      .where('school_id', '=', ctx.actor.schoolId)
      .orderBy('created_at', 'desc')
      .limit(20)
      .execute();
    return rows.map((r) => ({ id: r.id, year: r.year, message: r.message, createdAt: r.created_at, read: r.read_at !== null }));
  }),

  /** Marks one of the chair's own reminders read; another school's reminder answers NOT_FOUND like a missing one. */
  markRead: authedProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
    const schoolId = ctx.actor.schoolId;
    // Marking an already read reminder again keeps its first read time and still succeeds.
    const marked = schoolId === null
      ? undefined
      : await ctx.db
          .updateTable('reminders')
          .set((eb) => ({ read_at: eb.fn.coalesce('read_at', eb.val(new Date())) }))
          .where('id', '=', input.id)
          .where('school_id', '=', schoolId)
          .returning('id')
          .executeTakeFirst();
    if (!marked) throw userError('NOT_FOUND', { zh: '找不到这条提醒', en: 'Reminder not found' });
    return { ok: true as const };
  }),
});
