import { sql, type Kysely } from 'kysely';

/**
 * Rubric model v2 (packages/domain/src/rubric/v2): items an inspector scores,
 * several raters, a 复核 of the stars. Existing rubric rows stay as written —
 * they are v1 definitions, which the domain reads as v2 with unchanged
 * scores — and are marked as such; a v2 definition carries `schemaVersion: 2`
 * in its JSON as well, so the column and the document agree.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table rubrics add column schema_version smallint not null default 1 check (schema_version in (1, 2))`.execute(db);

  // One rater's column of one report: the inputs by item id (points given,
  // occurrences, tiers reached, vetoes), as the domain's ratingsSchema reads them.
  await sql`
    create table rubric_ratings (
      report_id integer not null references reports(id) on delete cascade,
      rater_id text not null check (rater_id ~ '^[a-z0-9_-]{1,40}$'),
      ratings jsonb not null default '{}',
      updated_at timestamptz not null default now(),
      updated_by integer references users(id) on delete set null,
      primary key (report_id, rater_id)
    )`.execute(db);

  // The 复核 by the level above: the stars it confirms for a report.
  await sql`
    create table rubric_star_reviews (
      report_id integer primary key references reports(id) on delete cascade,
      stars smallint not null check (stars between 0 and 5),
      note text not null default '',
      reviewed_at timestamptz not null default now(),
      reviewed_by integer references users(id) on delete set null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table rubric_star_reviews`.execute(db);
  await sql`drop table rubric_ratings`.execute(db);
  await sql`alter table rubrics drop column schema_version`.execute(db);
}
