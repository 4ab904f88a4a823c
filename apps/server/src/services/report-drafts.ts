import { TRPCError } from '@trpc/server';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import {
  nextReportStatus,
  refusalMessage,
  validateForSubmit,
  validateReportValues,
  type Honour,
  type Indicator,
  type IndicatorValues,
  type Narrative,
  type ReportStatus,
} from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { schoolIdsInScope } from '../auth/scope';
import type { Context } from '../trpc/context';
import { invalidFields } from '../trpc/trpc';
import { listYearIndicators } from './catalogue';

export interface DraftInput {
  schoolId: number;
  year: number;
  /** The version the client's copy is based on; 0 when the report did not exist yet. */
  baseVersion: number;
  values: IndicatorValues;
  narrative: Narrative;
  honours: Honour[];
  /** Chairs' explanations for values the outlier check questioned, by indicator code. */
  explanations: Record<string, string>;
}

export interface SaveResult {
  reportId: number;
  version: number;
  status: ReportStatus;
  updatedAt: Date;
}

export const staleVersionMessage = (current: number) =>
  `该报告已被他人修改（当前版本 ${current}），您的修改未保存。请对比两个版本后再保存。`;

/** The chair's own school, checked in the query; NOT_FOUND for anything else. */
async function assertOwnSchool(db: Kysely<Database>, actor: Actor, schoolId: number): Promise<void> {
  if (actor.role !== 'school_chair') throw new TRPCError({ code: 'FORBIDDEN', message: '只有本校工会主席可以填写和提交年报' });
  const school = await db.selectFrom('schools').select('id').where('id', '=', schoolId).where('id', 'in', schoolIdsInScope(db, actor)).executeTakeFirst();
  if (!school) throw new TRPCError({ code: 'NOT_FOUND', message: '找不到这所学校' });
}

async function assertYearOpen(db: Kysely<Database>, year: number): Promise<void> {
  const row = await db.selectFrom('reporting_years').select('is_open').where('year', '=', year).executeTakeFirst();
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `${year} 年度尚未开放填报` });
  if (!row.is_open) throw new TRPCError({ code: 'BAD_REQUEST', message: `${year} 年度已停止填报` });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}

async function replaceContent(trx: Transaction<Database>, reportId: number, input: DraftInput): Promise<void> {
  await trx.deleteFrom('report_values').where('report_id', '=', reportId).execute();
  const rows = Object.entries(input.values)
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .map(([code, value]) => ({ report_id: reportId, indicator_code: code, value, explanation: input.explanations[code]?.trim() ?? '' }));
  if (rows.length) await trx.insertInto('report_values').values(rows).execute();
  await trx.deleteFrom('honours').where('report_id', '=', reportId).execute();
  if (input.honours.length) {
    await trx
      .insertInto('honours')
      .values(input.honours.map((h, position) => ({ report_id: reportId, position, title: h.title, level: h.level, kind: h.kind, recipient: h.recipient })))
      .execute();
  }
}

/** What changed in the values, for the audit trail's per-field history. */
function valueChanges(before: IndicatorValues, after: IndicatorValues): { code: string; from: number | null; to: number | null }[] {
  const codes = new Set([...Object.keys(before), ...Object.keys(after)]);
  const changes: { code: string; from: number | null; to: number | null }[] = [];
  for (const code of [...codes].sort()) {
    const from = before[code] ?? null;
    const to = after[code] ?? null;
    if (from !== to) changes.push({ code, from, to });
  }
  return changes;
}

/**
 * Saves a draft with optimistic concurrency: the update only applies when the
 * stored version still equals the client's base version (compare-and-set in
 * the UPDATE itself, so it holds on PGlite and under concurrent PostgreSQL
 * sessions alike). A stale save changes nothing and answers CONFLICT.
 */
