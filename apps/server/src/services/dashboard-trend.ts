import { sql, type Kysely } from 'kysely';
import type { Database } from '@union/db';
import { groupsOfSet, isAmountIndicator, localize, scalesPerHundredStaff, type GroupFilter, type GroupSet, type IndicatorValueType } from '@union/domain';
import type { Actor } from '../auth/actor';
import { aggregateScopeActor } from '../auth/district-scope';
import { schoolIdsInScope } from '../auth/scope';
import { openInRowYear } from './open-schools';
import { assertMayGroupAggregates, groupNames, schoolIdsInGroup, stageKeySql } from './school-groups';

/**
 * The transitive predecessors of each chosen school ("X was merged into Y"):
 * successor id → predecessor ids. District staff only: a chair reads their
 * own school's reports, never another school's, even a predecessor's.
 */
async function predecessorsOf(db: Kysely<Database>, actor: Actor, schoolIds: number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>();
  if (actor.role === 'school_chair' || schoolIds.length === 0) return result;
  const rows = await db
    .withRecursive('lineage(successor, predecessor)', (qb) =>
      qb
        .selectFrom('school_merges')
        .select(['successor_id as successor', 'predecessor_id as predecessor'])
        .where('successor_id', 'in', schoolIds)
        .unionAll((u) => u.selectFrom('school_merges as m').innerJoin('lineage', 'lineage.predecessor', 'm.successor_id').select(['lineage.successor', 'm.predecessor_id as predecessor'])),
    )
    .selectFrom('lineage')
    .select(['successor', 'predecessor'])
    .execute();
  for (const r of rows) result.set(r.successor, [...(result.get(r.successor) ?? []), r.predecessor]);
  return result;
}

/**
 * One indicator over all years: the district median (per year, over the
 * schools open that year) and the chosen schools' lines. Chairs get the
 * median and their own school only.
 *
 * "Per 100 staff" applies only where the domain says it may
 * (`scalesPerHundredStaff`: counts and money, not percentages, scores or the
 * staff total); otherwise the raw figures are shown and `perHundredStaff` in
 * the answer is false.
 *
 * A merged school's line carries its predecessors: for amounts (counts,
 * money) a year's figure is the sum over the school and its predecessors
 * open that year, and per 100 staff is recomputed from the summed figures and
 * summed staff; percentages and scores cannot be combined from parts, so the
 * line shows the school's own figure only and the predecessors' years stay
 * empty. `inheritedYears` names the years that include predecessors.
 */
