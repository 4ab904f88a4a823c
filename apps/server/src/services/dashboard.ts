import { sql, type Kysely } from 'kysely';
import type { Database } from '@union/db';
import {
  categoryCodes,
  findGaps,
  medianOf,
  sizeBandOf,
  buildComparison,
  type CategoryCode,
  type ComparisonSchoolInput,
  type PackedComparison,
  type Indicator,
  type SchoolType,
  type SizeBand,
  type YearOverYear,
  type GroupFilter,
  type GroupSet,
  leagueTable,
  localize,
  rubricV2AutomaticView,
  rubricV2Gaps,
  scoreRubricV2,
} from '@union/domain';
import { comparisonGroups, comparisonLeague, type ComparedSchool } from './comparison-groups';
import { assertMayGroupAggregates, schoolIdsInGroup } from './school-groups';
import { predecessorMap } from './league';
import type { Actor } from '../auth/actor';
import { aggregateScopeActor } from '../auth/district-scope';
import { readableReportIds } from '../auth/report-visibility';
import { schoolIdsInScope } from '../auth/scope';
import { listYearIndicators } from './catalogue';
import { countedSchoolIds, openInRowYear } from './open-schools';
export { indicatorTrend } from './dashboard-trend';
import { cachedAtDataVersion } from './dashboard-cache';
import { loadRatingInputs } from './rubric-definitions';
import { yearScoring, type ScoreCategory } from './score-categories';
import { inspectionGaps } from './inspection-reviews';
import { schoolNotFound, userError } from '../trpc/error-messages';

// Dashboards count approved reports only: the district's checked figures.

/** Indicators the year overview shows as district totals and medians. */
export const overviewIndicatorCodes = [
  'sick_visits',
  'hardship_aid_recipients',
  'hardship_aid_amount',
  'holiday_visits',
  'congress_sessions',
  'proposals_collected',
  'proposals_resolved',
  'health_checkup_participants',
  'culture_sports_events',
] as const;

/** The score bands of every score distribution (year overview, district comparison), in the request's locale. */
export function scoreBands() {
  return [
    { label: localize({ zh: '90分及以上', en: '90 and above' }), min: 90, max: Infinity },
    { label: localize({ zh: '80–89分', en: '80–89' }), min: 80, max: 90 },
    { label: localize({ zh: '70–79分', en: '70–79' }), min: 70, max: 80 },
    { label: localize({ zh: '60–69分', en: '60–69' }), min: 60, max: 70 },
    { label: localize({ zh: '60分以下', en: 'Below 60' }), min: -Infinity, max: 60 },
  ];
}

