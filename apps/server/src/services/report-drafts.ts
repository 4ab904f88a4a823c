import { TRPCError } from '@trpc/server';
import { sql, type Kysely } from 'kysely';
import type { Database } from '@union/db';
import {
  lockedFieldsChanged,
  nextReportStatus,
  reportStatuses,
  refusalMessage,
  validateForSubmit,
  validateExplanations,
  validateReportValues,
  type Honour,
  type Indicator,
  type IndicatorValues,
  type Narrative,
  type ReportStatus,
  sourcesForValues,
  type ValueSources,
  localize,
} from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import type { Context } from '../trpc/context';
import { invalidFields } from '../trpc/trpc';
import { listYearIndicators } from './catalogue';
import { isSchoolOpenIn } from './open-schools';
import { readReportContent, recordEditsOnResubmit } from './report-unlocks';
import { schoolNotFound, userError } from '../trpc/error-messages';

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
  /** Where imported values came from, by indicator code; one whose value is not the saved value is dropped. */
  sources?: ValueSources;
}

export interface SaveResult {
  reportId: number;
  version: number;
  status: ReportStatus;
  updatedAt: Date;
}

export const staleVersionMessage = (current: number) =>
  localize({
    zh: `该报告已被他人修改（当前版本 ${current}），您的修改未保存。请对比两个版本后再保存。`,
    en: `Someone else changed this report (now version ${current}); your changes were not saved. Compare the two versions, then save.`,
  });

/**
 * Only a school's own chair writes its report. The chair's school comes from
 * the session row (users → schools), so comparing ids is the whole check;
 * another school answers NOT_FOUND like a missing one.
 */
function assertOwnSchool(actor: Actor, schoolId: number): void {
  if (actor.role !== 'school_chair') throw userError('FORBIDDEN', { zh: '只有本校工会主席可以填写和提交年报', en: 'Only the school’s union chair can fill in and submit its report' });
  if (actor.schoolId !== schoolId) throw schoolNotFound();
}

/**
 * A closed year takes no saves or submissions, except for a report the admin
 * explicitly unlocked after approval (`unlocked_at`): that one must still be
 * resubmittable, or it would be stranded until the whole year reopens.
 */
export function assertYearOpen(year: number, row: { is_open: boolean } | undefined, unlockedAt: Date | null = null): void {
  if (!row) throw userError('NOT_FOUND', { zh: `${year} 年度尚未开放填报`, en: `Reporting year ${year} is not open yet` });
  if (!row.is_open && !unlockedAt) throw userError('BAD_REQUEST', { zh: `${year} 年度已停止填报`, en: `Reporting year ${year} is closed` });
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === '23505';
}

/** Whether the year is open and the stored report's id, status and version (to explain a save that wrote nothing). */
function readStoredDraft(db: Kysely<Database>, schoolId: number, year: number) {
  return db
    .selectFrom('reporting_years as y')
    .leftJoin('reports as r', (join) => join.onRef('r.year', '=', 'y.year').on('r.school_id', '=', schoolId))
    .select([
      'y.is_open',
      'r.id',
      'r.status',
      'r.version',
      'r.unlocked_at',
      'r.unlocked_field',
    ])
    .where('y.year', '=', year)
    .executeTakeFirst();
}

/** The `report_values.source` JSON of each figure that still has its imported value ('' = none). */
function sourceTexts(input: DraftInput): Map<string, string> {
  const kept = sourcesForValues(input.sources ?? {}, input.values);
  return new Map(Object.entries(kept).map(([code, s]) => [code, JSON.stringify({ value: s.value, document: s.document, excerpts: s.excerpts })]));
}

