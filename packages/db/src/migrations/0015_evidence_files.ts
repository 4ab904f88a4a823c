import { sql, type Kysely } from 'kysely';

/**
 * Evidence (佐证材料) a chair attaches to a report section or a rubric item.
 * The bytes live in the database, not on a disk: every server replica sees
 * the same files, and the pg_dump backup (infra/backup.sh) carries them.
 * Photos are stored already downscaled and without EXIF; `sha256` is over
 * the stored bytes, so a restore can be checked file by file.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table evidence_files (
      id integer generated always as identity primary key,
      report_id integer not null references reports(id) on delete cascade,
      target_kind text not null check (target_kind in ('rubric_item', 'section')),
      target_key text not null check (target_key ~ '^[A-Za-z0-9_.-]{1,80}$'),
      original_name text not null check (length(original_name) between 1 and 200),
      mime_type text not null,
      byte_size integer not null check (byte_size > 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      width integer,
      height integer,
      content bytea not null,
      thumbnail bytea,
      thumbnail_mime text,
      uploaded_by integer references users(id) on delete set null,
      uploaded_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index evidence_files_target_idx on evidence_files (report_id, target_kind, target_key)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table evidence_files`.execute(db);
}
