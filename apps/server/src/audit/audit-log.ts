import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import type { AuditAction } from '@union/domain';
import type { Actor } from '../auth/actor';

export type { AuditAction } from '@union/domain';

export interface AuditEntry {
  action: AuditAction;
  entityType: 'user' | 'school' | 'report' | 'year' | 'catalogue' | 'rubric' | 'session' | 'notification' | 'evidence_file' | 'school_group' | 'inspection_team';
  entityId?: string | number;
  schoolId?: number | null;
  details?: Record<string, unknown>;
}

/**
 * Appends to the audit trail. Pass the transaction that made the change so
 * the record and the change commit (or roll back) together.
 */
export async function writeAudit(
  db: Kysely<Database> | Transaction<Database>,
  who: { actor: Actor | null; username?: string; ip: string },
  entry: AuditEntry,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      user_id: who.actor?.userId ?? null,
      username: who.actor?.username ?? who.username ?? '',
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId === undefined ? '' : String(entry.entityId),
      school_id: entry.schoolId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: who.ip,
    })
    .execute();
}
