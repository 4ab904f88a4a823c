import { sql, type Kysely } from 'kysely';

// Frozen: see 0001. Reporting workflow: review comments, outlier explanations,
// reminders, and each year's own catalogue.

export async function up(db: Kysely<unknown>): Promise<void> {
  // A chair's short explanation for a value the outlier check questioned.
  await sql`alter table report_values add column explanation text not null default ''`.execute(db);

  await sql`alter table reports add column returned_at timestamptz`.execute(db);
  // Counts returns, so comments can be grouped by review round.
  await sql`alter table reports add column review_round integer not null default 0`.execute(db);

  // District comments on a returned report: on the whole report (field_path '')
  // or on one field ('values.sick_visits'), shown beside it in the chair's form.
  await sql`
    create table report_comments (
      id integer generated always as identity primary key,
      report_id integer not null references reports(id) on delete cascade,
      review_round integer not null,
      field_path text not null default '',
      body text not null,
      author_id integer references users(id) on delete set null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index report_comments_report_idx on report_comments (report_id, review_round)`.execute(db);

  await sql`
    create table reminders (
      id integer generated always as identity primary key,
      year integer not null references reporting_years(year),
      school_id integer not null references schools(id) on delete cascade,
      message text not null,
      created_by integer references users(id) on delete set null,
      created_at timestamptz not null default now(),
      read_at timestamptz
    )`.execute(db);
  await sql`create index reminders_school_idx on reminders (school_id, created_at desc)`.execute(db);

  // Which indicators a year asks for, in which order. A new year copies the
  // previous year's list; codes are stable, so years stay comparable.
  await sql`
    create table reporting_year_indicators (
      year integer not null references reporting_years(year) on delete cascade,
      indicator_code text not null references indicators(code),
      sort_order integer not null,
      primary key (year, indicator_code)
    )`.execute(db);
  await sql`
    insert into reporting_year_indicators (year, indicator_code, sort_order)
    select y.year, i.code, i.sort_order from reporting_years y cross join indicators i where i.retired_at is null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table reporting_year_indicators`.execute(db);
  await sql`drop table reminders`.execute(db);
  await sql`drop table report_comments`.execute(db);
  await sql`alter table reports drop column review_round`.execute(db);
  await sql`alter table reports drop column returned_at`.execute(db);
  await sql`alter table report_values drop column explanation`.execute(db);
}
