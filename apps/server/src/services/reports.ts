import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Honour, IndicatorValues, Narrative, ReportStatus, ValueSource } from '@union/domain';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';

export interface ReportDetail {
  id: number;
  schoolId: number;
  year: number;
  status: ReportStatus;
  version: number;
  values: IndicatorValues;
  /** Chairs' explanations for questioned values, by indicator code (only non-empty ones). */
  explanations: Record<string, string>;
  /** Where imported values came from (the summary's sentences), by indicator code; gone once a value is retyped. */
  sources: Record<string, ValueSource>;
  narrative: Narrative;
  honours: Honour[];
  submittedAt: Date | null;
  approvedAt: Date | null;
  updatedAt: Date;
  /** Set while the admin has unlocked the approved report; `unlockedField` null = all of it. */
  unlockedAt: Date | null;
  unlockedField: string | null;
  clusterApprovedAt: Date | null;
  /** Fields changed after a first approval (see review.edits for the diffs). */
  editsSinceApproval: number;
}

/**
 * One school's report for one year, or null when it does not exist or the
 * actor may not read it (auth/report-visibility.ts, filtered in the query itself).
 */
export async function getReport(db: Kysely<Database>, actor: Actor, schoolId: number, year: number): Promise<ReportDetail | null> {
  const report = await db
    .selectFrom('reports')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('year', '=', year)
    .where('id', 'in', readableReportIds(db, actor))
    .executeTakeFirst();
  if (!report) return null;
  const [values, honours] = await Promise.all([
    db
      .selectFrom('report_values as v')
      .leftJoin('users as u', 'u.id', 'v.source_accepted_by')
      .select(['v.indicator_code', 'v.value', 'v.explanation', 'v.source', 'v.source_accepted_at', 'u.display_name as source_accepted_by'])
      .where('v.report_id', '=', report.id)
      .execute(),
    db
      .selectFrom('honours')
      .select(['title', 'level', 'kind', 'recipient'])
      .where('report_id', '=', report.id)
      .orderBy('position')
      .execute(),
  ]);
  return {
    id: report.id,
    schoolId: report.school_id,
    year: report.year,
    status: report.status,
    version: report.version,
    values: Object.fromEntries(values.map((v) => [v.indicator_code, v.value])),
    explanations: Object.fromEntries(values.filter((v) => v.explanation).map((v) => [v.indicator_code, v.explanation])),
    sources: Object.fromEntries(
      values.flatMap((v): [string, ValueSource][] =>
        v.source && v.source_accepted_at
          ? [[v.indicator_code, { ...v.source, acceptedBy: v.source_accepted_by ?? null, acceptedAt: new Date(v.source_accepted_at).toISOString() }]]
          : [],
      ),
    ),
    narrative: {
      achievements: report.narrative_achievements,
      shortcomings: report.narrative_shortcomings,
      plans: report.narrative_plans,
    },
    honours,
    submittedAt: report.submitted_at,
    approvedAt: report.approved_at,
    updatedAt: report.updated_at,
    unlockedAt: report.unlocked_at,
    unlockedField: report.unlocked_field,
    clusterApprovedAt: report.cluster_approved_at,
    editsSinceApproval: report.edits_since_approval,
  };
}

/** Last year's values for the same school, shown beside this year's in the form. */
export async function getPreviousYearValues(db: Kysely<Database>, actor: Actor, schoolId: number, year: number): Promise<IndicatorValues> {
  const rows = await db
    .selectFrom('report_values as v')
    .innerJoin('reports as r', 'r.id', 'v.report_id')
    .select(['v.indicator_code', 'v.value'])
    .where('r.school_id', '=', schoolId)
    .where('r.year', '=', year - 1)
    .where('r.id', 'in', readableReportIds(db, actor))
    .execute();
  return Object.fromEntries(rows.map((r) => [r.indicator_code, r.value]));
}

export async function listReportingYears(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('reporting_years')
    .select(['year', 'deadline', 'is_open', 'published_to_chairs', 'review_steps'])
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => ({ year: r.year, deadline: r.deadline, isOpen: r.is_open, publishedToChairs: r.published_to_chairs, reviewSteps: r.review_steps }));
}
