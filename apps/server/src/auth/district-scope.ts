import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from './actor';

/**
 * The actor whose scope defines "the district" for aggregates. District staff
 * aggregate over their own scope; a chair's aggregates (median, own rank) are
 * over the whole district their school belongs to — figures, never rows.
 */
export async function aggregateScopeActor(db: Kysely<Database>, actor: Actor): Promise<Actor> {
  if (actor.role !== 'school_chair') return actor;
  const district = await db
    .withRecursive('up_units(id, parent_id, kind)', (qb) =>
      qb
        .selectFrom('org_units')
        .select(['org_units.id', 'org_units.parent_id', 'org_units.kind'])
        .where('org_units.id', '=', actor.schoolId ?? -1)
        .unionAll((u) =>
          u.selectFrom('org_units as p').innerJoin('up_units', 'up_units.parent_id', 'p.id').select(['p.id', 'p.parent_id', 'p.kind']),
        ),
    )
    .selectFrom('up_units')
    .select('id')
    .where('kind', '=', 'district')
    .executeTakeFirst();
  return { ...actor, role: 'district_viewer', schoolId: null, orgUnitId: district?.id ?? -1 };
}