export async function saveDraft(ctx: Context & { actor: Actor }, input: DraftInput, catalogue: readonly Indicator[]): Promise<SaveResult> {
  const { db, actor } = ctx;
  await assertOwnSchool(db, actor, input.schoolId);
  await assertYearOpen(db, input.year);
  const errors = validateReportValues(input.values, catalogue);
  if (errors.length) throw invalidFields(errors);

  try {
    return await db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('reports')
        .select(['id', 'status', 'version'])
        .where('school_id', '=', input.schoolId)
        .where('year', '=', input.year)
        .executeTakeFirst();
      const now = new Date();
      let reportId: number;
      let version: number;
      let status: ReportStatus;
      let before: IndicatorValues = {};

      if (!existing) {
        if (input.baseVersion !== 0) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(0) });
        status = nextReportStatus('save', 'not_started')!;
        const created = await trx
          .insertInto('reports')
          .values({
            school_id: input.schoolId,
            year: input.year,
            status,
            version: 1,
            narrative_achievements: input.narrative.achievements,
            narrative_shortcomings: input.narrative.shortcomings,
            narrative_plans: input.narrative.plans,
            created_at: now,
            updated_at: now,
          })
          .returning(['id', 'version'])
          .executeTakeFirstOrThrow();
        reportId = created.id;
        version = created.version;
      } else {
        const next = nextReportStatus('save', existing.status);
        if (!next) throw new TRPCError({ code: 'BAD_REQUEST', message: refusalMessage('save') });
        if (existing.version !== input.baseVersion) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(existing.version) });
        const updated = await trx
          .updateTable('reports')
          .set({
            version: existing.version + 1,
            status: next,
            narrative_achievements: input.narrative.achievements,
            narrative_shortcomings: input.narrative.shortcomings,
            narrative_plans: input.narrative.plans,
            updated_at: now,
          })
          .where('id', '=', existing.id)
          .where('version', '=', input.baseVersion)
          .returning(['version'])
          .executeTakeFirst();
        if (!updated) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(existing.version) });
        const oldValues = await trx.selectFrom('report_values').select(['indicator_code', 'value']).where('report_id', '=', existing.id).execute();
        before = Object.fromEntries(oldValues.map((v) => [v.indicator_code, v.value]));
        reportId = existing.id;
        version = updated.version;
        status = next;
      }

      await replaceContent(trx, reportId, input);
      await writeAudit(trx, ctx, {
        action: 'report_saved',
        entityType: 'report',
        entityId: reportId,
        schoolId: input.schoolId,
        details: { year: input.year, version, changes: valueChanges(before, input.values) },
      });
      return { reportId, version, status, updatedAt: now };
    });
  } catch (error) {
    // Two first saves raced to create the report: the loser is simply stale.
    if (isUniqueViolation(error)) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(1) });
    throw error;
  }
}

/** Submits the stored draft (at the client's version) once the hard rules pass. */
export async function submitReport(ctx: Context & { actor: Actor }, input: { schoolId: number; year: number; version: number }): Promise<SaveResult> {
  const { db, actor } = ctx;
  await assertOwnSchool(db, actor, input.schoolId);
  await assertYearOpen(db, input.year);
  const catalogue = await listYearIndicators(db, input.year);
  return db.transaction().execute(async (trx) => {
    const report = await trx.selectFrom('reports').selectAll().where('school_id', '=', input.schoolId).where('year', '=', input.year).executeTakeFirst();
    if (!report) throw new TRPCError({ code: 'BAD_REQUEST', message: '请先填写并保存年报，再提交' });
    const next = nextReportStatus('submit', report.status);
    if (!next) throw new TRPCError({ code: 'BAD_REQUEST', message: refusalMessage('submit') });
    if (report.version !== input.version) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(report.version) });
    const values = await trx.selectFrom('report_values').select(['indicator_code', 'value']).where('report_id', '=', report.id).execute();
    const errors = validateForSubmit(
      Object.fromEntries(values.map((v) => [v.indicator_code, v.value])),
      { achievements: report.narrative_achievements, shortcomings: report.narrative_shortcomings, plans: report.narrative_plans },
      catalogue,
    );
    if (errors.length) throw invalidFields(errors);
    const now = new Date();
    const updated = await trx
      .updateTable('reports')
      .set({ status: next, version: report.version + 1, submitted_at: now, updated_at: now })
      .where('id', '=', report.id)
      .where('version', '=', input.version)
      .returning(['version'])
      .executeTakeFirst();
    if (!updated) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(report.version) });
    await writeAudit(trx, ctx, { action: 'report_submitted', entityType: 'report', entityId: report.id, schoolId: input.schoolId, details: { year: input.year } });
    return { reportId: report.id, version: updated.version, status: next, updatedAt: now };
  });
}
