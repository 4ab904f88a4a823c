import { sql, type Kysely } from 'kysely';

// Frozen: migrations never import application code, so they keep running
// unchanged after the schema types move on. Add a new file instead of editing.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table org_units (
      id integer generated always as identity primary key,
      parent_id integer references org_units(id),
      kind text not null check (kind in ('city', 'district', 'cluster', 'school')),
      code text not null unique,
      name text not null,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index org_units_parent_idx on org_units (parent_id)`.execute(db);

  await sql`
    create table schools (
      id integer primary key references org_units(id) on delete cascade,
      school_type text not null
        check (school_type in ('kindergarten', 'primary', 'junior', 'senior', 'nine_year', 'vocational')),
      staff_count integer not null check (staff_count >= 0),
      member_count integer not null check (member_count >= 0),
      active boolean not null default true
    )`.execute(db);

  await sql`
    create table indicators (
      code text primary key,
      category text not null,
      name_zh text not null,
      name_en text not null,
      unit text not null,
      value_type text not null check (value_type in ('integer', 'money', 'decimal', 'percent')),
      description_zh text not null default '',
      min_value numeric,
      max_value numeric,
      sort_order integer not null,
      retired_at timestamptz
    )`.execute(db);

  await sql`
    create table reporting_years (
      year integer primary key,
      deadline date not null,
      is_open boolean not null default true,
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table reports (
      id integer generated always as identity primary key,
      school_id integer not null references schools(id),
      year integer not null references reporting_years(year),
      status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'approved')),
      version integer not null default 1,
      narrative_achievements text not null default '',
      narrative_shortcomings text not null default '',
      narrative_plans text not null default '',
      submitted_at timestamptz,
      approved_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (school_id, year)
    )`.execute(db);
  await sql`create index reports_year_status_idx on reports (year, status)`.execute(db);

  await sql`
    create table report_values (
      report_id integer not null references reports(id) on delete cascade,
      indicator_code text not null references indicators(code),
      value numeric not null,
      primary key (report_id, indicator_code)
    )`.execute(db);
  await sql`create index report_values_indicator_idx on report_values (indicator_code)`.execute(db);

  await sql`
    create table honours (
      id integer generated always as identity primary key,
      report_id integer not null references reports(id) on delete cascade,
      position integer not null,
      title text not null,
      level text not null check (level in ('national', 'provincial', 'municipal', 'county', 'school')),
      kind text not null check (kind in ('collective', 'individual')),
      recipient text not null default ''
    )`.execute(db);
  await sql`create index honours_report_idx on honours (report_id, position)`.execute(db);

  // A user acts within one org unit: a chair within a school, district staff within the district.
  await sql`
    create table users (
      id integer generated always as identity primary key,
      username text not null unique,
      display_name text not null,
      role text not null check (role in ('district_admin', 'district_viewer', 'school_chair')),
      org_unit_id integer not null references org_units(id),
      password_hash text not null,
      disabled_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['users', 'honours', 'report_values', 'reports', 'reporting_years', 'indicators', 'schools', 'org_units']) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
