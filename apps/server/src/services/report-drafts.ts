import { TRPCError } from '@trpc/server';
import { sql, type Kysely } from 'kysely';
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

/**
 * Only a school's own chair writes its report. The chair's school comes from
 * the session row (users → schools), so comparing ids is the whole check;
 * another school answers NOT_FOUND like a missing one.
 */
function assertOwnSchool(actor: Actor, schoolId: number): void {
  if (actor.role !== 'school_chair') throw new TRPCError({ code: 'FORBIDDEN', message: '只有本校工会主席可以填写和提交年报' });
  if (actor.schoolId !== schoolId) throw new TRPCError({ code: 'NOT_FOUND', message: '找不到这所学校' });
}

function assertYearOpen(year: number, row: { is_open: boolean } | undefined): void {
  if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: `${year} 年度尚未开放填报` });
  if (!row.is_open) throw new TRPCError({ code: 'BAD_REQUEST', message: `${year} 年度已停止填报` });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}

type StoredValue = [code: string, value: number, explanation: string];

/**
 * The year's state and the stored report in one round trip: whether the year
 * is open, the report's version, values and honours (as of one snapshot).
 */
function readStoredDraft(db: Kysely<Database>, schoolId: number, year: number) {
  return db
    .selectFrom('reporting_years as y')
    .leftJoin('reports as r', (join) => join.onRef('r.year', '=', 'y.year').on('r.school_id', '=', schoolId))
    .select([
      'y.is_open',
      'r.id',
      'r.status',
      'r.version',
      sql<StoredValue[]>`(select coalesce(json_agg(json_build_array(v.indicator_code, v.value, v.explanation)), '[]') from report_values v where v.report_id = r.id)`.as('values'),
      sql<Honour[]>`(select coalesce(json_agg(json_build_object('title', h.title, 'level', h.level, 'kind', h.kind, 'recipient', h.recipient) order by h.position), '[]') from honours h where h.report_id = r.id)`.as('honours'),
    ])
    .where('y.year', '=', year)
    .executeTakeFirst();
}

interface DraftChanges {
  /** Figures that are new or differ from the stored ones (value or explanation). */
  upserts: { code: string; value: number; explanation: string }[];
  /** Figures the chair cleared. */
  removed: string[];
  /** The new honours list, or null when it is unchanged. */
  honours: Honour[] | null;
  /** Per-field history for the audit trail. */
  audit: { code: string; from: number | null; to: number | null }[];
}

/**
 * What a save changes against the stored draft. An autosave usually changes
 * one figure; writing only that keeps the database's work per save small
 * during the deadline week.
 */
function draftChanges(input: DraftInput, stored: readonly StoredValue[], storedHonours: readonly Honour[]): DraftChanges {
  const before = new Map(stored.map(([code, value, explanation]) => [code, { value: Number(value), explanation }]));
  const upserts: DraftChanges['upserts'] = [];
  for (const [code, value] of Object.entries(input.values)) {
    if (value === null) continue;
    const explanation = input.explanations[code]?.trim() ?? '';
    const old = before.get(code);
    if (!old || old.value !== value || old.explanation !== explanation) upserts.push({ code, value, explanation });
  }
  const removed = [...before.keys()].filter((code) => input.values[code] == null);
  const comparable = (list: readonly Honour[]) => JSON.stringify(list.map((h) => [h.title, h.level, h.kind, h.recipient ?? '']));
  const honours = comparable(input.honours) === comparable(storedHonours) ? null : input.honours;
  const audit: DraftChanges['audit'] = [];
  for (const code of [...new Set([...before.keys(), ...Object.keys(input.values)])].sort()) {
    const from = before.get(code)?.value ?? null;
    const to = input.values[code] ?? null;
    if (from !== to) audit.push({ code, from, to });
  }
  return { upserts, removed, honours, audit };
}

/**
 * Applies a save to an existing report in one statement: the compare-and-set
 * on the version, the changed figures and honours, and the audit record
 * commit together or not at all. Returns the new version, or null when the
 * stored version is no longer `baseVersion` (nothing was written).
 */
