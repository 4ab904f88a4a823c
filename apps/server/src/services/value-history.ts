import { sql, type Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { reportNotFound } from '../trpc/error-messages';

export interface ValueChange {
  at: Date;
  username: string;
  displayName: string;
  from: number | null;
  to: number | null;
  version: number | null;
}

/** Who changed one field of a report from what to what, oldest first (from the audit trail). */
export async function valueHistory(db: Kysely<Database>, actor: Actor, reportId: number, code: string): Promise<ValueChange[]> {
  const report = await db.selectFrom('reports').select('id').where('id', '=', reportId).where('id', 'in', readableReportIds(db, actor)).executeTakeFirst();
  if (!report) throw reportNotFound();
  // Only the saves that changed this field, picked out in SQL (a report is saved thousands of times).
  const changeOf = sql`jsonb_path_query_first(a.details, '$.changes[*] ? (@.code == $code)', jsonb_build_object('code', ${code}::text))`;
  const rows = await db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select([
      'a.at',
      'a.username',
      'u.display_name',
      sql<number | null>`(a.details ->> 'version')::int`.as('version'),
      sql<number | null>`(${changeOf} ->> 'from')::numeric`.as('from'),
      sql<number | null>`(${changeOf} ->> 'to')::numeric`.as('to'),
    ])
    .where('a.entity_type', '=', 'report')
    .where('a.entity_id', '=', String(report.id))
    .where('a.action', '=', 'report_saved')
    .where(sql<boolean>`a.details @> jsonb_build_object('changes', jsonb_build_array(jsonb_build_object('code', ${code}::text)))`)
    .orderBy('a.id')
    .execute();
  const history: ValueChange[] = rows.map((row) => ({ at: row.at, username: row.username, displayName: row.display_name ?? '', from: row.from, to: row.to, version: row.version }));
  return history;
}
