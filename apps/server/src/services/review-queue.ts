import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { awaitingReview, type Reviewer, type ReviewSteps } from '@union/domain';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { schoolIdsInScope } from '../auth/scope';
import { listYearIndicators } from './catalogue';
import { outlierWarnings } from './outlier-check';

export interface QueueRow {
  reportId: number;
  schoolId: number;
  schoolName: string;
  clusterName: string | null;
  status: 'submitted' | 'cluster_approved';
  version: number;
  submittedAt: Date | null;
  clusterApprovedAt: Date | null;
  /** 0 for a first submission; n after n returns (or unlocks). */
  reviewRound: number;
  /** Whose step it is: the cluster's first step or the district's. */
  waitingFor: Reviewer;
  /** Whether the caller takes that step (the district viewer takes none). */
  mine: boolean;
  /** Comments of the last return still standing (shown before approving). */
  openComments: number;
  /** Fields edited after an earlier approval. */
  editsSinceApproval: number;
}

/**
 * Handed-in reports of a year in the caller's scope, oldest submission first,
 * each with whose step it is: in a two-step year a cluster school's report
 * waits for its cluster first, then for the district; a school directly under
 * the district waits for the district only.
 */
export async function reviewQueue(db: Kysely<Database>, actor: Actor, year: number): Promise<QueueRow[]> {
  const rows = await db
    .selectFrom('reports as r')
    .innerJoin('reporting_years as y', 'y.year', 'r.year')
    .innerJoin('org_units as ou', 'ou.id', 'r.school_id')
    .leftJoin('org_units as parent', 'parent.id', 'ou.parent_id')
    .select((eb) => [
      'r.id',
      'r.school_id',
      'ou.name',
      'parent.kind as parent_kind',
      'parent.name as parent_name',
      'r.status',
      'r.version',
      'r.submitted_at',
      'r.cluster_approved_at',
      'r.review_round',
      'r.edits_since_approval',
      'y.review_steps',
      eb
        .selectFrom('report_comments as c')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('c.report_id', '=', 'r.id')
        .whereRef('c.review_round', '=', 'r.review_round')
        .where('r.review_round', '>', 0)
        .as('open_comments'),
    ])
    .where('r.year', '=', year)
    .where('r.status', 'in', ['submitted', 'cluster_approved'])
    .where('r.school_id', 'in', schoolIdsInScope(db, actor))
    .orderBy('r.submitted_at')
    .orderBy('r.id')
    .execute();
  const me: Reviewer | null = actor.role === 'cluster_reviewer' ? 'cluster' : actor.role === 'district_admin' ? 'district' : null;
  return rows.map((r) => {
    const steps = r.review_steps as ReviewSteps;
    const inCluster = r.parent_kind === 'cluster';
    const status = r.status as QueueRow['status'];
    const waitingFor: Reviewer = awaitingReview('cluster', steps, inCluster).includes(status) ? 'cluster' : 'district';
    return {
      reportId: r.id,
      schoolId: r.school_id,
      schoolName: r.name,
      clusterName: inCluster ? r.parent_name : null,
      status,
      version: r.version,
      submittedAt: r.submitted_at,
      clusterApprovedAt: r.cluster_approved_at,
      reviewRound: r.review_round,
      waitingFor,
      mine: me !== null && awaitingReview(me, steps, inCluster).includes(status),
      openComments: Number(r.open_comments ?? 0),
      editsSinceApproval: r.edits_since_approval,
    };
  });
}

export interface ApprovalPreviewRow {
  reportId: number;
  schoolName: string;
  openComments: number;
  /** Outlier warnings on the report's figures, and how many of them the chair explained. */
  outlierWarnings: number;
  explainedWarnings: number;
}

/**
 * What a bulk approval would lock, for the confirmation: each selected
 * report (in the caller's scope and readable) with its open comments and
 * outlier warnings. Ids outside the scope are left out.
 */
export async function approvalPreview(db: Kysely<Database>, actor: Actor, year: number, reportIds: number[]): Promise<ApprovalPreviewRow[]> {
  if (!reportIds.length) return [];
  const queue = (await reviewQueue(db, actor, year)).filter((row) => reportIds.includes(row.reportId));
  if (!queue.length) return [];
  const catalogue = await listYearIndicators(db, year);
  const values = await db
    .selectFrom('report_values')
    .select(['report_id', 'indicator_code', 'value', 'explanation'])
    .where('report_id', 'in', queue.map((q) => q.reportId))
    .where('report_id', 'in', readableReportIds(db, actor))
    .execute();
  const preview: ApprovalPreviewRow[] = [];
  for (const row of queue) {
    const own = values.filter((v) => v.report_id === row.reportId);
    const warnings = await outlierWarnings(db, row.schoolId, year, Object.fromEntries(own.map((v) => [v.indicator_code, v.value])), catalogue);
    const explained = new Set(own.filter((v) => v.explanation.trim()).map((v) => v.indicator_code));
    preview.push({
      reportId: row.reportId,
      schoolName: row.schoolName,
      openComments: row.openComments,
      outlierWarnings: warnings.length,
      explainedWarnings: warnings.filter((w) => explained.has(w.code)).length,
    });
  }
  return preview;
}
