import { TRPCError } from '@trpc/server';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import { diffReportContent, nextReportStatus, refusalMessage, type FieldEdit, type ReportContent, type ReportStatus } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import { notifyDecision } from '../notifications/events';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import type { Context } from '../trpc/context';
import { staleVersionMessage } from './report-drafts';
import { lockReportInScope } from './review-decisions';
import { reportNotFound, userError } from '../trpc/error-messages';

type Db = Kysely<Database> | Transaction<Database>;

/** A report's content as stored: every figure, the narrative and the honours. */
export async function readReportContent(db: Db, reportId: number): Promise<ReportContent> {
  const [report, values, honours] = await Promise.all([
    db.selectFrom('reports').select(['narrative_achievements', 'narrative_shortcomings', 'narrative_plans']).where('id', '=', reportId).executeTakeFirstOrThrow(),
    db.selectFrom('report_values').select(['indicator_code', 'value']).where('report_id', '=', reportId).execute(),
    db.selectFrom('honours').select(['title', 'level', 'kind', 'recipient']).where('report_id', '=', reportId).orderBy('position').execute(),
  ]);
  return {
    values: Object.fromEntries(values.map((v) => [v.indicator_code, v.value])),
    narrative: { achievements: report.narrative_achievements, shortcomings: report.narrative_shortcomings, plans: report.narrative_plans },
    honours,
  };
}

/** Whether a field path names something the report's year asks for. */
async function assertFieldExists(trx: Transaction<Database>, year: number, fieldPath: string): Promise<void> {
  if (!fieldPath.startsWith('values.')) return;
  const code = fieldPath.slice('values.'.length);
  const known = await trx.selectFrom('reporting_year_indicators').select('indicator_code').where('year', '=', year).where('indicator_code', '=', code).executeTakeFirst();
  if (!known) throw userError('BAD_REQUEST', { zh: '解锁的字段无效：本年度没有这个指标', en: 'The field to unlock is not valid: this year has no such indicator' });
}

/**
 * The admin unlocks an approved report — all of it, or one field — with a
 * reason, without reopening the year: it goes back to the chair as returned,
 * drops out of the dashboards until approved again, and may be saved and
 * resubmitted even when its year is closed. The content at this moment is
 * kept, so the resubmission can be diffed against it.
 */
export async function unlockReport(
  ctx: Context & { actor: Actor },
  input: { reportId: number; version: number; comment: string; unlockField: string | null },
): Promise<{ status: ReportStatus; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const report = await lockReportInScope(trx, ctx.actor, input.reportId);
    const next = nextReportStatus('reopen', report.status);
    if (!next) throw new TRPCError({ code: 'BAD_REQUEST', message: refusalMessage('reopen') });
    if (report.version !== input.version) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(report.version) });
    if (input.unlockField) await assertFieldExists(trx, report.year, input.unlockField);

    const now = new Date();
    const round = report.review_round + 1;
    const before = await readReportContent(trx, report.id);
    const updated = await trx
      .updateTable('reports')
      .set({
        status: next,
        version: report.version + 1,
        updated_at: now,
        review_round: round,
        returned_at: now,
        approved_at: null,
        unlocked_at: now,
        unlocked_field: input.unlockField,
      })
      .where('id', '=', report.id)
      .where('version', '=', input.version)
      .returning(['version'])
      .executeTakeFirst();
    if (!updated) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(report.version) });
    await trx.deleteFrom('report_scores').where('report_id', '=', report.id).execute();
    await trx
      .insertInto('report_unlocks')
      .values({
        report_id: report.id,
        field_path: input.unlockField,
        reason: input.comment,
        unlocked_by: ctx.actor.userId,
        unlocked_at: now,
        before_content: JSON.stringify(before),
      })
      .execute();
    // The reason reaches the chair like a review comment, beside the unlocked field when there is one.
    await trx
      .insertInto('report_comments')
      .values({ report_id: report.id, review_round: round, field_path: input.unlockField ?? '', body: input.comment, author_id: ctx.actor.userId })
      .execute();
    await writeAudit(trx, ctx, {
      action: input.unlockField ? 'report_field_unlocked' : 'report_reopened',
      entityType: 'report',
      entityId: report.id,
      schoolId: report.school_id,
      details: { year: report.year, comment: input.comment, field: input.unlockField },
    });
    await notifyDecision(trx, { action: 'reopen', reportId: report.id, version: updated.version, schoolId: report.school_id, year: report.year, comment: input.comment, createdBy: ctx.actor.userId });
    return { status: next, version: updated.version };
  });
}