async function updateDraft(ctx: Context & { actor: Actor }, input: DraftInput, reportId: number, status: ReportStatus, changes: DraftChanges, now: Date): Promise<number | null> {
  const { actor } = ctx;
  const honours = changes.honours ?? [];
  const details = JSON.stringify({ year: input.year, version: input.baseVersion + 1, changes: changes.audit });
  const result = await sql<{ version: number }>`
    with saved as (
      update reports
      set version = version + 1, status = ${status}, updated_at = ${now},
          narrative_achievements = ${input.narrative.achievements},
          narrative_shortcomings = ${input.narrative.shortcomings},
          narrative_plans = ${input.narrative.plans}
      where id = ${reportId} and version = ${input.baseVersion}
      returning version
    ),
    cleared as (
      delete from report_values
      where report_id = ${reportId} and indicator_code = any(${changes.removed}::text[]) and exists (select 1 from saved)
    ),
    changed as (
      insert into report_values (report_id, indicator_code, value, explanation)
      select ${reportId}, c.code, c.value, c.explanation
      from unnest(${changes.upserts.map((u) => u.code)}::text[], ${changes.upserts.map((u) => u.value)}::numeric[], ${changes.upserts.map((u) => u.explanation)}::text[]) as c(code, value, explanation)
      where exists (select 1 from saved)
      on conflict (report_id, indicator_code) do update set value = excluded.value, explanation = excluded.explanation
    ),
    old_honours as (
      delete from honours where report_id = ${reportId} and ${changes.honours !== null} and exists (select 1 from saved)
    ),
    new_honours as (
      insert into honours (report_id, position, title, level, kind, recipient)
      select ${reportId}, h.position - 1, h.title, h.level, h.kind, h.recipient
      from unnest(${honours.map((h) => h.title)}::text[], ${honours.map((h) => h.level)}::text[], ${honours.map((h) => h.kind)}::text[], ${honours.map((h) => h.recipient ?? '')}::text[])
           with ordinality as h(title, level, kind, recipient, position)
      where ${changes.honours !== null} and exists (select 1 from saved)
    ),
    audited as (
      insert into audit_log (user_id, username, action, entity_type, entity_id, school_id, details, ip)
      select ${actor.userId}, ${actor.username}, 'report_saved', 'report', ${String(reportId)}, ${input.schoolId}, ${details}::jsonb, ${ctx.ip}
      from saved
    )
    select version from saved
  `.execute(ctx.db);
  return result.rows[0]?.version ?? null;
}

/** The first save of a school's report for a year creates it (a race between two first saves: the loser is stale). */
async function createDraft(ctx: Context & { actor: Actor }, input: DraftInput, changes: DraftChanges, now: Date): Promise<SaveResult> {
  const status = nextReportStatus('save', 'not_started')!;
  try {
    return await ctx.db.transaction().execute(async (trx) => {
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
      if (changes.upserts.length) {
        await trx
          .insertInto('report_values')
          .values(changes.upserts.map((u) => ({ report_id: created.id, indicator_code: u.code, value: u.value, explanation: u.explanation })))
          .execute();
      }
      if (input.honours.length) {
        await trx
          .insertInto('honours')
          .values(input.honours.map((h, position) => ({ report_id: created.id, position, title: h.title, level: h.level, kind: h.kind, recipient: h.recipient ?? '' })))
          .execute();
      }
      await writeAudit(trx, ctx, {
        action: 'report_saved',
        entityType: 'report',
        entityId: created.id,
        schoolId: input.schoolId,
        details: { year: input.year, version: created.version, changes: changes.audit },
      });
      return { reportId: created.id, version: created.version, status, updatedAt: now };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(1) });
    throw error;
  }
}

/**
 * Saves a draft with optimistic concurrency: the update only applies when the
 * stored version still equals the client's base version (compare-and-set in
 * the UPDATE itself, so it holds on PGlite and under concurrent PostgreSQL
 * sessions alike). A stale save changes nothing and answers CONFLICT.
 * Two round trips for an autosave: read the stored draft, write the changes.
 */
export async function saveDraft(ctx: Context & { actor: Actor }, input: DraftInput, catalogue: readonly Indicator[]): Promise<SaveResult> {
  assertOwnSchool(ctx.actor, input.schoolId);
  const errors = validateReportValues(input.values, catalogue);
  if (errors.length) throw invalidFields(errors);

  const stored = await readStoredDraft(ctx.db, input.schoolId, input.year);
  assertYearOpen(input.year, stored);
  const now = new Date();
  const changes = draftChanges(input, stored!.values, stored!.honours);
  if (stored!.id === null) {
    if (input.baseVersion !== 0) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(0) });
    return createDraft(ctx, input, changes, now);
  }
  const next = nextReportStatus('save', stored!.status!);
  if (!next) throw new TRPCError({ code: 'BAD_REQUEST', message: refusalMessage('save') });
  if (stored!.version !== input.baseVersion) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(stored!.version!) });
  const version = await updateDraft(ctx, input, stored!.id, next, changes, now);
  // Someone saved between our read and our write: nothing was written.
  if (version === null) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(stored!.version! + 1) });
  return { reportId: stored!.id, version, status: next, updatedAt: now };
}

/** Submits the stored draft (at the client's version) once the hard rules pass. */
export async function submitReport(ctx: Context & { actor: Actor }, input: { schoolId: number; year: number; version: number }): Promise<SaveResult> {
  const { db, actor } = ctx;
  assertOwnSchool(actor, input.schoolId);
  assertYearOpen(input.year, await db.selectFrom('reporting_years').select('is_open').where('year', '=', input.year).executeTakeFirst());
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
