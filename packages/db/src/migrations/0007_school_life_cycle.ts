import { sql, type Kysely } from 'kysely';

/**
 * Schools' life cycle. A school opens in `opened_year` and, when closed,
 * `closed_year` is the last year it reports for. `open_school_years` is THE
 * counting rule in SQL (the domain's `isOpenIn`): a school counts in a year's
 * figures iff opened_year ≤ year ≤ coalesce(closed_year, ∞). `school_merges`
 * records "X was merged into Y in year N" (X's last year is N − 1), so Y's
 * trend line can carry X's earlier years.
 *
 * Existing schools: opened in their first report's year or the first
 * reporting year, whichever is earlier. A deactivated school (`active =
 * false`) is closed after the last year it handed a report in (else its last
 * report, else its opening year): its old years stay, nothing after counts.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table schools add column opened_year integer, add column closed_year integer`.execute(db);
  await sql`
    update schools s set opened_year = coalesce(
      least((select min(r.year) from reports r where r.school_id = s.id), (select min(y.year) from reporting_years y)),
      extract(year from current_date)::integer)`.execute(db);
  await sql`
    update schools s set closed_year = greatest(s.opened_year, coalesce(
      (select max(r.year) from reports r where r.school_id = s.id and r.status in ('submitted', 'approved')),
      (select max(r.year) from reports r where r.school_id = s.id),
      s.opened_year))
    where not s.active`.execute(db);
  // Inserts that do not say (older tools, the bench's city) count from the first possible reporting year.
  await sql`alter table schools alter column opened_year set not null, alter column opened_year set default 2000`.execute(db);
  await sql`
    alter table schools add constraint schools_life_span_check
    check (closed_year is null or closed_year >= opened_year)`.execute(db);

  await sql`
    create table school_merges (
      predecessor_id integer primary key references schools(id) on delete cascade,
      successor_id integer not null references schools(id) on delete cascade,
      year integer not null,
      created_at timestamptz not null default now(),
      check (predecessor_id <> successor_id)
    )`.execute(db);
  await sql`create index school_merges_successor_idx on school_merges (successor_id)`.execute(db);

  await sql`
    create view open_school_years as
    select s.id as school_id, y.year
    from schools s
    join reporting_years y on y.year >= s.opened_year and (s.closed_year is null or y.year <= s.closed_year)`.execute(db);

  // A merge changes trend lines, like any other dashboard input (see 0006).
  await sql`
    create trigger school_merges_bumps_dashboards
    after insert or update or delete or truncate on school_merges
    for each statement execute function bump_dashboards_version()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger school_merges_bumps_dashboards on school_merges`.execute(db);
  await sql`drop view open_school_years`.execute(db);
  await sql`drop table school_merges`.execute(db);
  await sql`alter table schools drop constraint schools_life_span_check`.execute(db);
  await sql`alter table schools drop column closed_year, drop column opened_year`.execute(db);
}
