import { sql, type Kysely } from 'kysely';

/**
 * School groups (DHIS2's org-unit group sets). Two built-in sets are school
 * attributes: locality 城区/乡镇/农村 (null = not recorded yet) and ownership
 * 公办/民办 (existing schools are public, as nearly all are); 学段 comes from
 * the school type and needs no column. The district defines its own groups
 * (教育集团, 新优质学校…): `school_groups` belong to a district org unit, and
 * a school may be in several. Membership changes what dashboards group and
 * filter by, so both tables move the dashboards' data version (see 0006).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table schools
      add column locality text check (locality in ('urban', 'town', 'rural')),
      add column ownership text not null default 'public' check (ownership in ('public', 'private'))`.execute(db);
  await sql`
    create table school_groups (
      id integer generated always as identity primary key,
      district_id integer not null references org_units(id) on delete cascade,
      name text not null check (length(name) between 1 and 40),
      description text not null default '' check (length(description) <= 200),
      created_at timestamptz not null default now(),
      unique (district_id, name)
    )`.execute(db);
  await sql`
    create table school_group_members (
      group_id integer not null references school_groups(id) on delete cascade,
      school_id integer not null references schools(id) on delete cascade,
      primary key (group_id, school_id)
    )`.execute(db);
  await sql`create index school_group_members_school_idx on school_group_members (school_id)`.execute(db);
  for (const table of ['school_groups', 'school_group_members']) {
    await sql`
      create trigger ${sql.raw(`${table}_bumps_dashboards`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function bump_dashboards_version()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table school_group_members`.execute(db);
  await sql`drop table school_groups`.execute(db);
  await sql`alter table schools drop column ownership, drop column locality`.execute(db);
}
