import { TRPCError } from '@trpc/server';
import type { Transaction } from 'kysely';
import type { Database } from '@union/db';
import { reviewDecision, type ReportStatus, type ReviewDecision, type Reviewer, type ReviewSteps } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { notifyDecision } from '../notifications/events';
import type { Actor } from '../auth/actor';
import { schoolIdsInScope } from '../auth/scope';
import type { Context } from '../trpc/context';
import { staleVersionMessage } from './report-drafts';
import { refreshScores } from './scores';
import { reportNotFound, userError } from '../trpc/error-messages';

export interface FieldComment {
  /** `values.<code>`, `narrative.<section>` or `honours`. */
  fieldPath: string;
  body: string;
}

export interface DecisionInput {
  reportId: number;
  version: number;
  comment: string;
  fieldComments: FieldComment[];
}

export interface DecisionResult {
  status: ReportStatus;
  version: number;
}

type ReviewContext = Context & { actor: Actor };

/** Which step an actor takes: cluster reviewers the first, the district admin the district's. */
export function reviewerOf(actor: Actor): Reviewer {
  if (actor.role === 'cluster_reviewer') return 'cluster';
  if (actor.role === 'district_admin') return 'district';
  throw userError('FORBIDDEN', { zh: '您没有权限执行此操作', en: 'You are not allowed to do this' });
}

/**
 * The report a decision is about, read (and locked against parallel decisions)
 * inside the caller's scope; out-of-scope answers NOT_FOUND like a missing id.
 */
export async function lockReportInScope(trx: Transaction<Database>, actor: Actor, reportId: number) {
  const report = await trx
    .selectFrom('reports as r')
    .innerJoin('reporting_years as y', 'y.year', 'r.year')
    .innerJoin('org_units as ou', 'ou.id', 'r.school_id')
    .leftJoin('org_units as parent', 'parent.id', 'ou.parent_id')
    .select(['r.id', 'r.school_id', 'r.year', 'r.status', 'r.version', 'r.review_round', 'y.review_steps', 'parent.kind as parent_kind', 'ou.name as school_name'])
    .where('r.id', '=', reportId)
    .where('r.school_id', 'in', schoolIdsInScope(trx, actor))
    .forUpdate('r')
    .executeTakeFirst();
  if (!report) throw reportNotFound();
  return report;
}

function assertVersion(report: { version: number }, version: number): void {
  if (report.version !== version) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(report.version) });
}

/** The comments of a decision (on the whole report and on single fields), trimmed, empty ones dropped. */
function commentRows(input: Pick<DecisionInput, 'comment' | 'fieldComments'>, reportId: number, round: number, authorId: number) {
  return [
    ...(input.comment.trim() ? [{ fieldPath: '', body: input.comment.trim() }] : []),
    ...input.fieldComments.filter((c) => c.body.trim()).map((c) => ({ fieldPath: c.fieldPath, body: c.body.trim() })),
  ].map((c) => ({ report_id: reportId, review_round: round, field_path: c.fieldPath, body: c.body, author_id: authorId }));
}

