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

export interface ResolvedSession {
  actor: Actor;
  expiresAt: Date;
}

// Every request resolves its session; a chair's form autosaves every few
// seconds. A resolved session is reused for a few seconds instead of reading
// it again each time. Logging out, password changes, disabling and role
// changes forget it at once in this process (revokeSession and
// revokeUserSessions); another replica notices within SESSION_REUSE_MS.
// Keyed by token hash (random, so unique across databases too).
const SESSION_REUSE_MS = 5_000;
const MAX_REMEMBERED = 20_000;
const recentlyResolved = new Map<string, { at: number; session: ResolvedSession }>();

function remember(tokenHash: string, session: ResolvedSession, now: Date): void {
  recentlyResolved.delete(tokenHash);
  recentlyResolved.set(tokenHash, { at: now.getTime(), session });
  for (const oldest of recentlyResolved.keys()) {
    if (recentlyResolved.size <= MAX_REMEMBERED) break;
    recentlyResolved.delete(oldest);
  }
}

/** Forgets reused sessions of a user, so the next request reads them again. */
function forgetUser(userId: number): void {
  for (const [tokenHash, entry] of recentlyResolved) if (entry.session.actor.userId === userId) recentlyResolved.delete(tokenHash);
}

/**
 * The actor behind a session token, or null when the session is unknown,
 * expired, revoked, or its user is disabled. Slides the idle expiry.
 */
export async function resolveSession(db: Kysely<Database>, token: string, now = new Date()): Promise<ResolvedSession | null> {
  const tokenHash = hashToken(token);
  const cached = recentlyResolved.get(tokenHash);
  const age = cached ? now.getTime() - cached.at : -1;
  if (cached && age >= 0 && age < SESSION_REUSE_MS && cached.session.expiresAt > now) return cached.session;
  const session = await readSession(db, tokenHash, now);
  if (session) remember(tokenHash, session, now);
  else recentlyResolved.delete(tokenHash);
  return session;
}

async function readSession(db: Kysely<Database>, tokenHash: string, now: Date): Promise<ResolvedSession | null> {
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
  recentlyResolved.delete(hashToken(token));
  await db.updateTable('sessions').set({ revoked_at: now }).where('token_hash', '=', hashToken(token)).where('revoked_at', 'is', null).execute();
}

/** Ends every session of a user (password reset, disabling), optionally keeping the caller's own. */
export async function revokeUserSessions(db: Kysely<Database>, userId: number, exceptToken?: string, now = new Date()): Promise<void> {
  let query = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (exceptToken) query = query.where('token_hash', '!=', hashToken(exceptToken));
  // All of them, the kept one too: its user's role or must-change flag may have just changed.
  forgetUser(userId);
  await query.execute();
}
