import { sql, type Kysely } from 'kysely';

/**
 * 验收 by 考评组 (inspection teams): the district forms teams for a year, puts
 * inspectors (role `inspector`) in them and assigns schools; an inspector
 * scores the assigned schools' reports item by item. The inspector's work
 * stays in `inspection_reviews` (points and a note per item, in the shape of
 * a rubric rater column) until the district publishes it: only then is it
 * copied into the report's 考评 column in rubric_ratings and scored, so the
 * chair sees neither notes nor points before publication.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // The city roles come from migration 0017; the list is the whole set either way.
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('district_admin', 'district_viewer', 'cluster_reviewer', 'school_chair', 'city_admin', 'city_viewer', 'inspector'))`.execute(db);

  await sql`
    create table inspection_teams (
      id integer generated always as identity primary key,
      org_unit_id integer not null references org_units(id) on delete cascade,
      year integer not null references reporting_years(year) on delete cascade,
      name text not null check (length(name) between 1 and 40),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (org_unit_id, year, name)
    )`.execute(db);
  await sql`
    create table inspection_team_members (
      team_id integer not null references inspection_teams(id) on delete cascade,
      user_id integer not null references users(id) on delete cascade,
      primary key (team_id, user_id)
    )`.execute(db);
  await sql`create index inspection_team_members_user_idx on inspection_team_members (user_id)`.execute(db);
  await sql`
    create table inspection_assignments (
      team_id integer not null references inspection_teams(id) on delete cascade,
      school_id integer not null references schools(id) on delete cascade,
      primary key (team_id, school_id)
    )`.execute(db);
  await sql`create index inspection_assignments_school_idx on inspection_assignments (school_id)`.execute(db);

  // One inspection per report; no row = assigned, nothing entered yet.
  await sql`
    create table inspection_reviews (
      report_id integer primary key references reports(id) on delete cascade,
      state text not null check (state in ('scoring', 'submitted', 'confirmed', 'published')),
      ratings jsonb not null default '{}',
      updated_at timestamptz not null default now(),
      updated_by integer references users(id) on delete set null,
      submitted_at timestamptz,
      submitted_by integer references users(id) on delete set null,
      confirmed_at timestamptz,
      confirmed_by integer references users(id) on delete set null,
      published_at timestamptz,
      published_by integer references users(id) on delete set null
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table inspection_reviews`.execute(db);
  await sql`drop table inspection_assignments`.execute(db);
  await sql`drop table inspection_team_members`.execute(db);
  await sql`drop table inspection_teams`.execute(db);
  await sql`delete from users where role = 'inspector'`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('district_admin', 'district_viewer', 'cluster_reviewer', 'school_chair', 'city_admin', 'city_viewer'))`.execute(db);
}
