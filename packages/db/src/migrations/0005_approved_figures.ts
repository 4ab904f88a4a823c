import { sql, type Kysely } from 'kysely';

/**
 * The figures of every scored (approved) report, keyed for the dashboards:
 * comparing thousands of schools on a few indicators for a year and the one
 * before is then an index range per indicator instead of a scan of every
 * year's values. Written with the score on approval and removed with it
 * (cascade) on reopening; report_values stays the source.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table approved_figures (
      indicator_code text not null,
      year integer not null,
      school_id integer not null,
      report_id integer not null references report_scores(report_id) on delete cascade,
      value numeric not null,
      -- value included: the dashboards' reads are index-only scans.
      primary key (indicator_code, year, school_id) include (value)
    )`.execute(db);
  await sql`create index approved_figures_report_idx on approved_figures (report_id)`.execute(db);
  await sql`
    insert into approved_figures (indicator_code, year, school_id, report_id, value)
    select v.indicator_code, s.year, s.school_id, s.report_id, v.value
    from report_scores s join report_values v on v.report_id = s.report_id
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table approved_figures`.execute(db);
}