/** The figures of a report's first save, and its audit entry (every figure is new). */
function firstSaveFigures(input: DraftInput, actor: Actor, now: Date) {
  const figures = Object.entries(input.values).filter((entry): entry is [string, number] => entry[1] !== null);
  const sources = sourceTexts(input);
  return {
    rows: figures.map(([code, value]) => {
      const source = sources.get(code) ?? null;
      return {
        indicator_code: code,
        value,
        explanation: input.explanations[code]?.trim() ?? '',
        source,
        source_accepted_by: source ? actor.userId : null,
        source_accepted_at: source ? now : null,
      };
    }),
    audit: figures.map(([code, value]) => ({ code, from: null, to: value })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

// How a save moves an existing report's status (draft stays draft, returned stays returned), from the domain.
const saveTransitions = JSON.stringify(
  Object.fromEntries(reportStatuses.flatMap((status) => {
    const next = nextReportStatus('save', status);
    return next ? [[status, next]] : [];
  })),
);

/**
 * An autosave of an existing report in one statement: the compare-and-set on
 * the version (only in an open year and a status the chair may edit), only
 * the figures and honours that differ from the stored ones, and the audit
 * record with the per-field changes — all or nothing, in one round trip.
 * Returns null when nothing was written; the caller then finds out why.
 */
async function updateDraft(
  ctx: Context & { actor: Actor },
  input: DraftInput,
  now: Date,
  /** Only after the caller checked that nothing outside the one unlocked field changes. */
  fieldUnlockChecked = false,
): Promise<{ id: number; version: number; status: ReportStatus } | null> {
  const figures = Object.entries(input.values).filter((entry): entry is [string, number] => entry[1] !== null);
  const sources = sourceTexts(input);
  const honours = input.honours.map((h) => ({ title: h.title, level: h.level, kind: h.kind, recipient: h.recipient ?? '' }));
  const result = await sql<{ id: number; version: number; status: ReportStatus }>`
    with target as (
      select r.id from reports r join reporting_years y on y.year = r.year and (y.is_open or r.unlocked_at is not null)
      where r.school_id = ${input.schoolId} and r.year = ${input.year} and r.version = ${input.baseVersion} and ${saveTransitions}::jsonb ? r.status
        and (r.unlocked_field is null or ${fieldUnlockChecked})
    ),
    saved as (
      update reports r
      set version = r.version + 1, status = ${saveTransitions}::jsonb ->> r.status, updated_at = ${now},
          narrative_achievements = ${input.narrative.achievements},
          narrative_shortcomings = ${input.narrative.shortcomings},
          narrative_plans = ${input.narrative.plans}
      from target where r.id = target.id and r.version = ${input.baseVersion}
      returning r.id, r.version, r.status
    ),
    incoming as (
      select n.code, n.value, n.explanation, nullif(n.source, '')::jsonb as source
      from unnest(${figures.map(([code]) => code)}::text[], ${figures.map(([, value]) => value)}::numeric[],
                  ${figures.map(([code]) => input.explanations[code]?.trim() ?? '')}::text[],
                  ${figures.map(([code]) => sources.get(code) ?? '')}::text[]) as n(code, value, explanation, source)
    ),
    stored as (select v.indicator_code as code, v.value from report_values v join target on v.report_id = target.id),
    cleared as (
      delete from report_values v using saved
      where v.report_id = saved.id and not exists (select 1 from incoming n where n.code = v.indicator_code)
    ),
    changed as (
      insert into report_values (report_id, indicator_code, value, explanation, source, source_accepted_by, source_accepted_at)
      select saved.id, n.code, n.value, n.explanation, n.source,
             case when n.source is null then null else ${ctx.actor.userId}::int end,
             case when n.source is null then null else ${now}::timestamptz end
      from saved cross join incoming n
      on conflict (report_id, indicator_code) do update set
        value = excluded.value, explanation = excluded.explanation, source = excluded.source,
        -- A source sent again keeps who accepted it first, and when.
        source_accepted_by = case when report_values.source = excluded.source then report_values.source_accepted_by else excluded.source_accepted_by end,
        source_accepted_at = case when report_values.source = excluded.source then report_values.source_accepted_at else excluded.source_accepted_at end
      where (report_values.value, report_values.explanation, report_values.source) is distinct from (excluded.value, excluded.explanation, excluded.source)
    ),
    stored_honours as (
      select coalesce(jsonb_agg(jsonb_build_object('title', h.title, 'level', h.level, 'kind', h.kind, 'recipient', h.recipient) order by h.position), '[]'::jsonb) as list
      from honours h join target on h.report_id = target.id
    ),
    honours_cleared as (
      delete from honours h using saved, stored_honours o where h.report_id = saved.id and o.list <> ${JSON.stringify(honours)}::jsonb
    ),
    honours_added as (
      insert into honours (report_id, position, title, level, kind, recipient)
      select saved.id, h.position - 1, h.title, h.level, h.kind, h.recipient
      from saved cross join stored_honours o
      cross join unnest(${honours.map((h) => h.title)}::text[], ${honours.map((h) => h.level)}::text[], ${honours.map((h) => h.kind)}::text[], ${honours.map((h) => h.recipient)}::text[])
           with ordinality as h(title, level, kind, recipient, position)
      where o.list <> ${JSON.stringify(honours)}::jsonb
    ),
    changes as (
      select coalesce(jsonb_agg(jsonb_build_object('code', coalesce(s.code, n.code), 'from', s.value, 'to', n.value) order by coalesce(s.code, n.code)), '[]'::jsonb) as list
      from stored s full join incoming n on n.code = s.code
      where s.value is distinct from n.value
    ),
    audited as (
      insert into audit_log (user_id, username, action, entity_type, entity_id, school_id, details, ip)
      select ${ctx.actor.userId}, ${ctx.actor.username}, 'report_saved', 'report', saved.id::text, ${input.schoolId},
             jsonb_build_object('year', ${input.year}::int, 'version', saved.version, 'changes', changes.list), ${ctx.ip}
      from saved cross join changes
    )
    select id, version, status from saved
  `.execute(ctx.db);
  return result.rows[0] ?? null;
}

/** The first save of a school's report for a year creates it (a race between two first saves: the loser is stale). */
async function createDraft(ctx: Context & { actor: Actor }, input: DraftInput, now: Date): Promise<SaveResult> {
  // A school is asked for a report only in the years it was open (open_school_years).
  if (!(await isSchoolOpenIn(ctx.db, input.schoolId, input.year))) {
    throw userError('BAD_REQUEST', { zh: `该校 ${input.year} 年度未开办或已停办，无需填报该年度年报`, en: `The school was not open in ${input.year}; no report is due for that year` });
  }
  const figures = firstSaveFigures(input, ctx.actor, now);
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
      if (figures.rows.length) await trx.insertInto('report_values').values(figures.rows.map((row) => ({ report_id: created.id, ...row }))).execute();
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
        details: { year: input.year, version: created.version, changes: figures.audit },
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
 * An autosave of an existing report is one round trip; only when it writes
 * nothing is the stored draft read to say why.
 */
export async function saveDraft(ctx: Context & { actor: Actor }, input: DraftInput, catalogue: readonly Indicator[]): Promise<SaveResult> {
  assertOwnSchool(ctx.actor, input.schoolId);
  const errors = [...validateReportValues(input.values, catalogue), ...validateExplanations(input.explanations, catalogue)];
  if (errors.length) throw invalidFields(errors);
  const now = new Date();

  if (input.baseVersion > 0) {
    const saved = await updateDraft(ctx, input, now);
    if (saved) return { reportId: saved.id, version: saved.version, status: saved.status, updatedAt: now };
  }
  const stored = await readStoredDraft(ctx.db, input.schoolId, input.year);
  assertYearOpen(input.year, stored, stored?.unlocked_at ?? null);
  if (stored!.id === null) {
    if (input.baseVersion !== 0) throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(0) });
    return createDraft(ctx, input, now);
  }
  if (!nextReportStatus('save', stored!.status!)) throw new TRPCError({ code: 'BAD_REQUEST', message: refusalMessage('save') });
  if (stored!.unlocked_field && stored!.version === input.baseVersion) {
    const saved = await saveUnlockedField(ctx, input, now, stored!.id, stored!.unlocked_field);
    if (saved) return saved;
  }
  // The version moved on (or moved on between the write and this read).
  throw new TRPCError({ code: 'CONFLICT', message: staleVersionMessage(stored!.version!) });
}

/**
 * A save of a report of which the admin unlocked one field: refused (naming
 * the fields) if anything else differs from the stored report; locked
 * figures keep their stored explanations. Checked and written in one transaction.
 */
async function saveUnlockedField(ctx: Context & { actor: Actor }, input: DraftInput, now: Date, reportId: number, unlockedField: string): Promise<SaveResult | null> {
  return ctx.db.transaction().execute(async (trx) => {
    await trx.selectFrom('reports').select('id').where('id', '=', reportId).forUpdate().execute();
    const stored = await readReportContent(trx, reportId);
    const changed = lockedFieldsChanged(stored, { values: input.values, narrative: input.narrative, honours: input.honours }, unlockedField);
    if (changed.length) {
      throw userError('BAD_REQUEST', {
        zh: `只有已解锁的字段可以修改，其余内容已审核锁定（改动了：${changed.join('、')}）`,
        en: `Only the unlocked field may change; the rest stays approved and locked (changed: ${changed.join(', ')})`,
      });
    }
    const explanations = await trx.selectFrom('report_values').select(['indicator_code', 'explanation']).where('report_id', '=', reportId).execute();
    const lockedExplanations = Object.fromEntries(explanations.filter((e) => `values.${e.indicator_code}` !== unlockedField).map((e) => [e.indicator_code, e.explanation]));
    const saved = await updateDraft({ ...ctx, db: trx }, { ...input, explanations: { ...input.explanations, ...lockedExplanations } }, now, true);
    return saved ? { reportId: saved.id, version: saved.version, status: saved.status, updatedAt: now } : null;
  });
}

/** Submits the stored draft (at the client's version) once the hard rules pass. */
export async function submitReport(ctx: Context & { actor: Actor }, input: { schoolId: number; year: number; version: number }): Promise<SaveResult> {
  const { db, actor } = ctx;
  assertOwnSchool(actor, input.schoolId);
  const stored = await readStoredDraft(db, input.schoolId, input.year);
  assertYearOpen(input.year, stored, stored?.unlocked_at ?? null);
  const catalogue = await listYearIndicators(db, input.year);
  return db.transaction().execute(async (trx) => {
    const report = await trx.selectFrom('reports').selectAll().where('school_id', '=', input.schoolId).where('year', '=', input.year).executeTakeFirst();
    if (!report) throw userError('BAD_REQUEST', { zh: '请先填写并保存年报，再提交', en: 'Fill in and save the report before submitting it' });
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
    if (report.unlocked_at) await recordEditsOnResubmit(ctx, trx, report.id, input.schoolId, now);
    return { reportId: report.id, version: updated.version, status: next, updatedAt: now };
  });
}
