import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from '../src/auth/actor';
import { describeActor } from '../src/services/users';

/** The Actor a session for this (seeded) user would resolve to. */
export async function actorFor(db: Kysely<Database>, username: string): Promise<Actor> {
  const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  const me = await describeActor(db, user.id);
  return {
    userId: me.id,
    username: me.username,
    displayName: me.displayName,
    role: me.role,
    orgUnitId: me.orgUnitId,
    schoolId: me.schoolId,
    mustChangePassword: false,
  };
}
