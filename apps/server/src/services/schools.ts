import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from '../auth/actor';
import { orgUnitIdsInScope, schoolIdsInScope } from '../auth/scope';
import { openSchoolIdsIn } from './open-schools';
import { escapeLike } from './sql-text';
import { buildOrgTree, type Locality, type OrgTreeNode, type Ownership, type ReportProgress, type SchoolType } from '@union/domain';

export interface SchoolListFilter {
  year: number | undefined;
  search: string | undefined;
  clusterId: number | undefined;
  schoolType: SchoolType | undefined;
  /** Admins managing schools also need the closed ones; otherwise only schools open in the year. */
  includeInactive?: boolean;
}

export interface SchoolListItem {
  id: number;
  code: string;
  name: string;
  schoolType: SchoolType;
  staffCount: number;
  memberCount: number;
  clusterId: number | null;
  clusterName: string | null;
  /** The org unit the school sits under: its cluster, or the district. */
  parentId: number | null;
  /** Not closed (no closing year). */
  active: boolean;
  openedYear: number;
  closedYear: number | null;
  /** School groups: 城区/乡镇/农村 (null = not recorded), 公办/民办. */
  locality: Locality | null;
  ownership: Ownership;
  /** When the school was merged into another: which and from what year. */
  mergedInto: { schoolId: number; schoolName: string; year: number } | null;
  /** Status of the report for the requested year (the latest open year by default). */
  reportStatus: ReportProgress;
  reportUpdatedAt: Date | null;
}

/** The latest open reporting year, or the latest year at all when none is open. */
export async function currentReportingYear(db: Kysely<Database>): Promise<number | null> {
  const row = await db
    .selectFrom('reporting_years')
    .select('year')
    .orderBy('is_open', 'desc')
    .orderBy('year', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.year ?? null;
}

export async function listSchools(db: Kysely<Database>, actor: Actor, filter: SchoolListFilter): Promise<{ year: number | null; schools: SchoolListItem[] }> {
  const year = filter.year ?? (await currentReportingYear(db));
  let query = db
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .leftJoin('org_units as parent', 'parent.id', 'ou.parent_id')
    .leftJoin('reports as r', (join) => join.onRef('r.school_id', '=', 's.id').on('r.year', '=', year ?? -1))
    .leftJoin('school_merges as m', 'm.predecessor_id', 's.id')
    .leftJoin('org_units as successor', 'successor.id', 'm.successor_id')
    .select([
      's.id',
      's.opened_year',
      's.closed_year',
      'm.successor_id',
      'm.year as merge_year',
      'successor.name as successor_name',
      'ou.code',
      'ou.name',
      's.school_type',
      's.staff_count',
      's.member_count',
      's.active',
      's.locality',
      's.ownership',
      'parent.id as parent_id',
      'parent.kind as parent_kind',
      'parent.name as parent_name',
      'r.status',
      'r.updated_at',
    ])
    .where('s.id', 'in', schoolIdsInScope(db, actor));
  // The one counting rule: a year's list holds the schools open that year (without a year: the ones not closed).
  if (!filter.includeInactive) query = year === null ? query.where('s.active', '=', true) : query.where('s.id', 'in', openSchoolIdsIn(db, year));
  if (filter.search) query = query.where('ou.name', 'ilike', `%${escapeLike(filter.search)}%`);
  if (filter.clusterId !== undefined) query = query.where('ou.parent_id', '=', filter.clusterId);
  if (filter.schoolType) query = query.where('s.school_type', '=', filter.schoolType);
  const rows = await query.orderBy('ou.code').execute();
  return {
    year,
    schools: rows.map((r) => {
      const inCluster = r.parent_kind === 'cluster';
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        schoolType: r.school_type,
        staffCount: r.staff_count,
        memberCount: r.member_count,
        clusterId: inCluster ? r.parent_id : null,
        clusterName: inCluster ? r.parent_name : null,
        parentId: r.parent_id,
        active: r.active,
        openedYear: r.opened_year,
        closedYear: r.closed_year,
        locality: r.locality,
        ownership: r.ownership,
        mergedInto: r.successor_id !== null && r.merge_year !== null ? { schoolId: r.successor_id, schoolName: r.successor_name ?? '', year: r.merge_year } : null,
        reportStatus: r.status ?? 'not_started',
        reportUpdatedAt: r.updated_at,
      };
    }),
  };
}

export interface SchoolDetail {
  id: number;
  code: string;
  name: string;
  schoolType: SchoolType;
  staffCount: number;
  memberCount: number;
  clusterName: string | null;
  districtName: string | null;
  openedYear: number;
  closedYear: number | null;
  /** Every reporting year with this school's report status, newest first. */
  years: { year: number; deadline: string; isOpen: boolean; status: ReportProgress }[];
}

/** A school within the actor's scope; null when it does not exist or is out of scope (indistinguishable on purpose). */
export async function getSchool(db: Kysely<Database>, actor: Actor, id: number): Promise<SchoolDetail | null> {
  const school = await db
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .select(['s.id', 'ou.code', 'ou.name', 'ou.parent_id', 's.school_type', 's.staff_count', 's.member_count', 's.opened_year', 's.closed_year'])
    .where('s.id', '=', id)
    .where('s.id', 'in', schoolIdsInScope(db, actor))
    .executeTakeFirst();
  if (!school) return null;

  const ancestors = await db
    .withRecursive('up', (qb) =>
      qb
        .selectFrom('org_units')
        .select(['id', 'parent_id', 'kind', 'name'])
        .where('id', '=', school.parent_id ?? -1)
        .unionAll((u) =>
          u.selectFrom('org_units as o').innerJoin('up', 'up.parent_id', 'o.id').select(['o.id', 'o.parent_id', 'o.kind', 'o.name']),
        ),
    )
    .selectFrom('up')
    .select(['kind', 'name'])
    .execute();

  const years = await db
    .selectFrom('reporting_years as y')
    .leftJoin('reports as r', (join) => join.onRef('r.year', '=', 'y.year').on('r.school_id', '=', id))
    .select(['y.year', 'y.deadline', 'y.is_open', 'r.status'])
    // Only the years the school was open: a closed school's chair still reads its history, and is asked for nothing after.
    .where('y.year', 'in', (eb) => eb.selectFrom('open_school_years').select('year').where('school_id', '=', id))
    .orderBy('y.year', 'desc')
    .execute();

  return {
    id: school.id,
    code: school.code,
    name: school.name,
    schoolType: school.school_type,
    staffCount: school.staff_count,
    memberCount: school.member_count,
    clusterName: ancestors.find((a) => a.kind === 'cluster')?.name ?? null,
    districtName: ancestors.find((a) => a.kind === 'district')?.name ?? null,
    openedYear: school.opened_year,
    closedYear: school.closed_year,
    years: years.map((y) => ({ year: y.year, deadline: y.deadline, isOpen: y.is_open, status: y.status ?? 'not_started' })),
  };
}

/** The part of the org tree an actor may see: their subtree and its ancestors. */
export async function getOrgTree(db: Kysely<Database>, actor: Actor): Promise<OrgTreeNode[]> {
  const { down, up } = orgUnitIdsInScope(db, actor);
  const units = await db
    .selectFrom('org_units')
    .select(['id', 'parent_id', 'kind', 'code', 'name'])
    .where((eb) => eb.or([eb('id', 'in', down), eb('id', 'in', up)]))
    .execute();
  return buildOrgTree(units.map((u) => ({ id: u.id, parentId: u.parent_id, kind: u.kind, code: u.code, name: u.name })));
}
