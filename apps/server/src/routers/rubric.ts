import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@union/db';
import { idSchema, raterColumnSchema, reportingYearSchema, rubricSchema, rubricV2ObjectSchema, safeText, zodMessage, localize } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { schoolIdsInScope } from '../auth/scope';
import { listYearIndicators } from '../services/catalogue';
import { loadRatingInputs, loadRubricDefinition } from '../services/rubric-definitions';
import { rubricTemplatesFor, saveRubricDefinition } from '../services/rubric-definition-save';
import { saveRaterColumn } from '../services/rubric-ratings';
import { getRubricForV1Editor, refreshScores } from '../services/scores';
import { authedProcedure, invalidFields, orgAdminProcedure, router } from '../trpc/trpc';
import { hasCityAbove } from '../auth/city-scope';
import { reportNotFound, userError } from '../trpc/error-messages';

const score = z.number().min(0, { error: zodMessage(() => ({ zh: '分数不能为负', en: 'A score cannot be negative' })) }).max(100, { error: zodMessage(() => ({ zh: '分数不能超过 100', en: 'A score cannot be above 100' })) }).nullable();

/** One rubric per year for every district: under a city it is the city's to publish, and its districts use it. */
async function maySetRubric(db: Kysely<Database>, actor: Actor): Promise<boolean> {
  if (actor.role === 'city_admin') return true;
  return actor.role === 'district_admin' && !(await hasCityAbove(db, actor));
}

async function assertMaySetRubric(db: Kysely<Database>, actor: Actor): Promise<void> {
  if (!(await maySetRubric(db, actor))) {
    throw userError('FORBIDDEN', { zh: '考核评估表由市教育工会统一制定，区教育工会沿用', en: 'The city union sets the rubric; its districts use it' });
  }
}

