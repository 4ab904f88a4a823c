import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import type { Role } from '@union/domain';
import type { Actor } from '../auth/actor';
import { orgUnitIdsInScope } from '../auth/scope';
import { userError } from '../trpc/error-messages';

/** What the web app knows about the logged-in user. Never includes the password hash. */
export interface Me {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number;
  orgUnitName: string;
  schoolId: number | null;
  mustChangePassword: boolean;
}

export async function describeActor(db: Kysely<Database>, userId: number): Promise<Me> {
  const row = await db
    .selectFrom('users as u')
    .innerJoin('org_units as ou', 'ou.id', 'u.org_unit_id')
    .select(['u.id', 'u.username', 'u.display_name', 'u.role', 'u.org_unit_id', 'ou.name as org_unit_name', 'ou.kind', 'u.must_change_password'])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    orgUnitId: row.org_unit_id,
    orgUnitName: row.org_unit_name,
    schoolId: row.role === 'school_chair' && row.kind === 'school' ? row.org_unit_id : null,
    mustChangePassword: row.must_change_password,
  };
}

export interface UserListItem {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  orgUnitId: number;
  orgUnitName: string;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
}

/** Users whose org unit is within the admin's subtree. */
export async function listUsers(db: Kysely<Database>, actor: Actor): Promise<UserListItem[]> {
  const { down } = orgUnitIdsInScope(db, actor);
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('org_units as ou', 'ou.id', 'u.org_unit_id')
    .select((eb) => [
      'u.id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_unit_id',
      'ou.name as org_unit_name',
      'u.disabled_at',
      'u.must_change_password',
      'u.created_at',
      eb.selectFrom('sessions as s').select((e) => e.fn.max('s.created_at').as('m')).whereRef('s.user_id', '=', 'u.id').as('last_login_at'),
    ])
    .where('u.org_unit_id', 'in', down)
    .orderBy('u.role')
    .orderBy('u.username')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    orgUnitId: r.org_unit_id,
    orgUnitName: r.org_unit_name,
    disabled: r.disabled_at !== null,
    mustChangePassword: r.must_change_password,
    createdAt: r.created_at,
    lastLoginAt: (r.last_login_at as Date | null) ?? null,
  }));
}

/**
 * Checks that the org unit fits the role (a chair belongs to a school, district
 * staff to the district) and lies within the admin's scope.
 */
export async function assertOrgUnitFitsRole(trx: Transaction<Database>, actor: Actor, role: Role, orgUnitId: number): Promise<void> {
  const { down } = orgUnitIdsInScope(trx, actor);
  const unit = await trx.selectFrom('org_units').select('kind').where('id', '=', orgUnitId).where('id', 'in', down).executeTakeFirst();
  // City accounts only on a city unit (which a district admin cannot reach), district accounts on a
  // district: a district role on the city unit would review every district's schools.
  const kindFor: Record<Role, string> = { school_chair: 'school', cluster_reviewer: 'cluster', district_admin: 'district', district_viewer: 'district', city_admin: 'city', city_viewer: 'city', inspector: 'district' };
  const fits = unit && unit.kind === kindFor[role];
  if (!fits) {
    throw userError(
      'BAD_REQUEST',
      role === 'school_chair'
        ? { zh: '所属单位无效：学校工会主席必须属于一所学校', en: 'Invalid unit: a school union chair belongs to a school' }
        : role === 'cluster_reviewer'
          ? { zh: '所属单位无效：片区审核员必须属于一个片区（学区）', en: 'Invalid unit: a cluster reviewer belongs to a cluster' }
          : role === 'city_admin' || role === 'city_viewer'
            ? { zh: '所属单位无效：市教育工会账号必须属于市教育工会', en: 'Invalid unit: a city account belongs to the city union' }
            : { zh: '所属单位无效：区工会账号必须属于区教育工会', en: 'Invalid unit: a district account belongs to the district union' },
    );
  }
}

/** A user in the admin's scope, or NOT_FOUND (also for users outside it). */
export async function findUserInScope(trx: Kysely<Database>, actor: Actor, userId: number) {
  const { down } = orgUnitIdsInScope(trx, actor);
  const user = await trx
    .selectFrom('users')
    .select(['id', 'username', 'role', 'org_unit_id', 'display_name', 'disabled_at'])
    .where('id', '=', userId)
    .where('org_unit_id', 'in', down)
    .executeTakeFirst();
  if (!user) throw userError('NOT_FOUND', { zh: '找不到该用户', en: 'User not found' });
  return user;
}