/**
 * On resubmitting an unlocked report (inside the submit's transaction):
 * records what changed since the unlock (old → new, who, when), and the
 * report's count of fields edited since its first approval.
 */
export async function recordEditsOnResubmit(ctx: Context & { actor: Actor }, trx: Transaction<Database>, reportId: number, schoolId: number, now: Date): Promise<FieldEdit[]> {
  const unlock = await trx
    .selectFrom('report_unlocks')
    .select(['id', 'field_path', 'before_content', 'reason'])
    .where('report_id', '=', reportId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!unlock) return [];
  const after = await readReportContent(trx, reportId);
  const edits = diffReportContent(unlock.before_content, after);
  await trx
    .updateTable('report_unlocks')
    .set({ changes: JSON.stringify(edits), resubmitted_by: ctx.actor.userId, resubmitted_at: now })
    .where('id', '=', unlock.id)
    .execute();
  const total = await trx
    .selectFrom('report_unlocks')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb.fn('jsonb_array_length', [eb.ref('changes')])), eb.lit(0)).as('n'))
    .where('report_id', '=', reportId)
    .where('changes', 'is not', null)
    .executeTakeFirstOrThrow();
  await trx.updateTable('reports').set({ edits_since_approval: Number(total.n) }).where('id', '=', reportId).execute();
  await writeAudit(trx, ctx, {
    action: 'report_resubmitted_after_unlock',
    entityType: 'report',
    entityId: reportId,
    schoolId,
    details: { field: unlock.field_path, reason: unlock.reason, changes: edits },
  });
  return edits;
}

export interface ReportUnlockEntry {
  id: number;
  /** null: the whole report was unlocked. */
  fieldPath: string | null;
  reason: string;
  unlockedBy: string;
  unlockedAt: Date;
  /** null until the chair resubmits. */
  changes: FieldEdit[] | null;
  resubmittedBy: string | null;
  resubmittedAt: Date | null;
}

/** Every unlock of a report the actor may read, oldest first, with its diff. */
export async function listUnlocks(db: Kysely<Database>, actor: Actor, reportId: number): Promise<{ editsSinceApproval: number; unlocks: ReportUnlockEntry[] }> {
  const report = await db
    .selectFrom('reports')
    .select(['edits_since_approval'])
    .where('id', '=', reportId)
    .where('id', 'in', readableReportIds(db, actor))
    .executeTakeFirst();
  if (!report) throw reportNotFound();
  const rows = await db
    .selectFrom('report_unlocks as u')
    .leftJoin('users as a', 'a.id', 'u.unlocked_by')
    .leftJoin('users as c', 'c.id', 'u.resubmitted_by')
    .select(['u.id', 'u.field_path', 'u.reason', 'a.display_name as unlocked_by', 'u.unlocked_at', 'u.changes', 'c.display_name as resubmitted_by', 'u.resubmitted_at'])
    .where('u.report_id', '=', reportId)
    .orderBy('u.id')
    .execute();
  return {
    editsSinceApproval: report.edits_since_approval,
    unlocks: rows.map((r) => ({
      id: r.id,
      fieldPath: r.field_path,
      reason: r.reason,
      unlockedBy: r.unlocked_by ?? '',
      unlockedAt: r.unlocked_at,
      changes: r.changes,
      resubmittedBy: r.resubmitted_by,
      resubmittedAt: r.resubmitted_at,
    })),
  };
}