export const rubricRouter = router({
  /** The year's assessment table (the default one until the district edits it). */
  get: authedProcedure.input(z.object({ year: reportingYearSchema })).query(({ ctx, input }) => getRubricForV1Editor(ctx.db, input.year)),

  /** The year's rubric in the v2 model (a v1 one read as v2) with its live maximum. */
  definition: authedProcedure.input(z.object({ year: reportingYearSchema })).query(async ({ ctx, input }) => ({
    ...(await loadRubricDefinition(ctx.db, input.year)),
    /** Whether this caller may save the year's rubric (the pages offer editing only then). */
    mayEdit: await maySetRubric(ctx.db, ctx.actor),
  })),

  /** The rater columns (自评 / 考评 …) and 复核 of one report under the year's v2 rubric. */
  ratings: authedProcedure.input(z.object({ reportId: idSchema })).query(async ({ ctx, input }) => {
    const report = await ctx.db.selectFrom('reports').select(['id', 'year']).where('id', '=', input.reportId).where('id', 'in', readableReportIds(ctx.db, ctx.actor)).executeTakeFirst();
    if (!report) throw reportNotFound();
    const given = (await loadRatingInputs(ctx.db, [report.id])).get(report.id);
    return { year: report.year, ratings: given?.ratings ?? {}, review: given?.review ?? null };
  }),

  /** Saves one rater's column of a report (自评 by the school's chair, the other columns by the district admin). */
  rate: authedProcedure
    .input(z.object({ reportId: idSchema, raterId: z.string().regex(/^[a-z0-9_-]{1,40}$/, { error: zodMessage(() => ({ zh: '评分人编号无效', en: 'Invalid rater id' })) }), ratings: raterColumnSchema }))
    .mutation(({ ctx, input }) => saveRaterColumn(ctx.db, ctx, input)),

  /** Saves a year's rubric (the city admin's under a city, else the district admin's) and rescores that year's approved reports. */
  save: orgAdminProcedure.input(z.object({ year: reportingYearSchema, rubric: rubricSchema })).mutation(async ({ ctx, input }) => {
    await assertMaySetRubric(ctx.db, ctx.actor);
    const catalogue = await listYearIndicators(ctx.db, input.year);
    const known = new Set(catalogue.map((i) => i.code));
    const unknown = input.rubric.items.flatMap((item, index) => {
      const m = item.method;
      const codes = m.kind === 'ratio_to_target' ? [m.numerator, m.denominator] : 'indicator' in m ? [m.indicator] : [];
      return codes.filter((c) => !known.has(c)).map((c) => ({ path: `rubric.items.${index}.method`, message: localize({ zh: `评分项“${item.titleZh}”引用的指标 ${c} 不在 ${input.year} 年度指标中`, en: `Item “${item.titleZh}” uses indicator ${c}, which is not in the ${input.year} catalogue` }) }));
    });
    if (unknown.length) throw invalidFields(unknown);
    const exists = await ctx.db.selectFrom('reporting_years').select('year').where('year', '=', input.year).executeTakeFirst();
    if (!exists) throw userError('NOT_FOUND', { zh: `没有 ${input.year} 年度`, en: `There is no reporting year ${input.year}` });
    return ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('rubrics')
        .values({ year: input.year, definition: JSON.stringify(input.rubric), schema_version: 1, updated_by: ctx.actor.userId, updated_at: new Date() })
        .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ definition: eb.ref('excluded.definition'), schema_version: eb.ref('excluded.schema_version'), updated_by: eb.ref('excluded.updated_by'), updated_at: eb.ref('excluded.updated_at') })))
        .execute();
      const rescored = await refreshScores(trx, input.year);
      await writeAudit(trx, ctx, { action: 'rubric_changed', entityType: 'rubric', entityId: input.year, details: { items: input.rubric.items.length, rescored } });
      return { rescored };
    });
  }),

  /**
   * Saves a year's rubric in the v2 model (item kinds, categories with caps,
   * weighted raters, stars), rescoring the year. Field types and bounds are
   * checked by the input; the rules naming the item (「第 2 类第 3 项：…」) and
   * the year's catalogue by the service.
   */
  saveDefinition: orgAdminProcedure
    .input(z.object({ year: reportingYearSchema, definition: rubricV2ObjectSchema }))
    .mutation(async ({ ctx, input }) => {
      await assertMaySetRubric(ctx.db, ctx.actor);
      return saveRubricDefinition(ctx.db, ctx, input.year, input.definition);
    }),

  /** Starting points for the v2 editor: the year's rubric in use, 昆山, 湖南, 高校, the default. */
  templates: orgAdminProcedure.input(z.object({ year: reportingYearSchema })).query(({ ctx, input }) => rubricTemplatesFor(ctx.db, input.year)),

  /** Self-score (by the school's chair) or acceptance score (by the district admin), each with a note. */
  assess: authedProcedure
    .input(z.object({ reportId: idSchema, kind: z.enum(['self', 'acceptance']), score, note: safeText({ max: 1000, maxMessage: { zh: '说明最多 1000 字', en: 'A note has at most 1000 characters' } }).default('') }))
    .mutation(async ({ ctx, input }) => {
      const mayAssess = input.kind === 'self' ? ctx.actor.role === 'school_chair' : ctx.actor.role === 'district_admin';
      if (!mayAssess) throw userError(
          'FORBIDDEN',
          input.kind === 'self'
            ? { zh: '自评分由学校工会主席填写', en: 'The self-assessment is entered by the school union chair' }
            : { zh: '验收分由区教育工会管理员填写', en: 'The acceptance score is entered by the district union administrator' },
        );
      const report = await ctx.db.selectFrom('reports').select(['id', 'school_id']).where('id', '=', input.reportId).where('school_id', 'in', schoolIdsInScope(ctx.db, ctx.actor)).executeTakeFirst();
      if (!report) throw reportNotFound();
      const set = input.kind === 'self' ? { self_score: input.score, self_note: input.note } : { acceptance_score: input.score, acceptance_note: input.note };
      await ctx.db
        .insertInto('report_assessments')
        .values({ report_id: report.id, ...set, updated_at: new Date() })
        .onConflict((oc) => oc.column('report_id').doUpdateSet({ ...set, updated_at: new Date() }))
        .execute();
      return { ok: true as const };
    }),

  /** Automatic score, self-score and acceptance score of one report, side by side. */
  assessment: authedProcedure.input(z.object({ reportId: idSchema })).query(async ({ ctx, input }) => {
    const row = await ctx.db
      .selectFrom('reports as r')
      .leftJoin('report_scores as s', 's.report_id', 'r.id')
      .leftJoin('report_assessments as a', 'a.report_id', 'r.id')
      .select(['r.id', 's.total', 's.stars', 's.item_scores', 'a.self_score', 'a.self_note', 'a.acceptance_score', 'a.acceptance_note'])
      .where('r.id', '=', input.reportId)
      .where('r.id', 'in', readableReportIds(ctx.db, ctx.actor))
      .executeTakeFirst();
    if (!row) throw reportNotFound();
    return {
      automaticScore: row.total,
      stars: row.stars,
      itemScores: row.item_scores ?? {},
      selfScore: row.self_score,
      selfNote: row.self_note ?? '',
      acceptanceScore: row.acceptance_score,
      acceptanceNote: row.acceptance_note ?? '',
    };
  }),
});
