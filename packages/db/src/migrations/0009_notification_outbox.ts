import { sql, type Kysely } from 'kysely';

/**
 * Notifications outside the app (issue 16): the district's channel settings,
 * each user's choice of channels, and the outbox. An outbox row is written in
 * the same transaction as the event that causes it (a return, a reminder…),
 * so an event never commits without its messages nor the other way round; a
 * worker in the server process sends the rows, retrying with backoff.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One row per external channel. `settings` is shown to the admin (SMTP host,
  // port, user, from); `secrets` (SMTP password, webhook URL with its token,
  // signing secret) never leaves the server.
  await sql`
    create table notification_channels (
      kind text primary key check (kind in ('email', 'wecom', 'dingtalk', 'feishu')),
      enabled boolean not null default false,
      settings jsonb not null default '{}',
      secrets jsonb not null default '{}',
      updated_by integer references users(id) on delete set null,
      updated_at timestamptz not null default now()
    )`.execute(db);

  // A user's own channels besides in-app reminders (always on).
  await sql`
    create table notification_preferences (
      user_id integer primary key references users(id) on delete cascade,
      email text not null default '',
      email_enabled boolean not null default false,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table notification_outbox (
      id bigint generated always as identity primary key,
      -- One per message and recipient: a re-run of the same event inserts nothing.
      idempotency_key text not null unique,
      event text not null,
      channel text not null check (channel in ('in_app', 'email', 'wecom', 'dingtalk', 'feishu')),
      -- An e-mail address; '' for a group robot or an in-app reminder.
      recipient text not null default '',
      recipient_user_id integer references users(id) on delete set null,
      school_id integer references schools(id) on delete cascade,
      year integer,
      subject text not null,
      body text not null,
      link text not null default '',
      status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null default now(),
      -- While 'sending': when the claim lapses (a worker that died mid-send).
      locked_until timestamptz,
      last_error text,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`create index notification_outbox_due_idx on notification_outbox (next_attempt_at) where status in ('pending', 'sending')`.execute(db);
  await sql`create index notification_outbox_recent_idx on notification_outbox (created_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table notification_outbox`.execute(db);
  await sql`drop table notification_preferences`.execute(db);
  await sql`drop table notification_channels`.execute(db);
}
