import { z } from 'zod';
import { authedProcedure, router } from '../trpc/trpc';

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

  markRead: authedProcedure.input(z.object({ id: z.number().int().positive() })).mutation(async ({ ctx, input }) => {
    await ctx.db
      .updateTable('reminders')
      .set({ read_at: new Date() })
      .where('id', '=', input.id)
      .where('school_id', '=', ctx.actor.schoolId ?? -1)
      .where('read_at', 'is', null)
      .execute();
    return { ok: true as const };
  }),
});
