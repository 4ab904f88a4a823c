import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { ratingIssues, type RaterItemInput } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { schoolIdsInScope } from '../auth/scope';
import { invalidFields } from '../trpc/trpc';
import { loadRubricDefinition } from './rubric-definitions';
import { refreshScores } from './scores';
import { reportNotFound, userError } from '../trpc/error-messages';

/**
 * Saves one rater's column of one report under the year's rubric. A column
 * the school fills (自评) is the chair's, every other one the district
 * admin's; an approved report is rescored in the same transaction.
 */
export async function saveRaterColumn(
  db: Kysely<Database>,
  who: { actor: Actor; ip: string },
  input: { reportId: number; raterId: string; ratings: Record<string, RaterItemInput> },
): Promise<{ rescored: boolean }> {
  const report = await db
    .selectFrom('reports')
    .select(['id', 'school_id', 'year', 'status'])
    .where('id', '=', input.reportId)
    .where('school_id', 'in', schoolIdsInScope(db, who.actor))
    .executeTakeFirst();
  if (!report) throw reportNotFound();
  const { rubric } = await loadRubricDefinition(db, report.year);
  const rater = rubric.raters.find((r) => r.id === input.raterId);
  if (!rater) throw invalidFields([{ path: 'raterId', message: `${report.year} 年度评估表中没有评分人 ${input.raterId}` }]);
  const mayRate = rater.by === 'school' ? who.actor.role === 'school_chair' : who.actor.role === 'district_admin';
  if (!mayRate) throw userError('FORBIDDEN', {
      zh: `${rater.labelZh}由${rater.by === 'school' ? '学校工会主席' : '区教育工会管理员'}填写`,
      en: `The ${rater.labelZh} column is filled in by ${rater.by === 'school' ? 'the school union chair' : 'the district admin'}`,
    });
  const issues = ratingIssues(rubric, { [rater.id]: input.ratings });
  if (issues.length) throw invalidFields(issues.map((i) => ({ path: ['ratings', ...i.path.slice(1).filter(Boolean)].join('.'), message: i.message })));

  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('rubric_ratings')
      .values({ report_id: report.id, rater_id: rater.id, ratings: JSON.stringify(input.ratings), updated_at: new Date(), updated_by: who.actor.userId })
      .onConflict((oc) => oc.columns(['report_id', 'rater_id']).doUpdateSet((eb) => ({ ratings: eb.ref('excluded.ratings'), updated_at: eb.ref('excluded.updated_at'), updated_by: eb.ref('excluded.updated_by') })))
      .execute();
    const rescored = report.status === 'approved' && (await refreshScores(trx, report.year, [report.id])) > 0;
    await writeAudit(trx, who, { action: 'rubric_rated', entityType: 'report', entityId: report.id, schoolId: report.school_id, details: { rater: rater.id, items: Object.keys(input.ratings).length, rescored } });
    return { rescored };
  });
}
