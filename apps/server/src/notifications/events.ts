import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import { openSchoolIdsIn } from '../services/open-schools';
import { groupChannels, isUsable, loadChannels, type GroupChannel } from './channel-settings';
import { decisionText, remindGroupText, remindSchoolText, yearOpenedText, type MessageText } from './messages';
import { enqueue, type OutboxEntry } from './outbox';

// Who gets what. Messages about one school (its report returned, approved,
// reopened; a reminder to hand in) go to that school: an in-app reminder and an
// e-mail to each of its chairs who chose e-mail. Group robots post to a
// district chat, so they carry only what the whole district may read: a year
// opening, deadlines and 催报 with the list of schools, the weekly digest —
// never a school's review comments.

type Db = Kysely<Database> | Transaction<Database>;

export interface ChairContact {
  userId: number;
  email: string;
}

/** Where external messages may go right now: e-mail (if set up) and the usable group robots. */
export async function activeChannels(db: Db): Promise<{ email: boolean; groups: GroupChannel[] }> {
  const channels = await loadChannels(db);
  return { email: isUsable(channels.get('email')!), groups: groupChannels.filter((g) => isUsable(channels.get(g)!)) };
}

/** The active chairs of each school who chose e-mail, with their addresses. */
export async function chairEmails(db: Db, schoolIds: number[]): Promise<Map<number, ChairContact[]>> {
  const result = new Map<number, ChairContact[]>();
  if (schoolIds.length === 0) return result;
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('notification_preferences as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.org_unit_id', 'p.email'])
    .where('u.role', '=', 'school_chair')
    .where('u.disabled_at', 'is', null)
    .where('u.org_unit_id', 'in', schoolIds)
    .where('p.email_enabled', '=', true)
    .where('p.email', '<>', '')
    .orderBy('u.id')
    .execute();
  for (const r of rows) result.set(r.org_unit_id, [...(result.get(r.org_unit_id) ?? []), { userId: r.id, email: r.email }]);
  return result;
}

/** In-app + e-mail messages for each school; `key` makes each one's idempotency key. */
async function toSchools(
  db: Db,
  event: string,
  year: number,
  schoolIds: number[],
  text: (schoolId: number) => MessageText,
  key: (schoolId: number, channel: string) => string,
  createdBy: number | null,
): Promise<OutboxEntry[]> {
  const { email } = await activeChannels(db);
  const emails = email ? await chairEmails(db, schoolIds) : new Map<number, ChairContact[]>();
  return schoolIds.flatMap((schoolId) => {
    const t = text(schoolId);
    const base = { event, year, schoolId, createdBy, ...t };
    return [
      { ...base, channel: 'in_app' as const, idempotencyKey: key(schoolId, 'in_app') },
      ...(emails.get(schoolId) ?? []).map((c) => ({
        ...base,
        channel: 'email' as const,
        recipient: c.email,
        recipientUserId: c.userId,
        idempotencyKey: key(schoolId, `email:${c.userId}`),
      })),
    ];
  });
}

async function toGroups(db: Db, event: string, year: number | null, text: MessageText, key: (channel: string) => string): Promise<OutboxEntry[]> {
  const { groups } = await activeChannels(db);
  return groups.map((channel) => ({ event, year, channel, idempotencyKey: key(channel), ...text }));
}

/** A new reporting year: every school open that year and the group robots. */
export async function notifyYearOpened(trx: Db, input: { year: number; deadline: string; createdBy: number | null }): Promise<number> {
  const schools = await trx.selectFrom('schools').select('id').where('id', 'in', openSchoolIdsIn(trx, input.year)).orderBy('id').execute();
  const text = yearOpenedText(input.year, input.deadline);
  const ids = schools.map((s) => s.id);
  return enqueue(trx, [
    ...(await toSchools(trx, 'year_opened', input.year, ids, () => text, (s, c) => `year_opened:${input.year}:${s}:${c}`, input.createdBy)),
    ...(await toGroups(trx, 'year_opened', input.year, text, (c) => `year_opened:${input.year}:${c}`)),
  ]);
}

/** Returned, approved or reopened: only that school (the comment is the school's business). */
export async function notifyDecision(
  trx: Db,
  input: { action: 'return' | 'approve' | 'reopen'; reportId: number; version: number; schoolId: number; year: number; comment: string; createdBy: number | null },
): Promise<number> {
  const text = decisionText(input.action, input.year, input.schoolId, input.comment);
  return enqueue(
    trx,
    await toSchools(trx, `report_${input.action}`, input.year, [input.schoolId], () => text, (s, c) => `${input.action}:${input.reportId}:v${input.version}:${c}`, input.createdBy),
  );
}

/** 一键催报: each listed school (in-app, e-mail) and one summary per group robot. Every press is a new event. */
export async function notifyRemind(trx: Db, input: { year: number; message: string; schools: { id: number; name: string }[]; createdBy: number | null }): Promise<number> {
  const batch = randomUUID();
  return enqueue(trx, [
    ...(await toSchools(trx, 'remind', input.year, input.schools.map((s) => s.id), (s) => remindSchoolText(input.year, input.message, s), (s, c) => `remind:${batch}:${s}:${c}`, input.createdBy)),
    ...(input.schools.length ? await toGroups(trx, 'remind', input.year, remindGroupText(input.year, input.message, input.schools.map((s) => s.name)), (c) => `remind:${batch}:${c}`) : []),
  ]);
}
