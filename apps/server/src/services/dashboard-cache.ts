import type { Kysely } from 'kysely';
import type { Database } from '@union/db';

// Dashboard answers for thousands of schools change only when an approval,
// a reopening, a school or the catalogue changes. The database keeps a
// counter that moves on each such change (migration 0006); an answer is
// reused while the counter stands still, so every replica serves fresh data
// and computes each answer once per change. Authorisation is checked before
// the cache on every call; the key includes the caller's scope.
const MAX_ANSWERS = 64;
const answersByDb = new WeakMap<Kysely<Database>, Map<string, { version: number; answer: Promise<unknown> }>>();

export async function dashboardDataVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('data_versions').select('version').where('name', '=', 'dashboards').executeTakeFirst();
  return row?.version ?? 0;
}

/** The answer for `key` at the current data version: reused, or computed (and kept) once. */
export async function cachedAtDataVersion<T>(db: Kysely<Database>, key: string, compute: () => Promise<T>): Promise<T> {
  const version = await dashboardDataVersion(db);
  let answers = answersByDb.get(db);
  if (!answers) answersByDb.set(db, (answers = new Map()));
  const hit = answers.get(key);
  if (hit && hit.version === version) return hit.answer as Promise<T>;
  const answer = compute();
  const entries = answers;
  entries.delete(key);
  entries.set(key, { version, answer });
  answer.catch(() => entries.delete(key));
  // Oldest first (Map keeps insertion order): drop beyond the limit.
  for (const oldest of entries.keys()) {
    if (entries.size <= MAX_ANSWERS) break;
    entries.delete(oldest);
  }
  return answer;
}