export async function yearOverview(db: Kysely<Database>, actor: Actor, year: number, group?: GroupFilter) {
  assertMayGroupAggregates(actor, { group });
  const scope = await aggregateScopeActor(db, actor);
  // A group (the printed summary of 农村 schools, of one 教育集团) narrows who counts, after the open-school rule.
  const counted = group ? db.selectFrom('schools as cs').select('cs.id').where('cs.id', 'in', countedSchoolIds(db, scope, year)).where('cs.id', 'in', schoolIdsInGroup(db, group)) : countedSchoolIds(db, scope, year);
  const [indicators, scores, schools] = await Promise.all([
    db
      .selectFrom('report_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .select((eb) => [
        'v.indicator_code',
        eb.fn.sum<number>('v.value').as('total'),
        sql<number>`percentile_cont(0.5) within group (order by ${eb.ref('v.value')})`.as('median'),
        eb.fn.count<number>('v.value').as('reporting'),
      ])
      .where('r.year', '=', year)
      .where('r.status', '=', 'approved')
      .where('v.indicator_code', 'in', [...overviewIndicatorCodes])
      .where('r.school_id', 'in', counted)
      .groupBy('v.indicator_code')
      .execute(),
    db
      .selectFrom('report_scores')
      .select(['school_id', 'total', 'stars'])
      .where('year', '=', year)
      .where('school_id', 'in', counted)
      .execute(),
    db
      .selectFrom('schools as s')
      .leftJoin('reports as r', (join) => join.onRef('r.school_id', '=', 's.id').on('r.year', '=', year))
      .select((eb) => ['r.status', eb.fn.countAll<number>().as('n')])
      .where('s.id', 'in', counted)
      .groupBy('r.status')
      .execute(),
  ]);
  const byCode = new Map(indicators.map((i) => [i.indicator_code, i]));
  const totalOf = (code: string) => Number(byCode.get(code)?.total ?? 0);
  const statusCounts = { not_started: 0, draft: 0, submitted: 0, returned: 0, cluster_approved: 0, approved: 0 };
  for (const row of schools) statusCounts[row.status ?? 'not_started'] += Number(row.n);
  const schoolCount = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  const totals = scores.map((s) => s.total);
  const bands = scoreBands();
  const ownScore = actor.role === 'school_chair' ? scores.find((s) => s.school_id === actor.schoolId) : undefined;
  return {
    year,
    schoolCount,
    statusCounts,
    completionRate: schoolCount ? (statusCounts.submitted + statusCounts.cluster_approved + statusCounts.approved) / schoolCount : 0,
    indicators: overviewIndicatorCodes.map((code) => ({
      code,
      total: totalOf(code),
      median: byCode.has(code) ? Number(byCode.get(code)!.median) : null,
      reportingSchools: Number(byCode.get(code)?.reporting ?? 0),
    })),
    /** Σ resolved ÷ Σ collected over approved reports. */
    proposalResolutionRate: totalOf('proposals_collected') ? totalOf('proposals_resolved') / totalOf('proposals_collected') : null,
    scores: {
      scoredSchools: totals.length,
      median: medianOf(totals),
      distribution: bands.map((b) => ({ label: b.label, count: totals.filter((t) => t >= b.min && t < b.max).length })),
      stars: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: scores.filter((s) => s.stars === stars).length })),
    },
    /** A chair's own standing: score and rank among scored schools. */
    own: ownScore
      ? { score: ownScore.total, stars: ownScore.stars, rank: 1 + totals.filter((t) => t > ownScore.total).length, of: totals.length }
      : null,
  };
}

export interface ComparisonFilter {
  year: number;
  codes: string[];
  perHundredStaff: boolean;
  clusterId?: number | undefined;
  schoolType?: SchoolType | undefined;
  sizeBand?: SizeBand | undefined;
  /** One school group (学段, 城乡, 公办/民办, a district group): only its schools count. */
  group?: GroupFilter | undefined;
  /** Per-group rows beside the schools. */
  by?: GroupSet | undefined;
}

export interface ComparisonCell {
  value: number | null;
  /** Per 100 staff when asked for, else the raw value. */
  shown: number | null;
  previous: number | null;
  yoy: YearOverYear | null;
  percentile: number | null;
}

/** Whether the caller may see schools side by side for `year`: district staff always, chairs once the year is published. */
export async function mayCompare(db: Kysely<Database>, actor: Actor, year: number): Promise<boolean> {
  if (actor.role !== 'school_chair') return true;
  const row = await db.selectFrom('reporting_years').select('published_to_chairs').where('year', '=', year).executeTakeFirst();
  return Boolean(row?.published_to_chairs);
}

async function assertMayCompare(db: Kysely<Database>, actor: Actor, year: number): Promise<void> {
  if (!(await mayCompare(db, actor, year))) throw userError('FORBIDDEN', { zh: '该年度各校结果尚未向学校公布', en: 'The schools’ results for this year have not been published to schools yet' });
}

/**
 * Schools × indicators for one year: values, per-100-staff, YoY, percentiles,
 * score and rank. Computed once per data change (see dashboard-cache): two
 * reads in parallel (the schools with their scores for the year and the one
 * before; the approved figures of the chosen indicators for both years), then
 * the maths in the domain.
 */
export async function comparison(db: Kysely<Database>, actor: Actor, filter: ComparisonFilter): Promise<PackedComparison> {
  await assertMayCompare(db, actor, filter.year);
  const scope = await aggregateScopeActor(db, actor);
  const key = `comparison/${scope.role}/${scope.orgUnitId}/${scope.schoolId}/${JSON.stringify(filter)}`;
  return cachedAtDataVersion(db, key, () => computeComparison(db, scope, filter));
}