export async function indicatorTrend(
  db: Kysely<Database>,
  actor: Actor,
  code: string,
  perHundredStaffAsked: boolean,
  schoolIds: number[],
  groups: { group?: GroupFilter | undefined; by?: GroupSet | undefined } = {},
) {
  assertMayGroupAggregates(actor, groups);
  const scope = await aggregateScopeActor(db, actor);
  const allowed = actor.role === 'school_chair' ? schoolIds.filter((id) => id === actor.schoolId) : schoolIds;
  const indicator = await db.selectFrom('indicators').select(['code', 'value_type']).where('code', '=', code).executeTakeFirst();
  const valueType: IndicatorValueType = indicator?.value_type ?? 'integer';
  const perHundredStaff = perHundredStaffAsked && scalesPerHundredStaff({ code, valueType });
  const isAmount = isAmountIndicator({ valueType });

  // The figure per report: the value, or per 100 staff (the report's staff_total, else the school's).
  const base = db
    .selectFrom('report_values as v')
    .innerJoin('reports as r', 'r.id', 'v.report_id')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .leftJoin('report_values as st', (join) => join.onRef('st.report_id', '=', 'r.id').on('st.indicator_code', '=', 'staff_total'))
    .where('v.indicator_code', '=', code)
    .where('r.status', '=', 'approved')
    .where(openInRowYear('r.school_id', 'r.year'));
  const staff = sql<number>`coalesce(st.value, s.staff_count)`;
  const shown = perHundredStaff ? sql<number | null>`v.value * 100.0 / nullif(${staff}, 0)` : sql<number | null>`v.value`;
  const lineage = await predecessorsOf(db, actor, allowed);
  const read = [...new Set([...allowed, ...[...lineage.values()].flat()])];
  // The district's (or, filtered, one group's) schools: a group narrows who counts, never adds.
  const counted = groups.group ? base.where('r.school_id', 'in', schoolIdsInScope(db, scope)).where('r.school_id', 'in', schoolIdsInGroup(db, groups.group)) : base.where('r.school_id', 'in', schoolIdsInScope(db, scope));
  const medianSql = sql<number | null>`percentile_cont(0.5) within group (order by ${shown})`;
  const reportingSql = sql<number>`count(${shown})`;
  /** Medians per (year, group key): 学段 from the school type, 城乡 / 公办民办 columns, district groups by membership. */
  const groupMedianRows = (): Promise<GroupMedianRow[]> => {
    if (!groups.by) return Promise.resolve([]);
    if (groups.by === 'groups') {
      const key = sql<string>`coalesce(gm.group_id::text, 'none')`;
      return counted.leftJoin('school_group_members as gm', 'gm.school_id', 'r.school_id').select(['r.year', key.as('key'), medianSql.as('median'), reportingSql.as('reporting')]).groupBy(['r.year', key]).execute();
    }
    const key = groups.by === 'stage' ? stageKeySql('s.school_type') : groups.by === 'locality' ? sql<string>`coalesce(s.locality, 'none')` : sql<string>`s.ownership`;
    return counted.select(['r.year', key.as('key'), medianSql.as('median'), reportingSql.as('reporting')]).groupBy(['r.year', key]).execute();
  };
  // Medians in SQL: one row per year instead of every school's figure.
  const [medians, chosen, names, groupRows] = await Promise.all([
    counted
      .select(['r.year', medianSql.as('median'), sql<number>`count(${shown})`.as('reporting')])
      .groupBy('r.year')
      .orderBy('r.year')
      .execute(),
    read.length
      ? base.select(['r.year', 'r.school_id', 'v.value', staff.as('staff')]).where('r.school_id', 'in', read).where('r.school_id', 'in', schoolIdsInScope(db, actor)).execute()
      : Promise.resolve([]),
    allowed.length
      ? db.selectFrom('org_units').select(['id', 'name']).where('id', 'in', allowed).where('id', 'in', schoolIdsInScope(db, actor)).execute()
      : Promise.resolve([]),
    groupMedianRows(),
  ]);
  const years = medians.map((m) => m.year);
  const figure = new Map(chosen.map((c) => [`${c.school_id}/${c.year}`, { value: Number(c.value), staff: Number(c.staff) }]));
  const lineOf = (schoolId: number) => {
    const inheritedYears: number[] = [];
    const values = years.map((year) => {
      const own = figure.get(`${schoolId}/${year}`);
      const parts = isAmount ? (lineage.get(schoolId) ?? []).flatMap((p) => figure.get(`${p}/${year}`) ?? []) : [];
      if (parts.length) inheritedYears.push(year);
      const all = own ? [own, ...parts] : parts;
      if (!all.length) return null;
      const value = all.reduce((sum, f) => sum + f.value, 0);
      if (!perHundredStaff) return value;
      const staffSum = all.reduce((sum, f) => sum + f.staff, 0);
      return staffSum ? (value * 100) / staffSum : null;
    });
    return { values, inheritedYears };
  };
  return {
    code,
    perHundredStaff,
    years,
    median: medians.map((m) => (m.median === null ? null : Number(m.median))),
    /** How many schools' figures each year's median is over. */
    reportingSchools: medians.map((m) => Number(m.reporting)),
    schools: names.map((n) => ({ schoolId: n.id, schoolName: n.name, ...lineOf(n.id) })),
    /** Per-group median lines (group-by), parallel to `years`; groups without any figure are left out. */
    groups: groups.by ? await groupLines(db, scope, groups.by, years, groupRows) : [],
  };
}

type GroupMedianRow = { year: number; key: string | null; median: number | null; reporting: number };

async function groupLines(db: Kysely<Database>, scope: Actor, by: GroupSet, years: number[], rows: GroupMedianRow[]) {
  const names = by === 'groups' ? await groupNames(db, scope) : [];
  return groupsOfSet(by, names)
    .map(({ key, label }) => {
      const ofKey = (year: number) => rows.find((r) => r.key === key && r.year === year);
      return {
        key,
        label: localize(label),
        median: years.map((y) => {
          const m = ofKey(y)?.median;
          return m == null ? null : Number(m);
        }),
        reportingSchools: years.map((y) => Number(ofKey(y)?.reporting ?? 0)),
      };
    })
    .filter((line) => line.reportingSchools.some((n) => n > 0));
}
