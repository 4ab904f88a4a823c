import { sql, type Kysely } from 'kysely';

// Frozen: see 0001. Accounts issue: sessions, login throttling, audit trail.

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table users add column password_changed_at timestamptz not null default now()`.execute(db);
  await sql`alter table users add column must_change_password boolean not null default false`.execute(db);
  await sql`create index users_org_unit_idx on users (org_unit_id)`.execute(db);

  // The cookie holds a random token; only its SHA-256 is stored, so a leaked
  // table cannot be replayed as cookies.
  await sql`
    create table sessions (
      token_hash text primary key,
      user_id integer not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      revoked_at timestamptz,
      ip text not null default '',
      user_agent text not null default ''
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  await sql`
    create table login_failures (
      id integer generated always as identity primary key,
      username text not null,
      ip text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index login_failures_username_idx on login_failures (username, at)`.execute(db);
  await sql`create index login_failures_ip_idx on login_failures (ip, at)`.execute(db);

  // Who did what to which report/school/user and when. `school_id` lets a
  // school's history be read without parsing details.
  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      at timestamptz not null default now(),
      user_id integer references users(id) on delete set null,
      username text not null default '',
      action text not null,
      entity_type text not null,
      entity_id text not null default '',
      school_id integer references schools(id) on delete set null,
      details jsonb not null default '{}'::jsonb,
      ip text not null default ''
    )`.execute(db);
  await sql`create index audit_log_at_idx on audit_log (at desc)`.execute(db);
  await sql`create index audit_log_entity_idx on audit_log (entity_type, entity_id)`.execute(db);
  await sql`create index audit_log_school_idx on audit_log (school_id, at desc)`.execute(db);

  // A district admin may publish a year's results so chairs see other schools' figures.
  await sql`alter table reporting_years add column published_to_chairs boolean not null default false`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table reporting_years drop column published_to_chairs`.execute(db);
  await sql`drop table audit_log`.execute(db);
  await sql`drop table login_failures`.execute(db);
  await sql`drop table sessions`.execute(db);
  await sql`drop index users_org_unit_idx`.execute(db);
  await sql`alter table users drop column must_change_password`.execute(db);
  await sql`alter table users drop column password_changed_at`.execute(db);
}
