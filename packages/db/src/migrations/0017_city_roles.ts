import { sql, type Kysely } from 'kysely';

// Frozen once merged: see 0001. City union staff (市教育工会) sit on a city org unit above
// several districts: an admin and a read-only viewer. The constraint keeps its name so later
// migrations can replace it the same way.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('district_admin', 'district_viewer', 'cluster_reviewer', 'school_chair', 'city_admin', 'city_viewer'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from users where role in ('city_admin', 'city_viewer')`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('district_admin', 'district_viewer', 'cluster_reviewer', 'school_chair'))`.execute(db);
}
