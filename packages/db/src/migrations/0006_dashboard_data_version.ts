import { sql, type Kysely } from 'kysely';

/**
 * A counter that moves whenever anything a dashboard shows changes: scores
 * and approved figures (approve, reopen, rescoring), schools and the org
 * tree, a year's indicator list. Servers keep computed dashboard answers
 * keyed by it, so a comparison of thousands of schools is computed once per
 * change instead of on every view — and every replica sees the same counter.
 * Statement-level triggers: one bump per statement, whatever its row count.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table data_versions (name text primary key, version bigint not null default 0)`.execute(db);
  await sql`insert into data_versions (name, version) values ('dashboards', 1)`.execute(db);
  await sql`
    create function bump_dashboards_version() returns trigger language plpgsql as $$
    begin
      update data_versions set version = version + 1 where name = 'dashboards';
      return null;
    end $$`.execute(db);
  for (const table of ['report_scores', 'approved_figures', 'schools', 'org_units', 'reporting_year_indicators', 'indicators']) {
    await sql`
      create trigger ${sql.raw(`${table}_bumps_dashboards`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_dashboards_version()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['report_scores', 'approved_figures', 'schools', 'org_units', 'reporting_year_indicators', 'indicators']) {
    await sql`drop trigger ${sql.raw(`${table}_bumps_dashboards`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function bump_dashboards_version()`.execute(db);
  await sql`drop table data_versions`.execute(db);
}
