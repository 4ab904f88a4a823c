import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import {
  groupKeysOf,
  groupsOfSet,
  leagueTable,
  sizeBandOf,
  summariseGroups,
  type GroupFilter,
  type GroupSet,
  type Indicator,
  type LeagueEntry,
  type Locality,
  type Ownership,
  type SchoolType,
  type SizeBand,
} from '@union/domain';
import type { Actor } from '../auth/actor';
import { countedSchoolIds } from './open-schools';
import { predecessorMap } from './league';
import { groupNames, schoolIdsInGroup } from './school-groups';

/*
 * The comparison's league table and group-by rows. Both work on schools that
 * already passed the one counting rule (countedSchoolIds), the scope and the
 * filters; last year's ranks are over last year's counted schools under the
 * same filters, so a school that has closed since still held its place.
 */

export interface ComparedSchool {
  id: number;
  schoolType: SchoolType;
  locality: Locality | null;
  ownership: Ownership;
  groupIds: number[] | null;
  staff: number;
  score: number | null;
  figures: Readonly<Record<string, number>> | null;
}

export interface PopulationFilter {
  year: number;
  clusterId?: number | undefined;
  schoolType?: SchoolType | undefined;
  sizeBand?: SizeBand | undefined;
  group?: GroupFilter | undefined;
}

export async function comparisonLeague(
  db: Kysely<Database>,
  scope: Actor,
  filter: PopulationFilter,
  current: readonly ComparedSchool[],
  previousFigures: ReadonlyMap<number, Record<string, number>>,
): Promise<LeagueEntry[]> {
  const previousYear = filter.year - 1;
  let query = db
    .selectFrom('report_scores as sc')
    .innerJoin('schools as s', 's.id', 'sc.school_id')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .select(['sc.school_id', 'sc.total', 's.staff_count'])
    .where('sc.year', '=', previousYear)
    .where('sc.school_id', 'in', countedSchoolIds(db, scope, previousYear));
  if (filter.clusterId) query = query.where('ou.parent_id', '=', filter.clusterId);
  if (filter.schoolType) query = query.where('s.school_type', '=', filter.schoolType);
  if (filter.group) query = query.where('s.id', 'in', schoolIdsInGroup(db, filter.group));
  const [previous, predecessors] = await Promise.all([query.execute(), predecessorMap(db, current.map((s) => s.id))]);
  return leagueTable({
    current: current.map((s) => ({ schoolId: s.id, score: s.score })),
    previous: previous
      .filter((p) => !filter.sizeBand || sizeBandOf(previousFigures.get(p.school_id)?.staff_total ?? p.staff_count) === filter.sizeBand)
      .map((p) => ({ schoolId: p.school_id, score: p.total })),
    predecessors,
  });
}

export async function comparisonGroups(db: Kysely<Database>, scope: Actor, by: GroupSet, schools: readonly ComparedSchool[], indicators: readonly Indicator[]) {
  const names = by === 'groups' ? await groupNames(db, scope) : [];
  return summariseGroups(
    groupsOfSet(by, names),
    schools.map((s) => ({
      groupKeys: groupKeysOf({ schoolType: s.schoolType, locality: s.locality, ownership: s.ownership, groupIds: s.groupIds ?? [] }, by),
      staff: s.staff,
      score: s.score,
      figures: s.figures,
    })),
    indicators,
  );
}
