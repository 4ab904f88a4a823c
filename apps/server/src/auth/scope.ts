import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from './actor';

/**
 * The ids of the schools an actor may see, as a subquery to put *inside* the
 * data query (`where school_id in (…)`), so out-of-scope rows are never fetched.
 * Chairs: their own school. Inspectors: the schools assigned to their teams. District staff and cluster reviewers: every school below their org unit.
 */
export function schoolIdsInScope(db: Kysely<Database>, actor: Actor) {
  if (actor.role === 'school_chair') {
    return db.selectFrom('schools').select('schools.id').where('schools.id', '=', actor.schoolId ?? -1);
  }
  if (actor.role === 'inspector') {
    // The schools assigned to the inspector's 考评组 (any year; reports are narrowed to the team's year in readableReportIds).
    return db
      .selectFrom('inspection_assignments as scope_a')
      .innerJoin('inspection_team_members as scope_m', 'scope_m.team_id', 'scope_a.team_id')
      .select('scope_a.school_id as id')
      .where('scope_m.user_id', '=', actor.userId);
  }
  return db
    .withRecursive('scope_units(id)', (qb) =>
      qb
        .selectFrom('org_units')
        .select('org_units.id')
        .where('org_units.id', '=', actor.orgUnitId)
        .unionAll((u) => u.selectFrom('org_units as child').innerJoin('scope_units', 'scope_units.id', 'child.parent_id').select('child.id')),
    )
    .selectFrom('scope_units')
    .select('scope_units.id');
}

/** Org units an actor may see in the tree: their subtree plus its ancestors (for context). */
export function orgUnitIdsInScope(db: Kysely<Database>, actor: Actor) {
  // An inspector's tree is not their district's: only the schools assigned to them are theirs to read.
  const start = actor.role === 'school_chair' ? (actor.schoolId ?? -1) : actor.role === 'inspector' ? -1 : actor.orgUnitId;
  const down = db
    .withRecursive('down_units(id)', (qb) =>
      qb
        .selectFrom('org_units')
        .select('org_units.id')
        .where('org_units.id', '=', start)
        .unionAll((u) => u.selectFrom('org_units as child').innerJoin('down_units', 'down_units.id', 'child.parent_id').select('child.id')),
    )
    .selectFrom('down_units')
    .select('down_units.id');
  const up = db
    .withRecursive('up_units(id, parent_id)', (qb) =>
      qb
        .selectFrom('org_units')
        .select(['org_units.id', 'org_units.parent_id'])
        .where('org_units.id', '=', start)
        .unionAll((u) =>
          u.selectFrom('org_units as parent').innerJoin('up_units', 'up_units.parent_id', 'parent.id').select(['parent.id', 'parent.parent_id']),
        ),
    )
    .selectFrom('up_units')
    .select('up_units.id');
  return { down, up };
}
