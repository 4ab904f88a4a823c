import { sql, type Kysely } from 'kysely';
import type { Database } from '@union/db';
import { medianOf, per100Staff, scalesPerHundredStaff, yearOverYear, type YearOverYear } from '@union/domain';
import type { Actor } from '../auth/actor';
import { orgUnitIdsInScope } from '../auth/scope';
import { userError } from '../trpc/error-messages';
import { listYearIndicators } from './catalogue';
import { scoreBands } from './dashboard';

// The city's view: one row per district in the actor's scope. Counts follow the open-school rule
// (open_school_years, as open-schools.ts does); figures and scores are of approved reports only.

/** Indicators the district comparison shows unless the caller chooses others. */
export const districtComparisonCodes = ['sick_visits', 'hardship_aid_amount', 'holiday_visits', 'proposals_collected', 'culture_sports_events', 'health_checkup_participants'] as const;

export interface DistrictIndicatorFigure {
  total: number;
  median: number | null;
  reportingSchools: number;
  /** Σ value ÷ Σ staff of the reporting schools × 100; null for indicators per-100 does not apply to. */
  per100: number | null;
  previousTotal: number | null;
  previousPer100: number | null;
  /** Against last year: per 100 staff where it applies (not skewed by how many schools reported), else the total. */
  yoy: YearOverYear | null;
}

export interface DistrictComparisonRow {
  id: number;
  code: string;
  name: string;
  schoolCount: number;
  handedIn: number;
  approved: number;
  /** Handed in (submitted, cluster-approved or approved) ÷ open schools. */
  completionRate: number;
  previousCompletionRate: number | null;
  staffTotal: number;
  indicators: Record<string, DistrictIndicatorFigure>;
  scores: {
    scoredSchools: number;
    median: number | null;
    previousMedian: number | null;
    yoy: YearOverYear | null;
    distribution: { label: string; count: number }[];
    stars: { stars: number; count: number }[];
  };
}

export interface DistrictComparison {
  year: number;
  indicators: { code: string; perHundredStaff: boolean }[];
  districts: DistrictComparisonRow[];
}

/** Every school below each district in scope, with the district it belongs to (a CTE). */
function schoolsByDistrict(db: Kysely<Database>, actor: Actor) {
  const { down } = orgUnitIdsInScope(db, actor);
  return db.withRecursive('district_tree(id, district_id)', (qb) =>
    qb
      .selectFrom('org_units')
      .select(['org_units.id', 'org_units.id as district_id'])
      .where('org_units.kind', '=', 'district')
      .where('org_units.id', 'in', down)
      .unionAll((u) => u.selectFrom('org_units as child').innerJoin('district_tree', 'district_tree.id', 'child.parent_id').select(['child.id', 'district_tree.district_id'])),
  );
}

