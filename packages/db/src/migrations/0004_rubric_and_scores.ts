import { sql, type Kysely } from 'kysely';

// Frozen: see 0001. Scoring rubric per year, self/acceptance scores, and the
// automatic scores kept per approved report so dashboards read them in SQL.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A year without a row uses the default rubric shipped in the domain package.
  await sql`
    create table rubrics (
      year integer primary key references reporting_years(year) on delete cascade,
      definition jsonb not null,
      updated_at timestamptz not null default now(),
      updated_by integer references users(id) on delete set null
    )`.execute(db);

  // Like the paper 考核表: the school's self-score and the district's acceptance score, each with a note.
  await sql`
    create table report_assessments (
      report_id integer primary key references reports(id) on delete cascade,
      self_score numeric,
      self_note text not null default '',
      acceptance_score numeric,
      acceptance_note text not null default '',
      updated_at timestamptz not null default now()
    )`.execute(db);

  // Refreshed when a report is approved (and when the year's rubric changes),
  // so every approved report is on the dashboards at once.
  await sql`
    create table report_scores (
      report_id integer primary key references reports(id) on delete cascade,
      school_id integer not null references schools(id) on delete cascade,
      year integer not null,
      total numeric not null,
      stars integer not null,
      category_scores jsonb not null,
      item_scores jsonb not null,
      computed_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index report_scores_year_idx on report_scores (year, total desc)`.execute(db);
  await sql`create index report_scores_school_idx on report_scores (school_id, year)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table report_scores`.execute(db);
  await sql`drop table report_assessments`.execute(db);
  await sql`drop table rubrics`.execute(db);
}
