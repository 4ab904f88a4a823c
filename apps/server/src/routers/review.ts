import { z } from 'zod';
import { idSchema, reportingYearSchema, reportVersionSchema, safeText } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { schoolIdsInScope } from '../auth/scope';
import { notifyRemind } from '../notifications/events';
import { pendingSchoolsInScope } from '../notifications/settings-service';
import { completeness, decideReport } from '../services/review';
import { adminProcedure, districtProcedure, router } from '../trpc/trpc';

const fieldCommentSchema = z.object({
  fieldPath: z.string().regex(/^(values\.[a-z][a-z0-9_]*|narrative\.(achievements|shortcomings|plans)|honours)$/, { error: '批注的字段无效' }),
  body: safeText({ min: 1, max: 500, minMessage: '请填写批注内容', maxMessage: '批注最多 500 字' }),
});

const decision = z.object({
  reportId: idSchema,
  version: reportVersionSchema.min(1),
  comment: safeText({ max: 2000, maxMessage: '意见最多 2000 字' }).default(''),
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
    .input(decision.refine((d) => d.comment.trim() || d.fieldComments.length, { error: '退回时请填写意见或对具体字段的批注', path: ['comment'] }))
    .mutation(({ ctx, input }) => decideReport(ctx, 'return', input)),

  approve: adminProcedure.input(decision).mutation(({ ctx, input }) => decideReport(ctx, 'approve', input)),

  /** Reopens an approved report (back to the school as returned); the reason is required and logged. */
  reopen: adminProcedure
    .input(decision.extend({ comment: safeText({ min: 2, max: 2000, minMessage: '请填写重新打开的原因', maxMessage: '原因最多 2000 字' }) }))
    .mutation(({ ctx, input }) => decideReport(ctx, 'reopen', input)),

  completeness: districtProcedure.input(z.object({ year: reportingYearSchema })).query(({ ctx, input }) => completeness(ctx.db, ctx.actor, input.year)),

  /** 一键催报: every school in scope that has not handed in the year's report — in-app, e-mail, group robots (notifications/). */
  remind: adminProcedure
    .input(z.object({ year: reportingYearSchema, message: safeText({ min: 2, max: 500, minMessage: '请填写提醒内容', maxMessage: '提醒内容最多 500 字' }) }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (trx) => {
        const pending = await pendingSchoolsInScope(trx, ctx.actor, input.year);
        await notifyRemind(trx, { year: input.year, message: input.message, schools: pending, createdBy: ctx.actor.userId });
        await writeAudit(trx, ctx, { action: 'reminder_sent', entityType: 'school', details: { year: input.year, schools: pending.length } });
        return { schools: pending.length };
      });
    }),
});
