import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, NotificationDelivery, NotificationOutboxTable } from '@union/db';
import type { MessageText } from './messages';

type Db = Kysely<Database> | Transaction<Database>;

export interface OutboxEntry extends MessageText {
  idempotencyKey: string;
  event: string;
  channel: NotificationDelivery;
  recipient?: string;
  recipientUserId?: number | null;
  schoolId?: number | null;
  year?: number | null;
  createdBy?: number | null;
}

/**
 * Writes messages into the outbox, inside the caller's transaction. A key that
 * is already there inserts nothing (a re-run of an event sends nothing again).
 * In-app messages are delivered right here: the reminder row and the outbox
 * row marked sent commit together, so they are exactly once by construction.
 * Returns how many messages were new.
 */
export async function enqueue(trx: Db, entries: OutboxEntry[]): Promise<number> {
  let added = 0;
  // Chunks keep each statement's parameter count far below PostgreSQL's limit.
  for (let i = 0; i < entries.length; i += 200) {
    const chunk = entries.slice(i, i + 200);
    const inserted = await trx
      .insertInto('notification_outbox')
      .values(
        chunk.map((e) => ({
          idempotency_key: e.idempotencyKey,
          event: e.event,
          channel: e.channel,
          recipient: e.recipient ?? '',
          recipient_user_id: e.recipientUserId ?? null,
          school_id: e.schoolId ?? null,
          year: e.year ?? null,
          subject: e.subject,
          body: e.body,
          link: e.link,
          ...(e.channel === 'in_app' ? { status: 'sent' as const, attempts: 1, sent_at: new Date() } : {}),
        })),
      )
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .returning(['idempotency_key'])
      .execute();
    added += inserted.length;
    const fresh = new Set(inserted.map((r) => r.idempotency_key));
    const reminders = chunk.filter((e) => e.channel === 'in_app' && fresh.has(e.idempotencyKey) && e.schoolId && e.year);
    if (reminders.length) {
      await trx
        .insertInto('reminders')
        .values(reminders.map((e) => ({ year: e.year!, school_id: e.schoolId!, message: e.body, created_by: e.createdBy ?? null })))
        .execute();
    }
  }
  return added;
}

export type ClaimedMessage = Selectable<NotificationOutboxTable>;

/**
 * Claims due messages for one worker: pending ones whose time has come, and
 * ones left 'sending' by a worker whose claim lapsed (it died mid-send). Rows
 * are locked with FOR UPDATE SKIP LOCKED, so concurrent workers on PostgreSQL
 * never claim the same row; PGlite is one connection, where transactions run
 * one after another and the status change inside the same transaction does
 * the same job. Each claim counts as an attempt.
 */
export async function claimDue(db: Kysely<Database>, options: { limit: number; leaseMs: number; now?: Date }): Promise<ClaimedMessage[]> {
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('notification_outbox')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
          eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', now)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(options.limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('notification_outbox')
      .set({ status: 'sending', locked_until: new Date(Date.now() + options.leaseMs), attempts: sql<number>`attempts + 1` })
      .where('id', 'in', due.map((d) => d.id))
      .returningAll()
      .execute();
  });
}

/**
 * After the peer accepted. Guarded by the attempt count: a worker whose claim
 * lapsed and was taken over cannot overwrite the newer attempt's outcome.
 */
export async function markSent(db: Kysely<Database>, message: ClaimedMessage): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set({ status: 'sent', sent_at: new Date(), locked_until: null, last_error: null })
    .where('id', '=', message.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', message.attempts)
    .execute();
}

/** After a refusal: try again later, or give up after the last attempt. `error` is already free of secrets. */
export async function markFailed(db: Kysely<Database>, message: ClaimedMessage, error: string, retryAt: Date | null): Promise<void> {
  await db
    .updateTable('notification_outbox')
    .set(retryAt ? { status: 'pending', next_attempt_at: retryAt, locked_until: null, last_error: error } : { status: 'failed', locked_until: null, last_error: error })
    .where('id', '=', message.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', message.attempts)
    .execute();
}