async function computeComparison(db: Kysely<Database>, scope: Actor, filter: ComparisonFilter): Promise<PackedComparison> {
  const catalogue = await listYearIndicators(db, filter.year);
  const indicators = filter.codes.map((code) => {
    const indicator = catalogue.find((i) => i.code === code);
    if (!indicator) throw userError('BAD_REQUEST', { zh: `该年度没有指标 ${code}`, en: `This year has no indicator ${code}` });
    return indicator;
  });
  const years = [filter.year, filter.year - 1];

  let schoolsQuery = db
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .leftJoin('org_units as parent', 'parent.id', 'ou.parent_id')
    .leftJoin('report_scores as cur', (join) => join.onRef('cur.school_id', '=', 's.id').on('cur.year', '=', filter.year))
    .leftJoin('report_scores as prev', (join) => join.onRef('prev.school_id', '=', 's.id').on('prev.year', '=', filter.year - 1))
    .select(['s.id', 'ou.code', 'ou.name', 's.school_type', 's.staff_count', 's.locality', 's.ownership', 'parent.kind as parent_kind', 'parent.name as parent_name', 'cur.total as score', 'prev.total as previous_score'])
    .select(sql<number[] | null>`(select json_agg(gm.group_id) from school_group_members gm where gm.school_id = s.id)`.as('group_ids'))
    .where('s.id', 'in', countedSchoolIds(db, scope, filter.year));
  if (filter.clusterId) schoolsQuery = schoolsQuery.where('ou.parent_id', '=', filter.clusterId);
  if (filter.schoolType) schoolsQuery = schoolsQuery.where('s.school_type', '=', filter.schoolType);
  if (filter.group) schoolsQuery = schoolsQuery.where('s.id', 'in', schoolIdsInGroup(db, filter.group));

  const [found, figureLists] = await Promise.all([
    schoolsQuery.orderBy('ou.code').execute(),
    // One row per (indicator, year) with parallel school and value lists: a few dozen rows instead of tens of thousands.
    db
      .selectFrom('approved_figures')
      .select(['indicator_code', 'year', sql<number[]>`json_agg(school_id)`.as('school_ids'), sql<number[]>`json_agg(value)`.as('values')])
      .where('indicator_code', 'in', [...new Set([...filter.codes, 'staff_total'])])
      .where('year', 'in', years)
      .where('school_id', 'in', schoolIdsInScope(db, scope))
      .groupBy(['indicator_code', 'year'])
      .execute(),
  ]);

  const figuresByYear = new Map<number, Map<number, Record<string, number>>>(years.map((y) => [y, new Map()]));
  for (const { indicator_code: code, year, school_ids: schoolIds, values } of figureLists) {
    const bySchool = figuresByYear.get(year)!;
    schoolIds.forEach((schoolId, i) => {
      let figures = bySchool.get(schoolId);
      if (!figures) bySchool.set(schoolId, (figures = {}));
      figures[code] = values[i]!;
    });
  }
  const schools: ComparisonSchoolInput[] = [];
  const compared: ComparedSchool[] = [];
  for (const s of found) {
    const figures = figuresByYear.get(filter.year)!.get(s.id) ?? null;
    if (filter.sizeBand && sizeBandOf(figures?.staff_total ?? s.staff_count) !== filter.sizeBand) continue;
    compared.push({ id: s.id, schoolType: s.school_type, locality: s.locality, ownership: s.ownership, groupIds: s.group_ids, staff: figures?.staff_total ?? s.staff_count, score: s.score, figures });
    schools.push({
      id: s.id,
      code: s.code,
      name: s.name,
      clusterName: s.parent_kind === 'cluster' ? s.parent_name : null,
      schoolType: s.school_type,
      staffCount: s.staff_count,
      figures,
      previousFigures: figuresByYear.get(filter.year - 1)!.get(s.id) ?? null,
      score: s.score,
      previousScore: s.previous_score,
    });
  }
  const [league, groups] = await Promise.all([
    comparisonLeague(db, scope, filter, compared, figuresByYear.get(filter.year - 1)!),
    filter.by ? comparisonGroups(db, scope, filter.by, compared, indicators) : Promise.resolve([]),
  ]);
  return buildComparison({ year: filter.year, perHundredStaff: filter.perHundredStaff, indicators, schools, league, groupBy: filter.by ?? null, groups });
}

