import { z } from 'zod';
import { idSchema, reportFieldPathPattern, reportingYearSchema, reportVersionSchema, safeText, zodMessage, type Localized } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { notifyRemind } from '../notifications/events';
import { pendingSchoolsInScope } from '../notifications/settings-service';
import { listUnlocks, unlockReport } from '../services/report-unlocks';
import { completeness } from '../services/review';
import { approveReport, approveReports, returnReport } from '../services/review-decisions';
import { approvalPreview, reviewQueue } from '../services/review-queue';
import { adminProcedure, authedProcedure, reviewAreaProcedure, reviewerProcedure, router } from '../trpc/trpc';

const fieldPathSchema = (message: Localized) => z.string().max(100, { error: zodMessage(() => message) }).regex(reportFieldPathPattern, { error: zodMessage(() => message) });

const fieldCommentSchema = z.object({
  fieldPath: fieldPathSchema({ zh: '批注的字段无效', en: 'The field of the comment is not valid' }),
  body: safeText({ min: 1, max: 500, minMessage: { zh: '请填写批注内容', en: 'Enter the comment' }, maxMessage: { zh: '批注最多 500 字', en: 'A comment has at most 500 characters' } }),
});

const decision = z.object({
  reportId: idSchema,
  version: reportVersionSchema.min(1),
  comment: safeText({ max: 2000, maxMessage: { zh: '意见最多 2000 字', en: 'The remarks have at most 2000 characters' } }).default(''),
  fieldComments: z.array(fieldCommentSchema).max(100).default([]),
});

/** One district (a few hundred schools) at most per bulk approval. */
const MAX_BULK = 500;

export const reviewRouter = router({
  /** Handed-in reports of a year in the caller's scope, with whose step each one waits for. */
  queue: reviewAreaProcedure.input(z.object({ year: reportingYearSchema })).query(({ ctx, input }) => reviewQueue(ctx.db, ctx.actor, input.year)),

  /** Back to the school with comments on the whole report and on single fields (cluster reviewer or district). */
  return: reviewerProcedure
    .input(decision.refine((d) => d.comment.trim() || d.fieldComments.length, { error: zodMessage(() => ({ zh: '退回时请填写意见或对具体字段的批注', en: 'To return a report, write remarks or comment on a field' })), path: ['comment'] }))
    .mutation(({ ctx, input }) => returnReport(ctx, input)),

  /** A cluster reviewer's first step, or the district's approval / acceptance (see reviewDecision). */
  approve: reviewerProcedure.input(decision).mutation(({ ctx, input }) => approveReport(ctx, input)),

  /** What approving these reports would lock: schools, open comments, outlier warnings. Changes nothing. */
  approvalPreview: reviewerProcedure
    .input(z.object({ year: reportingYearSchema, reportIds: z.array(idSchema).min(1, { error: zodMessage(() => ({ zh: '请至少选择一份年报', en: 'Select at least one report' })) }).max(MAX_BULK, { error: zodMessage(() => ({ zh: `一次最多 ${MAX_BULK} 份年报`, en: `At most ${MAX_BULK} reports at a time` })) }) }))
    .query(({ ctx, input }) => approvalPreview(ctx.db, ctx.actor, input.year, input.reportIds)),

  /** Approves several reports, each in its own checked transition; lists successes and refusals. */
  approveMany: reviewerProcedure
    .input(
      z.object({
        reports: z
          .array(z.object({ reportId: idSchema, version: reportVersionSchema.min(1) }))
          .min(1, { error: zodMessage(() => ({ zh: '请至少选择一份年报', en: 'Select at least one report' })) })
          .max(MAX_BULK, { error: zodMessage(() => ({ zh: `一次最多 ${MAX_BULK} 份年报`, en: `At most ${MAX_BULK} reports at a time` })) }),
      }),
    )
    .mutation(({ ctx, input }) => approveReports(ctx, input.reports)),

  /**
   * Unlocks an approved report (back to the school as returned), all of it or
   * one field, without reopening the year; the reason is required and logged.
   */
  reopen: adminProcedure
    .input(
      decision.omit({ fieldComments: true }).extend({
        comment: safeText({ min: 2, max: 2000, minMessage: { zh: '请填写重新打开的原因', en: 'Enter the reason for reopening' }, maxMessage: { zh: '原因最多 2000 字', en: 'The reason has at most 2000 characters' } }),
        unlockField: fieldPathSchema({ zh: '解锁的字段无效', en: 'The field to unlock is not valid' }).nullable().default(null),
      }),
    )
    .mutation(({ ctx, input }) => unlockReport(ctx, input)),

  /** A report's unlocks since approval with the diff of each resubmission (anyone who may read the report). */
  edits: authedProcedure.input(z.object({ reportId: idSchema })).query(({ ctx, input }) => listUnlocks(ctx.db, ctx.actor, input.reportId)),

  completeness: reviewAreaProcedure.input(z.object({ year: reportingYearSchema })).query(({ ctx, input }) => completeness(ctx.db, ctx.actor, input.year)),

  /** 一键催报: every school in scope that has not handed in the year's report — in-app, e-mail, group robots (notifications/). */
  remind: adminProcedure
    .input(z.object({ year: reportingYearSchema, message: safeText({ min: 2, max: 500, minMessage: { zh: '请填写提醒内容', en: 'Enter the reminder text' }, maxMessage: { zh: '提醒内容最多 500 字', en: 'A reminder has at most 500 characters' } }) }))
    .mutation(async ({ ctx, input }) => {
      return ctx.db.transaction().execute(async (trx) => {
        const pending = await pendingSchoolsInScope(trx, ctx.actor, input.year);
        await notifyRemind(trx, { year: input.year, message: input.message, schools: pending, createdBy: ctx.actor.userId });
        await writeAudit(trx, ctx, { action: 'reminder_sent', entityType: 'school', details: { year: input.year, schools: pending.length } });
        return { schools: pending.length };
      });
    }),
});
