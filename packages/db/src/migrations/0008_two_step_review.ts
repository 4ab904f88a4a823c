import { sql, type Kysely } from 'kysely';

// Frozen once merged: see 0001. Two-step review (cluster reviewer approves,
// district accepts), and unlocking an approved report or one of its fields.

export async function up(db: Kysely<unknown>): Promise<void> {
  // 1 = the district approves; 2 = a cluster reviewer approves first, then the district accepts.
  await sql`alter table reporting_years add column review_steps smallint not null default 1 check (review_steps in (1, 2))`.execute(db);

  await sql`alter table reports drop constraint reports_status_check`.execute(db);
  await sql`alter table reports add constraint reports_status_check check (status in ('draft', 'submitted', 'returned', 'cluster_approved', 'approved'))`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('district_admin', 'district_viewer', 'cluster_reviewer', 'school_chair'))`.execute(db);

  await sql`alter table reports add column cluster_approved_at timestamptz`.execute(db);
  await sql`alter table reports add column cluster_approved_by integer references users(id) on delete set null`.execute(db);
  // Set while the admin has unlocked an approved report, until it is approved again: the chair may
  // then save and resubmit even in a closed year. unlocked_field null = the whole report.
  await sql`alter table reports add column unlocked_at timestamptz`.execute(db);
  await sql`alter table reports add column unlocked_field text`.execute(db);
  // Fields changed after a first approval, over every unlock.
  await sql`alter table reports add column edits_since_approval integer not null default 0`.execute(db);

  // Each unlock: why, by whom, the content at that moment, and (once resubmitted) what changed.
  await sql`
    create table report_unlocks (
      id integer generated always as identity primary key,
      report_id integer not null references reports(id) on delete cascade,
      field_path text,
      reason text not null,
      unlocked_by integer references users(id) on delete set null,
      unlocked_at timestamptz not null default now(),
      before_content jsonb not null,
      changes jsonb,
      resubmitted_by integer references users(id) on delete set null,
      resubmitted_at timestamptz
    )`.execute(db);
  await sql`create index report_unlocks_report_idx on report_unlocks (report_id, id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table report_unlocks`.execute(db);
  for (const column of ['edits_since_approval', 'unlocked_field', 'unlocked_at', 'cluster_approved_by', 'cluster_approved_at']) {
    await sql`alter table reports drop column ${sql.ref(column)}`.execute(db);
  }
  await sql`update reports set status = 'submitted' where status = 'cluster_approved'`.execute(db);
  await sql`alter table reports drop constraint reports_status_check`.execute(db);
  await sql`alter table reports add constraint reports_status_check check (status in ('draft', 'submitted', 'returned', 'approved'))`.execute(db);
  await sql`alter table users drop constraint users_role_check`.execute(db);
  await sql`alter table users add constraint users_role_check check (role in ('district_admin', 'district_viewer', 'school_chair'))`.execute(db);
  await sql`alter table reporting_years drop column review_steps`.execute(db);
}