async function decide(ctx: ReviewContext, trx: Transaction<Database>, decision: ReviewDecision, input: DecisionInput): Promise<DecisionResult> {
  const { actor } = ctx;
  const by = reviewerOf(actor);
  const report = await lockReportInScope(trx, actor, input.reportId);
  const outcome = reviewDecision(decision, report.status, {
    reviewSteps: report.review_steps as ReviewSteps,
    schoolInCluster: report.parent_kind === 'cluster',
    by,
  });
  if ('refusal' in outcome) throw new TRPCError({ code: 'BAD_REQUEST', message: outcome.refusal });
  assertVersion(report, input.version);

  const now = new Date();
  const next = outcome.next;
  const round = decision === 'return' ? report.review_round + 1 : report.review_round;
  const changes =
    next === 'cluster_approved'
      ? { cluster_approved_at: now, cluster_approved_by: actor.userId }
      : next === 'approved'
        ? // Approval ends any unlock: the report is locked again.
          { approved_at: now, unlocked_at: null, unlocked_field: null }
        : { returned_at: now, approved_at: null, cluster_approved_at: null, cluster_approved_by: null };
  const updated = await trx
    .updateTable('reports')
    .set({ status: next, version: report.version + 1, updated_at: now, review_round: round, ...changes })
    .where('id', '=', report.id)
    .where('version', '=', input.version)
    .returning(['version'])
    .executeTakeFirst();
  if (!updated) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(report.version) });

  // Dashboards show approved reports only: score on approval.
  if (next === 'approved') await refreshScores(trx, report.year, [report.id]);
  else await trx.deleteFrom('report_scores').where('report_id', '=', report.id).execute();

  const comments = commentRows(input, report.id, round, actor.userId);
  if (comments.length) await trx.insertInto('report_comments').values(comments).execute();
  await writeAudit(trx, ctx, {
    action: next === 'cluster_approved' ? 'report_cluster_approved' : next === 'approved' ? 'report_approved' : 'report_returned',
    entityType: 'report',
    entityId: report.id,
    schoolId: report.school_id,
    details: {
      year: report.year,
      from: report.status,
      step: by,
      comment: input.comment.trim(),
      fieldComments: input.fieldComments.length,
    },
  });
  // The school hears of a return or the final approval (in-app, e-mail) in the same transaction;
  // the cluster's first step needs nothing from it.
  if (next !== 'cluster_approved') {
    await notifyDecision(trx, { action: next === 'approved' ? 'approve' : 'return', reportId: report.id, version: updated.version, schoolId: report.school_id, year: report.year, comment: input.comment.trim(), createdBy: actor.userId });
  }
  return { status: next, version: updated.version };
}

/**
 * Back to the school with comments. A cluster reviewer returns reports of its
 * cluster awaiting the first step; the district returns any handed-in report.
 */
export function returnReport(ctx: ReviewContext, input: DecisionInput): Promise<DecisionResult> {
  return ctx.db.transaction().execute((trx) => decide(ctx, trx, 'return', input));
}

/**
 * Approves one report, in its own transaction and version-checked like a
 * save: a cluster reviewer's approval is the first step (cluster_approved),
 * the district's approves (one-step year, school without a cluster) or
 * accepts a cluster-approved report (locks it and scores it).
 */
export function approveReport(ctx: ReviewContext, input: DecisionInput): Promise<DecisionResult> {
  return ctx.db.transaction().execute((trx) => decide(ctx, trx, 'approve', input));
}

export interface BulkApproval {
  approved: { reportId: number; schoolName: string; status: ReportStatus }[];
  refused: { reportId: number; schoolName: string | null; message: string }[];
}

/**
 * Approves several reports, each in its own checked transition (the same as
 * approving it alone), one after another: a refusal (stale version, wrong
 * status, out of scope) leaves the others standing and is listed with its reason.
 */
export async function approveReports(ctx: ReviewContext, items: { reportId: number; version: number }[]): Promise<BulkApproval> {
  const result: BulkApproval = { approved: [], refused: [] };
  const names = await schoolNamesOf(ctx, items.map((i) => i.reportId));
  for (const item of items) {
    const schoolName = names.get(item.reportId) ?? null;
    try {
      const done = await approveReport(ctx, { ...item, comment: '', fieldComments: [] });
      result.approved.push({ reportId: item.reportId, schoolName: schoolName ?? '', status: done.status });
    } catch (error) {
      if (!(error instanceof TRPCError)) throw error;
      result.refused.push({ reportId: item.reportId, schoolName, message: error.message });
    }
  }
  return result;
}

/** School names of the given reports, in the actor's scope only. */
async function schoolNamesOf(ctx: ReviewContext, reportIds: number[]): Promise<Map<number, string>> {
  if (!reportIds.length) return new Map();
  const rows = await ctx.db
    .selectFrom('reports as r')
    .innerJoin('org_units as ou', 'ou.id', 'r.school_id')
    .select(['r.id', 'ou.name'])
    .where('r.id', 'in', reportIds)
    .where('r.school_id', 'in', schoolIdsInScope(ctx.db, ctx.actor))
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
