import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { schoolIdsInScope } from '../auth/scope';
import { openSchoolIdsIn } from '../services/open-schools';
import { activeChannels, chairEmails } from './events';
import { deadlineGroupText, deadlineSchoolText, digestText, type DigestYear } from './messages';
import { enqueue, type OutboxEntry } from './outbox';

/** Days before the deadline on which schools that have not handed in are reminded. */
export const DEADLINE_REMINDER_DAYS = [7, 3, 1] as const;
/** The weekly digest for district staff: Mondays from 08:00 China time (or the first run after it that week). */
export const DIGEST_WEEKDAY = 1;
export const DIGEST_HOUR = 8;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day in China (UTC+8), as YYYY-MM-DD, and its weekday/hour there. */
export function chinaClock(now: Date): { day: string; weekday: number; hour: number } {
  const shifted = new Date(now.getTime() + CHINA_OFFSET_MS);
  return { day: shifted.toISOString().slice(0, 10), weekday: shifted.getUTCDay(), hour: shifted.getUTCHours() };
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** Every school below an org unit (a district or the city), as a subquery: a digest's scope. */
function schoolsBelow(db: Kysely<Database>, orgUnitId: number) {
  return schoolIdsInScope(db, { userId: 0, username: '', displayName: '', role: 'district_viewer', orgUnitId, schoolId: null, mustChangePassword: false });
}

async function pendingSchoolsOf(db: Kysely<Database>, year: number, belowUnit?: number) {
  let query = db
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .leftJoin('reports as r', (j) => j.onRef('r.school_id', '=', 's.id').on('r.year', '=', year))
    .select(['s.id', 'ou.name'])
    .where('s.id', 'in', openSchoolIdsIn(db, year))
    .where((eb) => eb.or([eb('r.status', 'is', null), eb('r.status', 'in', ['draft', 'returned'])]));
  if (belowUnit !== undefined) query = query.where('s.id', 'in', schoolsBelow(db, belowUnit));
  return query.orderBy('ou.code').execute();
}

/**
 * Deadline reminders for open years whose deadline is 7, 3 or 1 days away
 * (China time): each school not yet handed in, and a summary per group robot.
 * Keyed per school/year/day-count, so every run of the same day — on any
 * replica — adds nothing after the first.
 */
export async function scheduleDeadlineReminders(db: Kysely<Database>, now = new Date()): Promise<number> {
  const today = chinaClock(now).day;
  const years = await db.selectFrom('reporting_years').select(['year', 'deadline']).where('is_open', '=', true).execute();
  let added = 0;
  for (const y of years) {
    const days = daysBetween(today, y.deadline);
    if (!(DEADLINE_REMINDER_DAYS as readonly number[]).includes(days)) continue;
    const pending = await pendingSchoolsOf(db, y.year);
    if (pending.length === 0) continue;
    const { email, groups } = await activeChannels(db);
    const emails = email ? await chairEmails(db, pending.map((p) => p.id)) : new Map();
    const entries: OutboxEntry[] = pending.flatMap((school) => {
      const text = deadlineSchoolText(y.year, y.deadline, days, school.id);
      const base = { event: 'deadline', year: y.year, schoolId: school.id, ...text };
      return [
        { ...base, channel: 'in_app' as const, idempotencyKey: `deadline:${y.year}:${days}:${school.id}:in_app` },
        ...(emails.get(school.id) ?? []).map((c: { userId: number; email: string }) => ({
          ...base,
          channel: 'email' as const,
          recipient: c.email,
          recipientUserId: c.userId,
          idempotencyKey: `deadline:${y.year}:${days}:${school.id}:email:${c.userId}`,
        })),
      ];
    });
    const groupText = deadlineGroupText(y.year, y.deadline, days, pending.map((p) => p.name));
    for (const channel of groups) entries.push({ event: 'deadline', year: y.year, channel, idempotencyKey: `deadline:${y.year}:${days}:${channel}`, ...groupText });
    added += await db.transaction().execute((trx) => enqueue(trx, entries));
  }
  return added;
}

/** The Monday (China time) of the week `now` falls in. */
function weekStart(now: Date): string {
  const { day, weekday } = chinaClock(now);
  const back = (weekday + 6) % 7;
  return new Date(Date.parse(`${day}T00:00:00Z`) - back * DAY_MS).toISOString().slice(0, 10);
}

/** Completion and the overdue list of every open year; of one org unit's schools when `belowUnit` is given. */
export async function digestFigures(db: Kysely<Database>, now = new Date(), belowUnit?: number): Promise<DigestYear[]> {
  const today = chinaClock(now).day;
  const years = await db.selectFrom('reporting_years').select(['year', 'deadline']).where('is_open', '=', true).orderBy('year').execute();
  const out: DigestYear[] = [];
  for (const y of years) {
    let totalQuery = db.selectFrom('schools').select((eb) => eb.fn.countAll<number>().as('n')).where('id', 'in', openSchoolIdsIn(db, y.year));
    if (belowUnit !== undefined) totalQuery = totalQuery.where('id', 'in', schoolsBelow(db, belowUnit));
    const total = await totalQuery.executeTakeFirstOrThrow();
    const pending = await pendingSchoolsOf(db, y.year, belowUnit);
    const late = daysBetween(y.deadline, today) > 0;
    const n = Number(total.n);
    out.push({ year: y.year, deadline: y.deadline, total: n, handedIn: n - pending.length, overdue: late ? pending.map((p) => p.name) : [], pending: late ? 0 : pending.length });
  }
  return out;
}

/**
 * The weekly digest to district staff who chose e-mail and to the group
 * robots, once per week (keyed by the week's Monday).
 */
export async function scheduleWeeklyDigest(db: Kysely<Database>, now = new Date()): Promise<number> {
  const clock = chinaClock(now);
  if (clock.weekday === 0 || (clock.weekday === DIGEST_WEEKDAY && clock.hour < DIGEST_HOUR)) return 0;
  const week = weekStart(now);
  const { email, groups } = await activeChannels(db);
  if (!email && groups.length === 0) return 0;
  // Group robots are the installation's channels: the whole installation's figures.
  const text = digestText(week, await digestFigures(db, now));
  const staff = email
    ? await db
        .selectFrom('users as u')
        .innerJoin('notification_preferences as p', 'p.user_id', 'u.id')
        .select(['u.id', 'p.email', 'u.org_unit_id'])
        .where('u.role', 'in', ['district_admin', 'district_viewer', 'city_admin', 'city_viewer'])
        .where('u.disabled_at', 'is', null)
        .where('p.email_enabled', '=', true)
        .where('p.email', '<>', '')
        .execute()
    : [];
  // Each staff member's e-mail covers their own subtree: a district its schools, the city every district.
  const textOf = new Map<number, ReturnType<typeof digestText>>();
  for (const unit of new Set(staff.map((s) => s.org_unit_id))) textOf.set(unit, digestText(week, await digestFigures(db, now, unit)));
  const entries: OutboxEntry[] = [
    ...staff.map((s) => ({ event: 'digest', channel: 'email' as const, recipient: s.email, recipientUserId: s.id, idempotencyKey: `digest:${week}:email:${s.id}`, ...textOf.get(s.org_unit_id)! })),
    ...groups.map((channel) => ({ event: 'digest', channel, idempotencyKey: `digest:${week}:${channel}`, ...text })),
  ];
  return db.transaction().execute((trx) => enqueue(trx, entries));
}