/** Schools × categories: share of each category's points earned (0–1). */
export async function categoryHeatmap(db: Kysely<Database>, actor: Actor, year: number) {
  await assertMayCompare(db, actor, year);
  const scope = await aggregateScopeActor(db, actor);
  const { categories, scoreKind } = await yearScoring(db, year);
  const rows = await db
    .selectFrom('report_scores as sc')
    .innerJoin('org_units as ou', 'ou.id', 'sc.school_id')
    .select(['sc.school_id', 'ou.name', 'sc.total', 'sc.category_scores'])
    .where('sc.year', '=', year)
    .where('sc.school_id', 'in', countedSchoolIds(db, scope, year))
    .orderBy('sc.total', 'desc')
    .execute();
  return {
    year,
    /** 'combined': totals are 综评分 (v2 rubric with raters); 'automatic': from the figures. */
    scoreKind,
    categories,
    rows: rows.map((r) => ({
      schoolId: r.school_id,
      schoolName: r.name,
      total: r.total,
      shares: Object.fromEntries(categories.map((c) => [c.code, (r.category_scores[c.code] ?? 0) / c.maxPoints])),
    })),
  };
}

/** Who improved most: score change from the previous year, overall and per category. */
export async function progressRanking(db: Kysely<Database>, actor: Actor, year: number) {
  await assertMayCompare(db, actor, year);
  const scope = await aggregateScopeActor(db, actor);
  const rows = await db
    .selectFrom('report_scores as now')
    .innerJoin('report_scores as before', (join) => join.onRef('before.school_id', '=', 'now.school_id').on('before.year', '=', year - 1))
    .innerJoin('org_units as ou', 'ou.id', 'now.school_id')
    .select(['now.school_id', 'ou.name', 'now.total as total', 'before.total as previous_total', 'now.category_scores as now_categories', 'before.category_scores as before_categories'])
    .where('now.year', '=', year)
    .where('now.school_id', 'in', countedSchoolIds(db, scope, year))
    .where('before.school_id', 'in', countedSchoolIds(db, scope, year - 1))
    .execute();
  const result = rows.map((r) => ({
    schoolId: r.school_id,
    schoolName: r.name,
    total: r.total,
    change: Math.round((r.total - r.previous_total) * 100) / 100,
    categoryChanges: Object.fromEntries(
      categoryCodes.map((c) => [c, Math.round(((r.now_categories[c] ?? 0) - (r.before_categories[c] ?? 0)) * 100) / 100]),
    ) as Record<CategoryCode, number>,
  }));
  return { year, rows: result.sort((a, b) => b.change - a.change) };
}

