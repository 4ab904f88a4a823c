import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from './actor';
import { orgUnitIdsInScope } from './scope';
import { userError } from '../trpc/error-messages';

/**
 * Whether a city union sits above the actor's org unit. Years, the catalogue and the rubric are
 * common to every district (one per year), so once a city exists the city admin sets the rubric
 * and its districts use it.
 */
export async function hasCityAbove(db: Kysely<Database>, actor: Actor): Promise<boolean> {
  const { up } = orgUnitIdsInScope(db, actor);
  const row = await db.selectFrom('org_units').select('id').where('kind', '=', 'city').where('id', 'in', up).where('id', '<>', actor.orgUnitId).executeTakeFirst();
  return row !== undefined;
}

export const districtNotFound = () => userError('NOT_FOUND', { zh: '找不到该区教育工会', en: 'District not found' });

/**
 * The actor narrowed to one district for a drill-down (`districtId` on the district dashboards):
 * the district must be in the actor's subtree, checked in SQL; anything else answers NOT_FOUND,
 * like a district that does not exist. Chairs never drill (their aggregates are their district's).
 */
export async function drillDownActor(db: Kysely<Database>, actor: Actor, districtId: number | undefined): Promise<Actor> {
  if (districtId === undefined) return actor;
  if (actor.role === 'school_chair') throw districtNotFound();
  const { down } = orgUnitIdsInScope(db, actor);
  const unit = await db.selectFrom('org_units').select('id').where('id', '=', districtId).where('kind', '=', 'district').where('id', 'in', down).executeTakeFirst();
  if (!unit) throw districtNotFound();
  // The role stays: city staff drilling into a district keep their read-only rules.
  return { ...actor, orgUnitId: unit.id };
}
