import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { type ReportProgress } from '@union/domain';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { countedSchoolIds } from './open-schools';
import { userError } from '../trpc/error-messages';

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

/** Handed in: with a reviewer, or approved at either step. */
const isHandedIn = (status: ReportProgress) => status === 'submitted' || status === 'cluster_approved' || status === 'approved';

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
    .where('s.id', 'in', countedSchoolIds(db, actor, year))
    .orderBy('ou.code')
    .execute();

  const schools: CompletenessRow[] = rows.map((r) => {
    const status: ReportProgress = r.status ?? 'not_started';
    const handedIn = isHandedIn(status);
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
  const handedIn = schools.filter((s) => isHandedIn(s.status)).length;
  const onTime = schools.filter((s) => s.onTime === true).length;
  const counts = Object.fromEntries(
    (['not_started', 'draft', 'submitted', 'returned', 'cluster_approved', 'approved'] as const).map((s) => [s, schools.filter((x) => x.status === s).length]),
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
