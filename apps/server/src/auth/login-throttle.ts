import { sql, type Kysely } from 'kysely';
import type { Database } from '@union/db';

// Failures are counted in a sliding window; past the limit the account (or
// the address) waits until the oldest failure in the window ages out.
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

// Advisory-lock namespaces (first key of the two-int form), so an account and
// an address never share a lock.
const ACCOUNT_LOCK_SPACE = 0x4c4f4741; // "LOGA"
const ADDRESS_LOCK_SPACE = 0x4c4f4749; // "LOGI"

/** An allowed attempt holds a reserved failure row until the password proves right. */
export type ThrottleVerdict = { allowed: true; attemptId: number } | { allowed: false; retryAfterMinutes: number };

/**
 * Check-and-count in one step: unless the account or the address is at its
 * limit, records the attempt as a failure *before* the password is verified,
 * so parallel or batched guesses cannot all pass the check. The caller clears
 * the account's failures when the password is right (or releases the attempt).
 *
 * The transaction-scoped advisory locks serialise attempts on the same account
 * (and address) across connections and replicas; the count runs after the lock
 * is taken, so it sees every attempt committed before. On PGlite (one
 * connection) transactions run one after another anyway.
 */
export async function reserveLoginAttempt(db: Kysely<Database>, username: string, ip: string, now = new Date()): Promise<ThrottleVerdict> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  return db.transaction().execute(async (trx) => {
    // Always account first, then address: every transaction takes one of each in that order, so no deadlock.
    await sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK_SPACE}::int, hashtext(${username}))`.execute(trx);
    await sql`select pg_advisory_xact_lock(${ADDRESS_LOCK_SPACE}::int, hashtext(${ip}))`.execute(trx);
    const window = (column: 'username' | 'ip', value: string) =>
      trx
        .selectFrom('login_failures')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min('at').as('oldest')])
        .where(column, '=', value)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
    const byAccount = await window('username', username);
    const byIp = await window('ip', ip);
    const blocked = [
      Number(byAccount.n) >= MAX_FAILURES_PER_ACCOUNT ? byAccount.oldest : null,
      Number(byIp.n) >= MAX_FAILURES_PER_IP ? byIp.oldest : null,
    ].filter((d): d is Date => d instanceof Date);
    if (blocked.length > 0) {
      const until = Math.max(...blocked.map((d) => d.getTime() + THROTTLE_WINDOW_MS));
      return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) };
    }
    const reserved = await trx.insertInto('login_failures').values({ username, ip, at: now }).returning('id').executeTakeFirstOrThrow();
    return { allowed: true, attemptId: reserved.id };
  });
}

/** Gives back a reserved attempt that was not a wrong password (e.g. the right one for a disabled account). */
export async function releaseLoginAttempt(db: Kysely<Database>, attemptId: number): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', attemptId).execute();
}

/** A successful login clears the account's failures (not the address's), its own reservation included. */
export async function clearLoginFailures(db: Kysely<Database>, username: string): Promise<void> {
  await db.deleteFrom('login_failures').where('username', '=', username).execute();
}

/** The refusal for a throttled login, in both languages. */
export const tooManyLoginFailures = (minutes: number) => ({
  zh: `登录失败次数过多，请 ${minutes} 分钟后再试`,
  en: `Too many failed logins; try again in ${minutes} minutes`,
});
