import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import { defaultRubric, parseRubricDefinition, RUBRIC_V2_SCHEMA_VERSION, rubricSchema, rubricV2AutomaticView, rubricV2ToV1, scoreRubricV2, type Honour, type Rubric } from '@union/domain';
import { userError } from '../trpc/error-messages';
import { loadRatingInputs, loadRubricDefinition } from './rubric-definitions';

type Db = Kysely<Database> | Transaction<Database>;

const isRubricV2Definition = (d: unknown) => typeof d === 'object' && d !== null && (d as { schemaVersion?: unknown }).schemaVersion === RUBRIC_V2_SCHEMA_VERSION;

/** The year's rubric, or the default one when the district has not edited it. */
export async function getRubric(db: Db, year: number): Promise<{ rubric: Rubric; isDefault: boolean; updatedAt: Date | null }> {
  const row = await db.selectFrom('rubrics').select(['definition', 'updated_at']).where('year', '=', year).executeTakeFirst();
  if (!row) return { rubric: defaultRubric, isDefault: true, updatedAt: null };
  // A v2 rubric answers with its figure-based items (its manual items are scored through loadRubricDefinition).
  if (isRubricV2Definition(row.definition)) {
    return { rubric: rubricV2AutomaticView(parseRubricDefinition(row.definition)) ?? defaultRubric, isDefault: false, updatedAt: row.updated_at };
  }
  return { rubric: rubricSchema.parse(row.definition), isDefault: false, updatedAt: row.updated_at };
}

/**
 * The year's rubric for the v1 editor (rubric.get): a v2 rubric richer than v1 (manual, deduction,
 * bonus or veto items) is refused, so a v1 save can never drop what v1 cannot show.
 */
export async function getRubricForV1Editor(db: Db, year: number): ReturnType<typeof getRubric> {
  const row = await db.selectFrom('rubrics').select('definition').where('year', '=', year).executeTakeFirst();
  if (row && isRubricV2Definition(row.definition) && !rubricV2ToV1(parseRubricDefinition(row.definition))) {
    throw userError('BAD_REQUEST', { zh: `${year} 年度的考核评估表使用新版（人工评分、扣分、加分或一票否决），请用新版评估表编辑器查看`, en: `The ${year} rubric uses the new model (manual, deduction, bonus or veto items); open it in the new rubric editor` });
  }
  return getRubric(db, year);
}

/**
 * Computes and stores the automatic scores of approved reports: all of a
 * year's, or just the given ones. Pass the transaction that approved them.
 */