/** Every year of one school: score, rank, stars; category scores against the district median; latest gaps. */
export async function schoolProfile(db: Kysely<Database>, actor: Actor, schoolId: number, year?: number) {
  const school = await db
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .select(['s.id', 'ou.name', 's.school_type', 's.staff_count'])
    .where('s.id', '=', schoolId)
    .where('s.id', 'in', schoolIdsInScope(db, actor))
    .executeTakeFirst();
  if (!school) throw schoolNotFound();
  const scope = await aggregateScopeActor(db, actor);
  const scores = await db
    .selectFrom('report_scores')
    .select(['school_id', 'year', 'total', 'stars', 'category_scores'])
    .where('school_id', 'in', schoolIdsInScope(db, scope))
    .where(openInRowYear('school_id', 'year'))
    .execute();
  const years = [...new Set(scores.map((s) => s.year))].sort((a, b) => a - b);
  const predecessors = await predecessorMap(db, [schoolId]);
  const scoresOf = (year: number) => scores.filter((s) => s.year === year).map((s) => ({ schoolId: s.school_id, score: s.total }));
  const history = years.map((year) => {
    const ofYear = scores.filter((s) => s.year === year);
    const own = ofYear.find((s) => s.school_id === schoolId);
    // League table: the rank change against last year (a merged school continues its predecessors' rank).
    const league = own ? leagueTable({ current: scoresOf(year), previous: scoresOf(year - 1), predecessors }).find((e) => e.schoolId === schoolId) : undefined;
    return {
      year,
      score: own?.total ?? null,
      stars: own?.stars ?? null,
      rank: own ? 1 + ofYear.filter((s) => s.total > own.total).length : null,
      of: ofYear.length,
      previousRank: league?.previousRank ?? null,
      rankChange: league?.change ?? null,
      movement: league?.movement ?? null,
      inheritedRank: league?.inherited ?? false,
      districtMedian: medianOf(ofYear.map((s) => s.total)),
    };
  });
  // Categories and gaps of the year asked for (a printed summary stays in its year), else of the latest scored year.
  const latest = [...history].reverse().find((h) => h.score !== null && (year === undefined || h.year === year));
  let categories: (ScoreCategory & { own: number | null; districtMedian: number | null })[] = [];
  let gaps: ReturnType<typeof findGaps> = [];
  let scoreKind: 'combined' | 'automatic' = 'automatic';
  if (latest) {
    const scoring = await yearScoring(db, latest.year);
    scoreKind = scoring.scoreKind;
    const ofYear = scores.filter((s) => s.year === latest.year);
    const own = ofYear.find((s) => s.school_id === schoolId)!;
    categories = scoring.categories.map(({ code, titleZh, maxPoints }) => ({
      code,
      titleZh,
      own: own.category_scores[code] ?? 0,
      districtMedian: medianOf(ofYear.map((s) => s.category_scores[code] ?? 0)),
      maxPoints,
    }));
    const report = await db
      .selectFrom('reports')
      .select(['id', 'narrative_achievements', 'narrative_shortcomings', 'narrative_plans'])
      .where('school_id', '=', schoolId)
      .where('year', '=', latest.year)
      // The scored report is approved, which every reader in scope may read; the rule still applies.
      .where('id', 'in', readableReportIds(db, actor))
      .executeTakeFirstOrThrow();
    const [values, honours, catalogue] = await Promise.all([
      db.selectFrom('report_values').select(['indicator_code', 'value']).where('report_id', '=', report.id).execute(),
      db.selectFrom('honours').select(['title', 'level', 'kind', 'recipient']).where('report_id', '=', report.id).orderBy('position').execute(),
      listYearIndicators(db, latest.year),
    ]);
    const valueMap = Object.fromEntries(values.map((v) => [v.indicator_code, v.value]));
    const figures = {
      values: valueMap,
      honours,
      narrative: { achievements: report.narrative_achievements, shortcomings: report.narrative_shortcomings, plans: report.narrative_plans },
      staffCount: valueMap.staff_total ?? school.staff_count,
    };
    // 查漏补缺: the figure-based items' advice (可得 +N 分) for any rubric — a rated (v2) year's through its
    // automatic part; then, for a rated year, the items its raters scored below the maximum (an item nobody
    // has scored yet, such as an on-site item before the inspection, is not a loss); and the 考评组's lines
    // (台帐未归档：-5) once the district has confirmed them, first when both name an item.
    const figureRubric = scoring.v1 ?? rubricV2AutomaticView(scoring.rubric);
    const figureGaps = figureRubric ? findGaps(figureRubric, figures, catalogue as Indicator[]) : [];
    let ratedGaps: typeof figureGaps = [];
    if (!scoring.v1) {
      const given = (await loadRatingInputs(db, [report.id])).get(report.id);
      const score = scoreRubricV2(scoring.rubric, { figures, ratings: given?.ratings ?? {}, ...(given?.review ? { review: given.review } : {}) });
      const rated = new Set(scoring.rubric.items.filter((item, i) => item.kind !== 'automatic' && score.raters.some((r) => r.items[i]?.rated)).map((item) => item.id));
      ratedGaps = rubricV2Gaps(scoring.rubric, score).filter((g) => rated.has(g.itemId));
    }
    const inspected = await inspectionGaps(db, actor, report.id, latest.year);
    const named = new Set(inspected.map((g) => g.itemId));
    gaps = [...inspected, ...figureGaps, ...ratedGaps.filter((g) => !named.has(g.itemId))].sort((a, b) => b.lost - a.lost);
  }
  return {
    schoolId: school.id,
    schoolName: school.name,
    schoolType: school.school_type,
    history,
    latestYear: latest?.year ?? null,
    /** What `score` is in the latest year: 综评分 of raters' columns or the figures-only total. */
    scoreKind,
    categories,
    gaps,
  };
}
