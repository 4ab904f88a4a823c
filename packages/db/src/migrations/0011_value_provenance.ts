import { sql, type Kysely } from 'kysely';

/**
 * Where an imported figure came from: the summary's sentence(s) and document
 * name (`source`, JSON: { value, document, excerpts: [{ sentence, figureStart,
 * figureEnd }] }), who accepted it into the draft and when. Kept on the value's
 * own row, so clearing the value drops it, and a save that changes the value
 * without a matching source clears it (the chair typed over the import).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table report_values
      add column source jsonb,
      add column source_accepted_by integer references users (id) on delete set null,
      add column source_accepted_at timestamptz,
      add constraint report_values_source_accepted check ((source is null) = (source_accepted_at is null))`.execute(db);
  // Any writer (the form, the Excel import) that changes a value without a new source drops the old one:
  // the sentence no longer says what the field holds.
  await sql`
    create function report_values_drop_stale_source() returns trigger language plpgsql as $$
    begin
      if new.value is distinct from old.value and new.source is not distinct from old.source then
        new.source := null;
        new.source_accepted_by := null;
        new.source_accepted_at := null;
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger report_values_drop_stale_source before update on report_values
    for each row execute function report_values_drop_stale_source()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger report_values_drop_stale_source on report_values`.execute(db);
  await sql`drop function report_values_drop_stale_source()`.execute(db);
  await sql`
    alter table report_values
      drop constraint report_values_source_accepted,
      drop column source_accepted_at,
      drop column source_accepted_by,
      drop column source`.execute(db);
}
