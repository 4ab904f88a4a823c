import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from './actor';

/** A session ends after this much inactivity… */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;
/** …and after this long whatever the activity, so a stolen cookie does not live forever. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Sliding the expiry writes to the database; doing it at most this often keeps reads cheap. */
const SLIDE_EVERY_MS = 5 * 60 * 1000;

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Kysely<Database>,
  userId: number,
  meta: { ip: string; userAgent: string },
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_MS);
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent.slice(0, 300),
    })
    .execute();
  return { token, expiresAt };
}

/**
 * The actor behind a session token, or null when the session is unknown,
 * expired, revoked, or its user is disabled. Slides the idle expiry.
 */
export async function resolveSession(db: Kysely<Database>, token: string, now = new Date()): Promise<{ actor: Actor; expiresAt: Date } | null> {
  const tokenHash = hashToken(token);
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('schools as sc', 'sc.id', 'u.org_unit_id')
    .select([
      's.created_at',
      's.last_seen_at',
      's.expires_at',
      'u.id as user_id',
      'u.username',
      'u.display_name',
      'u.role',
      'u.org_unit_id',
      'u.must_change_password',
      'sc.id as school_id',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;
  if (now.getTime() - row.created_at.getTime() > SESSION_ABSOLUTE_MS) return null;

  let expiresAt = row.expires_at;
  if (now.getTime() - row.last_seen_at.getTime() > SLIDE_EVERY_MS) {
    expiresAt = new Date(Math.min(now.getTime() + SESSION_IDLE_MS, row.created_at.getTime() + SESSION_ABSOLUTE_MS));
    await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
  }
  return {
    actor: {
      userId: row.user_id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      orgUnitId: row.org_unit_id,
      schoolId: row.role === 'school_chair' ? row.school_id : null,
      mustChangePassword: row.must_change_password,
    },
    expiresAt,
  };
}

export async function revokeSession(db: Kysely<Database>, token: string, now = new Date()): Promise<void> {
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null).execute();
}

/** Ends every session of a user (password reset, disabling), optionally keeping the caller's own. */
export async function revokeUserSessions(db: Kysely<Database>, userId: number, exceptToken?: string, now = new Date()): Promise<void> {
  let query = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptToken) query = query.where('token_hash', '!=', hashToken(exceptToken));
  await query.execute();
}