export async function refreshScores(db: Db, year: number, reportIds?: readonly number[]): Promise<number> {
  if (reportIds && reportIds.length === 0) return 0;
  // Scored in the v2 model: a v1 rubric gives exactly its v1 scores (packages/domain rubric/v2/from-v1.test.ts).
  const { rubric } = await loadRubricDefinition(db, year);
  let reportsQuery = db
    .selectFrom('reports as r')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .select(['r.id', 'r.school_id', 'r.narrative_achievements', 'r.narrative_shortcomings', 'r.narrative_plans', 's.staff_count'])
    .where('r.year', '=', year)
    .where('r.status', '=', 'approved');
  if (reportIds) reportsQuery = reportsQuery.where('r.id', 'in', reportIds);
  const reports = await reportsQuery.execute();
  if (reports.length === 0) {
    if (!reportIds) await db.deleteFrom('report_scores').where('year', '=', year).execute();
    return 0;
  }
  const ids = reports.map((r) => r.id);
  const [values, honours, ratingInputs] = await Promise.all([
    db.selectFrom('report_values').select(['report_id', 'indicator_code', 'value']).where('report_id', 'in', ids).execute(),
    db.selectFrom('honours').select(['report_id', 'title', 'level', 'kind', 'recipient']).where('report_id', 'in', ids).execute(),
    loadRatingInputs(db, ids),
  ]);
  const valuesByReport = new Map<number, Record<string, number>>();
  for (const v of values) {
    const map = valuesByReport.get(v.report_id) ?? {};
    map[v.indicator_code] = v.value;
    valuesByReport.set(v.report_id, map);
  }
  const honoursByReport = new Map<number, Honour[]>();
  for (const h of honours) honoursByReport.set(h.report_id, [...(honoursByReport.get(h.report_id) ?? []), h]);
  // Categories without items (and so without points) are left out, as before v2.
  const usedCategories = new Set(rubric.items.map((i) => i.category));
  const rows = reports.map((report) => {
    const reportValues = valuesByReport.get(report.id) ?? {};
    const given = ratingInputs.get(report.id);
    const score = scoreRubricV2(rubric, {
      figures: {
        values: reportValues,
        honours: honoursByReport.get(report.id) ?? [],
        narrative: { achievements: report.narrative_achievements, shortcomings: report.narrative_shortcomings, plans: report.narrative_plans },
        staffCount: reportValues.staff_total ?? report.staff_count,
      },
      ratings: given?.ratings ?? {},
      ...(given?.review ? { review: given.review } : {}),
    });
    const categoryScores = Object.fromEntries(score.categories.filter((c) => usedCategories.has(c.categoryId)).map((c) => [c.categoryId, c.earned]));
    const itemScores = Object.fromEntries(score.items.map((i) => [i.itemId, i.earned]));
    return {
      report_id: report.id,
      school_id: report.school_id,
      year,
      total: score.combined,
      stars: score.stars,
      category_scores: JSON.stringify(categoryScores),
      item_scores: JSON.stringify(itemScores),
      computed_at: new Date(),
    };
  });
  if (!reportIds) await db.deleteFrom('report_scores').where('year', '=', year).execute();
  await db
    .insertInto('report_scores')
    .values(rows)
    .onConflict((oc) =>
      oc.column('report_id').doUpdateSet((eb) => ({
        total: eb.ref('excluded.total'),
        stars: eb.ref('excluded.stars'),
        category_scores: eb.ref('excluded.category_scores'),
        item_scores: eb.ref('excluded.item_scores'),
        computed_at: eb.ref('excluded.computed_at'),
      })),
    )
    .execute();
  // The dashboards' copy of the figures follows the score (removed with it by cascade).
  await db.deleteFrom('approved_figures').where('report_id', 'in', ids).execute();
  const figures = reports.flatMap((report) =>
    Object.entries(valuesByReport.get(report.id) ?? {}).map(([code, value]) => ({ indicator_code: code, year, school_id: report.school_id, report_id: report.id, value })),
  );
  for (let i = 0; i < figures.length; i += 5000) await db.insertInto('approved_figures').values(figures.slice(i, i + 5000)).execute();
  return rows.length;
}

// Approvals, reopenings, imports and rubric changes keep scores current as
// they happen; only data loaded behind the app's back (demo seed, bulk loads)
// lacks them. So each process checks each year once, not on every request.
// Keyed by database handle: tests (and tools) open several databases in one process.
const verifiedYearsByDb = new WeakMap<Kysely<Database>, Set<number>>();

/**
 * Scores approved reports that have none yet (demo data, bulk loads), once
 * per year per process.
 */
export async function ensureScores(db: Kysely<Database>, requested: readonly number[]): Promise<void> {
  let verifiedYears = verifiedYearsByDb.get(db);
  if (!verifiedYears) verifiedYearsByDb.set(db, (verifiedYears = new Set()));
  const years = requested.filter((y) => !verifiedYears.has(y));
  if (years.length === 0) return;
  const missing = await db
    .selectFrom('reports as r')
    .leftJoin('report_scores as s', 's.report_id', 'r.id')
    .select(['r.id', 'r.year'])
    .where('r.status', '=', 'approved')
    .where('r.year', 'in', years)
    .where('s.report_id', 'is', null)
    .execute();
  const byYear = new Map<number, number[]>();
  for (const m of missing) byYear.set(m.year, [...(byYear.get(m.year) ?? []), m.id]);
  for (const [year, ids] of byYear) await db.transaction().execute((trx) => refreshScores(trx, year, ids));
  for (const year of years) verifiedYears.add(year);
}
