import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { readsOnlyHandedIn, reportStatuses, viewerMayReadReport, type ReportStatus } from '@union/domain';
import type { Actor } from './actor';
import { schoolIdsInScope } from './scope';

/**
 * The one rule for reading a report's content (values, narrative, honours,
 * comments, scores and notes, change history): the report's school is in the
 * actor's scope, and district viewers, cluster reviewers and city staff see only handed-in reports — drafts and
 * returned reports being reworked stay between the school and the admin.
 * Inspectors read only their teams' schools' reports of the team's year, handed in.
 * Every query that reads report content filters by `readableReportIds`.
 */
export function readableStatuses(actor: Actor): ReportStatus[] {
  return readsOnlyHandedIn(actor.role) || actor.role === 'inspector' ? reportStatuses.filter(viewerMayReadReport) : [...reportStatuses];
}

/**
 * Ids of the reports whose content the actor may read, as a subquery to put
 * inside the data query (`where report.id in (…)`); a report outside it is
 * answered like one that does not exist.
 */
export function readableReportIds(db: Kysely<Database>, actor: Actor) {
  if (actor.role === 'inspector') return inspectorReportIds(db, actor.userId, readableStatuses(actor));
  return db
    .selectFrom('reports as visible')
    .select('visible.id')
    .where('visible.school_id', 'in', schoolIdsInScope(db, actor))
    .where('visible.status', 'in', readableStatuses(actor));
}

/**
 * An inspector's reports: those of the schools assigned to their teams, of
 * each team's own year, once handed in (never a draft).
 */
export function inspectorReportIds(db: Kysely<Database>, userId: number, statuses: ReportStatus[]) {
  return db
    .selectFrom('reports as visible')
    .innerJoin('inspection_assignments as ia', 'ia.school_id', 'visible.school_id')
    .innerJoin('inspection_teams as it', (join) => join.onRef('it.id', '=', 'ia.team_id').onRef('it.year', '=', 'visible.year'))
    .innerJoin('inspection_team_members as im', 'im.team_id', 'it.id')
    .select('visible.id')
    .where('im.user_id', '=', userId)
    .where('visible.status', 'in', statuses);
}
