import { sql, type Kysely } from 'kysely';

/**
 * Verification codes printed on signed paper copies (签字盖章版). A code is
 * derived from an approved report's content; the row remembers which report,
 * which version and which approval it was printed from, so a code from an
 * older paper still tells what it was after the report changed (the content
 * of old versions is not kept anywhere else).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table paper_copies (
      code text primary key,
      report_id integer not null references reports(id) on delete cascade,
      content_hash text not null,
      version integer not null,
      approved_at timestamptz not null,
      issued_at timestamptz not null default now(),
      issued_by integer references users(id) on delete set null
    )`.execute(db);
  await sql`create index paper_copies_report_idx on paper_copies (report_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table paper_copies`.execute(db);
}