export async function districtComparison(db: Kysely<Database>, actor: Actor, year: number, chosen?: readonly string[]): Promise<DistrictComparison> {
  const codes = [...(chosen?.length ? chosen : districtComparisonCodes)];
  const catalogue = await listYearIndicators(db, year);
  const indicators = codes.map((code) => {
    const indicator = catalogue.find((i) => i.code === code);
    if (!indicator) throw userError('BAD_REQUEST', { zh: `该年度没有指标 ${code}`, en: `This year has no indicator ${code}` });
    return { code, perHundredStaff: scalesPerHundredStaff(indicator) };
  });
  const years = [year, year - 1];
  const { down } = orgUnitIdsInScope(db, actor);

  const [districts, statuses, figures, scores] = await Promise.all([
    db.selectFrom('org_units').select(['id', 'code', 'name']).where('kind', '=', 'district').where('id', 'in', down).orderBy('code').execute(),
    schoolsByDistrict(db, actor)
      .selectFrom('district_tree as t')
      .innerJoin('open_school_years as o', 'o.school_id', 't.id')
      .leftJoin('reports as r', (join) => join.onRef('r.school_id', '=', 't.id').onRef('r.year', '=', 'o.year'))
      .select((eb) => ['t.district_id', 'o.year', 'r.status', eb.fn.countAll<number>().as('n')])
      .where('o.year', 'in', years)
      .groupBy(['t.district_id', 'o.year', 'r.status'])
      .execute(),
    schoolsByDistrict(db, actor)
      .selectFrom('district_tree as t')
      .innerJoin('approved_figures as f', 'f.school_id', 't.id')
      .innerJoin('open_school_years as o', (join) => join.onRef('o.school_id', '=', 'f.school_id').onRef('o.year', '=', 'f.year'))
      .select((eb) => [
        't.district_id',
        'f.year',
        'f.indicator_code',
        eb.fn.sum<number>('f.value').as('total'),
        sql<number>`percentile_cont(0.5) within group (order by ${eb.ref('f.value')})`.as('median'),
        eb.fn.count<number>('f.value').as('reporting'),
        // Staff of the schools that reported this indicator: the per-100 denominator.
        sql<number>`sum((select s.value from approved_figures s where s.indicator_code = 'staff_total' and s.year = f.year and s.school_id = f.school_id))`.as('staff'),
      ])
      .where('f.year', 'in', years)
      .where('f.indicator_code', 'in', [...new Set([...codes, 'staff_total'])])
      .groupBy(['t.district_id', 'f.year', 'f.indicator_code'])
      .execute(),
    schoolsByDistrict(db, actor)
      .selectFrom('district_tree as t')
      .innerJoin('report_scores as sc', 'sc.school_id', 't.id')
      .innerJoin('open_school_years as o', (join) => join.onRef('o.school_id', '=', 'sc.school_id').onRef('o.year', '=', 'sc.year'))
      .select(['t.district_id', 'sc.year', 'sc.total', 'sc.stars'])
      .where('sc.year', 'in', years)
      .execute(),
  ]);

  const bands = scoreBands();
  const rows = districts.map((d): DistrictComparisonRow => {
    const completion = (y: number) => {
      const ofYear = statuses.filter((s) => s.district_id === d.id && s.year === y);
      const count = (which: readonly (string | null)[]) => ofYear.filter((s) => which.includes(s.status)).reduce((sum, s) => sum + Number(s.n), 0);
      const schoolCount = ofYear.reduce((sum, s) => sum + Number(s.n), 0);
      const handedIn = count(['submitted', 'cluster_approved', 'approved']);
      return { schoolCount, handedIn, approved: count(['approved']), rate: schoolCount ? handedIn / schoolCount : null };
    };
    const now = completion(year);
    const before = completion(year - 1);
    const figure = (code: string, y: number) => figures.find((f) => f.district_id === d.id && f.year === y && f.indicator_code === code);
    const scoreList = (y: number) => scores.filter((s) => s.district_id === d.id && s.year === y);
    const current = scoreList(year);
    const median = medianOf(current.map((s) => s.total));
    const previousMedian = medianOf(scoreList(year - 1).map((s) => s.total));
    return {
      id: d.id,
      code: d.code,
      name: d.name,
      schoolCount: now.schoolCount,
      handedIn: now.handedIn,
      approved: now.approved,
      completionRate: now.rate ?? 0,
      previousCompletionRate: before.rate,
      staffTotal: Number(figure('staff_total', year)?.total ?? 0),
      indicators: Object.fromEntries(
        indicators.map(({ code, perHundredStaff }) => {
          const cur = figure(code, year);
          const prev = figure(code, year - 1);
          const per100 = perHundredStaff && cur ? per100Staff(Number(cur.total), Number(cur.staff)) : null;
          const previousPer100 = perHundredStaff && prev ? per100Staff(Number(prev.total), Number(prev.staff)) : null;
          const total = Number(cur?.total ?? 0);
          const previousTotal = prev ? Number(prev.total) : null;
          return [
            code,
            {
              total,
              median: cur ? Number(cur.median) : null,
              reportingSchools: Number(cur?.reporting ?? 0),
              per100,
              previousTotal,
              previousPer100,
              yoy: perHundredStaff ? yearOverYear(per100, previousPer100) : yearOverYear(cur ? total : null, previousTotal),
            },
          ];
        }),
      ),
      scores: {
        scoredSchools: current.length,
        median,
        previousMedian,
        yoy: yearOverYear(median, previousMedian),
        distribution: bands.map((b) => ({ label: b.label, count: current.filter((s) => s.total >= b.min && s.total < b.max).length })),
        stars: [5, 4, 3, 2, 1].map((stars) => ({ stars, count: current.filter((s) => s.stars === stars).length })),
      },
    };
  });
  return { year, indicators, districts: rows };
}
