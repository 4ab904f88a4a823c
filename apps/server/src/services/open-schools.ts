import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from '../auth/actor';
import { schoolIdsInScope } from '../auth/scope';

/*
 * THE counting rule on the server: a school counts in a year's figures iff it
 * was open that year (the view `open_school_years`, migration 0007; the
 * domain's `isOpenIn`). Every figure — counts, totals, medians, ranks, scored
 * schools, completeness denominators, reminders, trends, progress, exports —
 * filters through one of these two helpers, so every dashboard counts the same
 * schools. Deactivating a school closes it (school-admin.ts); the `active`
 * flag itself is never used for figures.
 */

/** Ids of every school open in `year`, as a subquery (system jobs without an actor: schedules, digests). */
export function openSchoolIdsIn(db: Kysely<Database> | Transaction<Database>, year: number) {
  return db.selectFrom('open_school_years').select('open_school_years.school_id').where('open_school_years.year', '=', year);
}

/** Ids of the schools in the actor's scope that were open in `year`, as a subquery. */
export function countedSchoolIds(db: Kysely<Database>, scope: Actor, year: number) {
  return db
    .selectFrom('open_school_years')
    .select('open_school_years.school_id')
    .where('open_school_years.year', '=', year)
    .where('open_school_years.school_id', 'in', schoolIdsInScope(db, scope));
}

/** For queries over several years: the row's school was open in the row's year. */
export function openInRowYear(schoolColumn: string, yearColumn: string) {
  return sql<boolean>`exists (select 1 from open_school_years o where o.school_id = ${sql.ref(schoolColumn)} and o.year = ${sql.ref(yearColumn)})`;
}

/** Whether one school was open in one year. */
export async function isSchoolOpenIn(db: Kysely<Database>, schoolId: number, year: number): Promise<boolean> {
  const row = await db.selectFrom('open_school_years').select('school_id').where('school_id', '=', schoolId).where('year', '=', year).executeTakeFirst();
  return row !== undefined;
}
