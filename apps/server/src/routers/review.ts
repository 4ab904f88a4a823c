import { z } from 'zod';
import { idSchema, reportingYearSchema, reportVersionSchema, safeText, zodMessage } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { schoolIdsInScope } from '../auth/scope';
import { completeness, decideReport } from '../services/review';
import { adminProcedure, districtProcedure, router } from '../trpc/trpc';

const fieldCommentSchema = z.object({
  fieldPath: z.string().regex(/^(values\.[a-z][a-z0-9_]*|narrative\.(achievements|shortcomings|plans)|honours)$/, { error: zodMessage(() => ({ zh: '批注的字段无效', en: 'The field of the comment is not valid' })) }),
  body: safeText({ min: 1, max: 500, minMessage: { zh: '请填写批注内容', en: 'Enter the comment' }, maxMessage: { zh: '批注最多 500 字', en: 'A comment has at most 500 characters' } }),
});

const decision = z.object({
  reportId: idSchema,
  version: reportVersionSchema.min(1),
  comment: safeText({ max: 2000, maxMessage: { zh: '意见最多 2000 字', en: 'The remarks have at most 2000 characters' } }).default(''),
  fieldComments: z.array(fieldCommentSchema).max(100).default([]),
});

export const reviewRouter = router({
  /** Submitted reports of a year, oldest submission first, waiting for a decision. */
  queue: districtProcedure.input(z.object({ year: reportingYearSchema })).query(async ({ ctx, input }) => {
    const rows = await ctx.db
      .selectFrom('reports as r')
      .innerJoin('org_units as ou', 'ou.id', 'r.school_id')
      .select(['r.id', 'r.school_id', 'ou.name', 'r.version', 'r.submitted_at', 'r.review_round'])
      .where('r.year', '=', input.year)
      .where('r.status', '=', 'submitted')
      .where('r.school_id', 'in', schoolIdsInScope(ctx.db, ctx.actor))
      .orderBy('r.submitted_at')
      .execute();
    return rows.map((r) => ({
      reportId: r.id,
      schoolId: r.school_id,
      schoolName: r.name,
      version: r.version,
      submittedAt: r.submitted_at,
      /** 0 for a first submission; n after n returns. */
      reviewRound: r.review_round,
    }));
  }),

  /** Back to the school with comments on the whole report and on single fields. */
  return: adminProcedure
    .input(decision.refine((d) => d.comment.trim() || d.fieldComments.length, { error: zodMessage(() => ({ zh: '退回时请填写意见或对具体字段的批注', en: 'To return a report, write remarks or comment on a field' })), path: ['comment'] }))
    .mutation(({ ctx, input }) => decideReport(ctx, 'return', input)),

  approve: adminProcedure.input(decision).mutation(({ ctx, input }) => decideReport(ctx, 'approve', input)),

  /** Reopens an approved report (back to the school as returned); the reason is required and logged. */
  reopen: adminProcedure
    .input(decision.extend({ comment: safeText({ min: 2, max: 2000, minMessage: { zh: '请填写重新打开的原因', en: 'Enter the reason for reopening' }, maxMessage: { zh: '原因最多 2000 字', en: 'The reason has at most 2000 characters' } }) }))
    .mutation(({ ctx, input }) => decideReport(ctx, 'reopen', input)),

  completeness: districtProcedure.input(z.object({ year: reportingYearSchema })).query(({ ctx, input }) => completeness(ctx.db, ctx.actor, input.year)),

  /** An in-app reminder to every school in scope that has not handed in the year's report. */
  remind: adminProcedure
    .input(z.object({ year: reportingYearSchema, message: safeText({ min: 2, max: 500, minMessage: { zh: '请填写提醒内容', en: 'Enter the reminder text' }, maxMessage: { zh: '提醒内容最多 500 字', en: 'A reminder has at most 500 characters' } }) }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (trx) => {
        const pending = await trx
          .selectFrom('schools as s')
          .leftJoin('reports as r', (join) => join.onRef('r.school_id', '=', 's.id').on('r.year', '=', input.year))
          .select('s.id')
          .where('s.active', '=', true)
          .where('s.id', 'in', schoolIdsInScope(trx, ctx.actor))
          .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', 'in', ['draft', 'returned'])]))
          .execute();
        if (pending.length) {
          await trx
            .insertInto('reminders')
            .values(pending.map((p) => ({ year: input.year, school_id: p.id, message: input.message, created_by: ctx.actor.userId })))
            .execute();
        }
        await writeAudit(trx, ctx, { action: 'reminder_sent', entityType: 'school', details: { year: input.year, schools: pending.length } });
        return { schools: pending.length };
      });
    }),
});
