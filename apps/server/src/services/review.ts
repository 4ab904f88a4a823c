import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { nextReportStatus, refusalMessage, type ReportAction, type ReportProgress, type ReportStatus } from '@union/domain';
import { writeAudit, type AuditAction } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { schoolIdsInScope } from '../auth/scope';
import type { Context } from '../trpc/context';
import { staleVersionMessage } from './report-drafts';
import { refreshScores } from './scores';
import { userError } from '../trpc/error-messages';

export interface FieldComment {
  /** `values.<code>`, `narrative.<section>` or `honours`. */
  fieldPath: string;
  body: string;
}

const auditActionOf: Record<Exclude<ReportAction, 'save' | 'submit'>, AuditAction> = {
  return: 'report_returned',
  approve: 'report_approved',
  reopen: 'report_reopened',
};

/**
 * The district's decision on a report: return (with comments, back to the
 * chair), approve (locks it), or reopen an approved one (admin, with a reason).
 * Version-checked like a save, so a decision on a stale view is refused.
 */
export async function decideReport(
  ctx: Context & { actor: Actor },
  action: 'return' | 'approve' | 'reopen',
  input: { reportId: number; version: number; comment: string; fieldComments: FieldComment[] },
): Promise<{ status: ReportStatus; version: number }> {
  const { db, actor } = ctx;
  return db.transaction().execute(async (trx) => {
    const report = await trx
      .selectFrom('reports')
      .select(['id', 'school_id', 'year', 'status', 'version', 'review_round'])
      .where('id', '=', input.reportId)
      .where('school_id', 'in', schoolIdsInScope(trx, actor))
      .executeTakeFirst();
    if (!report) throw userError('NOT_FOUND', { zh: '找不到该年报', en: 'Report not found' });
    const next = nextReportStatus(action, report.status);
    if (!next) throw new TRPCError({ code: 'BAD_REQUEST', message: refusalMessage(action) });
    if (report.version !== input.version) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(report.version) });

    const now = new Date();
    const round = action === 'approve' ? report.review_round : report.review_round + 1;
    const updated = await trx
      .updateTable('reports')
      .set({
        status: next,
        version: report.version + 1,
        updated_at: now,
        review_round: round,
        ...(action === 'approve' ? { approved_at: now } : { returned_at: now, approved_at: null }),
      })
      .where('id', '=', report.id)
      .where('version', '=', input.version)
      .returning(['version'])
      .executeTakeFirst();
    if (!updated) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(report.version) });

    // Dashboards show approved reports only: score on approval, drop the score on reopening.
    if (action === 'approve') await refreshScores(trx, report.year, [report.id]);
    else await trx.deleteFrom('report_scores').where('report_id', '=', report.id).execute();

    const comments = [
      ...(input.comment.trim() ? [{ fieldPath: '', body: input.comment.trim() }] : []),
      ...input.fieldComments.filter((c) => c.body.trim()).map((c) => ({ fieldPath: c.fieldPath, body: c.body.trim() })),
    ];
    if (comments.length) {
      await trx
        .insertInto('report_comments')
        .values(comments.map((c) => ({ report_id: report.id, review_round: round, field_path: c.fieldPath, body: c.body, author_id: actor.userId })))
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: auditActionOf[action],
      entityType: 'report',
      entityId: report.id,
      schoolId: report.school_id,
      details: { year: report.year, comment: input.comment.trim(), fieldComments: input.fieldComments.length },
    });
    return { status: next, version: updated.version };
  });
}

export interface ReportComment {
  id: number;
  reviewRound: number;
  fieldPath: string;
  body: string;
  authorName: string;
  createdAt: Date;
}

/** Comments on a report the actor may see, newest round first. */
export async function listComments(db: Kysely<Database>, actor: Actor, reportId: number): Promise<ReportComment[]> {
  const rows = await db
    .selectFrom('report_comments as c')
    .innerJoin('reports as r', 'r.id', 'c.report_id')
    .leftJoin('users as u', 'u.id', 'c.author_id')
    .select(['c.id', 'c.review_round', 'c.field_path', 'c.body', 'u.display_name', 'c.created_at'])
    .where('c.report_id', '=', reportId)
    .where('r.id', 'in', readableReportIds(db, actor))
    .orderBy('c.review_round', 'desc')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reviewRound: r.review_round,
    fieldPath: r.field_path,
    body: r.body,
    authorName: r.display_name ?? '',
    createdAt: r.created_at,
  }));
}

const DAY_MS = 24 * 60 * 60 * 1000;

export interface CompletenessRow {
  schoolId: number;
  schoolName: string;
  clusterName: string | null;
  status: ReportProgress;
  lastChangeAt: Date | null;
  submittedAt: Date | null;
  /** Whole days from the deadline: negative = before it, positive = after it (late). */
  daysFromDeadline: number;
  onTime: boolean | null;
}

/**
 * Completeness and timeliness of one year: every school in scope with its
 * status and its distance from the deadline (for submitted reports: when they
 * were submitted; otherwise: today). Rates are over all schools.
 */
export async function completeness(db: Kysely<Database>, actor: Actor, year: number, today = new Date()) {
  const yearRow = await db.selectFrom('reporting_years').select(['deadline']).where('year', '=', year).executeTakeFirst();
  if (!yearRow) throw userError('NOT_FOUND', { zh: `没有 ${year} 年度`, en: `There is no reporting year ${year}` });
  // The deadline day counts as on time, until its end (China Standard Time, UTC+8).
  const deadlineEnd = new Date(`${yearRow.deadline}T23:59:59.999+08:00`);
  const rows = await db
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .leftJoin('org_units as parent', 'parent.id', 'ou.parent_id')
    .leftJoin('reports as r', (join) => join.onRef('r.school_id', '=', 's.id').on('r.year', '=', year))
    .select(['s.id', 'ou.name', 'parent.kind as parent_kind', 'parent.name as parent_name', 'r.status', 'r.updated_at', 'r.submitted_at'])
    .where('s.active', '=', true)
    .where('s.id', 'in', schoolIdsInScope(db, actor))
    .orderBy('ou.code')
    .execute();

  const schools: CompletenessRow[] = rows.map((r) => {
    const status: ReportProgress = r.status ?? 'not_started';
    const handedIn = status === 'submitted' || status === 'approved';
    const reference = handedIn && r.submitted_at ? r.submitted_at : today;
    const daysFromDeadline = Math.ceil((reference.getTime() - deadlineEnd.getTime()) / DAY_MS);
    return {
      schoolId: r.id,
      schoolName: r.name,
      clusterName: r.parent_kind === 'cluster' ? r.parent_name : null,
      status,
      lastChangeAt: r.updated_at,
      submittedAt: r.submitted_at,
      daysFromDeadline,
      onTime: handedIn && r.submitted_at ? r.submitted_at.getTime() <= deadlineEnd.getTime() : null,
    };
  });
  const total = schools.length;
  const handedIn = schools.filter((s) => s.status === 'submitted' || s.status === 'approved').length;
  const onTime = schools.filter((s) => s.onTime === true).length;
  const counts = Object.fromEntries(
    (['not_started', 'draft', 'submitted', 'returned', 'approved'] as const).map((s) => [s, schools.filter((x) => x.status === s).length]),
  ) as Record<ReportProgress, number>;
  return {
    year,
    deadline: yearRow.deadline,
    total,
    counts,
    completionRate: total ? handedIn / total : 0,
    onTimeRate: total ? onTime / total : 0,
    schools,
  };
}
