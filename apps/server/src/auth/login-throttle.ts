import type { Kysely } from 'kysely';
import type { Database } from '@union/db';

// Failures are counted in a sliding window; past the limit the account (or
// the address) waits until the oldest failure in the window ages out.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

export async function checkLoginThrottle(db: Kysely<Database>, username: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [byAccount, byIp] = await Promise.all([
    db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where('username', '=', username)
      .where('at', '>', since)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('login_failures')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
      .where('ip', '=', ip)
      .where('at', '>', since)
      .executeTakeFirstOrThrow(),
  ]);
  const blocked = [
    Number(byAccount.n) >= MAX_FAILURES_PER_ACCOUNT ? byAccount.oldest : null,
    Number(byIp.n) >= MAX_FAILURES_PER_IP ? byIp.oldest : null,
  ].filter((d): d is Date => d instanceof Date);
  if (blocked.length === 0) return { allowed: true };
  const until = Math.max(...blocked.map((d) => d.getTime() + THROTTLE_WINDOW_MS));
  return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) };
}

export async function recordLoginFailure(db: Kysely<Database>, username: string, ip: string, now = new Date()): Promise<void> {
  await db.insertInto('login_failures').values({ username, ip, at: now }).execute();
}

/** A successful login clears the account's failures (not the address's). */
export async function clearLoginFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', username).execute();
}
