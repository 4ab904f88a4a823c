import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import type { Actor } from '../auth/actor';
import { schoolIdsInScope } from '../auth/scope';

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
  const report = await db.selectFrom('reports').select('id').where('id', '=', reportId).where('school_id', 'in', schoolIdsInScope(db, actor)).executeTakeFirst();
  if (!report) throw new TRPCError({ code: 'NOT_FOUND', message: '找不到该年报' });
  const rows = await db
    .selectFrom('audit_log as a')
    .innerJoin('reports as r', (join) => join.on((eb) => eb(eb.cast('r.id', 'text'), '=', eb.ref('a.entity_id'))))
    .leftJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.at', 'a.username', 'u.display_name', 'a.details'])
    .where('a.entity_type', '=', 'report')
    .where('a.action', '=', 'report_saved')
    .where('r.id', '=', reportId)
    .where('r.school_id', 'in', schoolIdsInScope(db, actor))
    .orderBy('a.id')
    .execute();
  const history: ValueChange[] = [];
  for (const row of rows) {
    const details = row.details as { version?: number; changes?: { code: string; from: number | null; to: number | null }[] };
    const change = details.changes?.find((c) => c.code === code);
    if (change) {
      history.push({ at: row.at, username: row.username, displayName: row.display_name ?? '', from: change.from, to: change.to, version: details.version ?? null });
    }
  }
  return history;
}
