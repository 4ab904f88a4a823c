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
 * Every query that reads report content filters by `readableReportIds`.
 */
export function readableStatuses(actor: Actor): ReportStatus[] {
  return readsOnlyHandedIn(actor.role) ? reportStatuses.filter(viewerMayReadReport) : [...reportStatuses];
}

/**
 * Ids of the reports whose content the actor may read, as a subquery to put
 * inside the data query (`where report.id in (…)`); a report outside it is
 * answered like one that does not exist.
 */
export function readableReportIds(db: Kysely<Database>, actor: Actor) {
  return db
    .selectFrom('reports as visible')
    .select('visible.id')
    .where('visible.school_id', 'in', schoolIdsInScope(db, actor))
    .where('visible.status', 'in', readableStatuses(actor));
}
