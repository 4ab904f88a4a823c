import type { Transaction } from 'kysely';
import type { Database } from '@union/db';
import { canBeChildOf, lifeSpanProblem, mergeProblem, type Locality, type MessageText, type Ownership, type SchoolType } from '@union/domain';
import type { Actor } from '../auth/actor';
import { orgUnitIdsInScope } from '../auth/scope';
import { currentReportingYear } from './schools';
import { schoolNotFound, userError } from '../trpc/error-messages';

export interface SchoolInput {
  code: string;
  name: string;
  schoolType: SchoolType;
  parentId: number;
  staffCount: number;
  memberCount: number;
  /** First reporting year; a new school defaults to the current reporting year, an update keeps it. */
  openedYear?: number | undefined;
  /** Last reporting year of a closed school; null reopens it; undefined keeps it (or follows `active`). */
  closedYear?: number | null | undefined;
  /** Older callers: false = deactivate (= close, see closingYearOnDeactivation), true = reopen. */
  active?: boolean | undefined;
  /** School groups (0016); undefined keeps what is stored. */
  locality?: Locality | null | undefined;
  ownership?: Ownership | undefined;
}

async function assertValidParent(trx: Transaction<Database>, actor: Actor, parentId: number): Promise<void> {
  const { down } = orgUnitIdsInScope(trx, actor);
  const parent = await trx.selectFrom('org_units').select(['kind']).where('id', '=', parentId).where('id', 'in', down).executeTakeFirst();
  if (!parent || !canBeChildOf('school', parent.kind)) {
    throw userError('BAD_REQUEST', { zh: '所属片区无效：学校只能隶属于本区或本区的片区', en: 'Invalid parent: a school belongs to this district or one of its clusters' });
  }
}

async function assertCodeFree(trx: Transaction<Database>, code: string, exceptId?: number): Promise<void> {
  let query = trx.selectFrom('org_units').select('id').where('code', '=', code);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw userError('CONFLICT', { zh: `学校代码 ${code} 已被使用`, en: `School code ${code} is already in use` });
}

const badRequest = (message: MessageText) => userError('BAD_REQUEST', message);

/** First and last year of the school's reports that were handed in (submitted or approved). */
async function handedInYears(trx: Transaction<Database>, schoolId: number) {
  const row = await trx
    .selectFrom('reports')
    .select((eb) => [eb.fn.min('year').as('first'), eb.fn.max('year').as('last')])
    .where('school_id', '=', schoolId)
    .where('status', 'in', ['submitted', 'approved'])
    .executeTakeFirst();
  return { first: row?.first ?? null, last: row?.last ?? null };
}

/**
 * Deactivating a school closes it "from now on": it is no longer expected
 * from the current reporting year, but every year it handed a report in stays
 * counted. So its closing year is the later of the year before the current
 * reporting year and its last handed-in report (never before its opening).
 */
async function closingYearOnDeactivation(trx: Transaction<Database>, schoolId: number | null, openedYear: number): Promise<number> {
  const current = (await currentReportingYear(trx)) ?? new Date().getFullYear();
  const last = schoolId === null ? null : (await handedInYears(trx, schoolId)).last;
  return Math.max(openedYear, current - 1, last ?? -Infinity);
}

/** Resolves the life span an input asks for and checks it against the school's handed-in reports. */
async function resolveLifeSpan(
  trx: Transaction<Database>,
  schoolId: number | null,
  input: SchoolInput,
  before: { openedYear: number; closedYear: number | null } | null,
): Promise<{ openedYear: number; closedYear: number | null }> {
  const openedYear = input.openedYear ?? before?.openedYear ?? (await currentReportingYear(trx)) ?? new Date().getFullYear();
  let closedYear: number | null;
  if (input.closedYear !== undefined && !(input.closedYear === null && input.active === false)) {
    if (input.closedYear !== null && input.active === true) throw badRequest({ zh: '停办年度：已填写停办年度的学校不能同时设为“在用”', en: 'Closing year: a school with a closing year cannot also be in use' });
    closedYear = input.closedYear;
  } else if (input.active === false) {
    closedYear = before?.closedYear ?? (await closingYearOnDeactivation(trx, schoolId, openedYear));
  } else if (input.active === true) {
    closedYear = null;
  } else {
    closedYear = before?.closedYear ?? null;
  }
  const problem = lifeSpanProblem({ openedYear, closedYear });
  if (problem) throw badRequest(problem.message);
  if (schoolId !== null) {
    const years = await handedInYears(trx, schoolId);
    if (years.first !== null && openedYear > years.first) throw badRequest({ zh: `开办年度：该校已交 ${years.first} 年度年报，开办年度不能晚于 ${years.first} 年`, en: `Opening year: the school handed in a report for ${years.first}, so it cannot open later than ${years.first}` });
    if (years.last !== null && closedYear !== null && closedYear < years.last) {
      throw badRequest({ zh: `停办年度：该校已交 ${years.last} 年度年报，停办年度不能早于 ${years.last} 年`, en: `Closing year: the school handed in a report for ${years.last}, so it cannot close before ${years.last}` });
    }
  }
  return { openedYear, closedYear };
}

export async function createSchool(trx: Transaction<Database>, actor: Actor, input: SchoolInput): Promise<number> {
  await assertValidParent(trx, actor, input.parentId);
  await assertCodeFree(trx, input.code);
  const span = await resolveLifeSpan(trx, null, input, null);
  const unit = await trx
    .insertInto('org_units')
    .values({ kind: 'school', code: input.code, name: input.name, parent_id: input.parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('schools')
    .values({
      id: unit.id,
      school_type: input.schoolType,
      staff_count: input.staffCount,
      member_count: input.memberCount,
      opened_year: span.openedYear,
      closed_year: span.closedYear,
      active: span.closedYear === null,
      locality: input.locality ?? null,
      ownership: input.ownership ?? 'public',
    })
    .execute();
  return unit.id;
}

/** Updates a school in the actor's scope; returns what it was before and after (for the audit trail). */
export async function updateSchool(trx: Transaction<Database>, actor: Actor, id: number, input: SchoolInput) {
  const { down } = orgUnitIdsInScope(trx, actor);
  const before = await trx
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .select(['ou.code', 'ou.name', 's.school_type', 'ou.parent_id', 's.staff_count', 's.member_count', 's.active', 's.opened_year', 's.closed_year', 's.locality', 's.ownership'])
    .where('s.id', '=', id)
    .where('s.id', 'in', down)
    .executeTakeFirst();
  if (!before) throw schoolNotFound();
  await assertValidParent(trx, actor, input.parentId);
  await assertCodeFree(trx, input.code, id);
  const span = await resolveLifeSpan(trx, id, input, { openedYear: before.opened_year, closedYear: before.closed_year });
  await trx.updateTable('org_units').set({ code: input.code, name: input.name, parent_id: input.parentId }).where('id', '=', id).execute();
  await trx
    .updateTable('schools')
    .set({
      school_type: input.schoolType,
      staff_count: input.staffCount,
      member_count: input.memberCount,
      opened_year: span.openedYear,
      closed_year: span.closedYear,
      active: span.closedYear === null,
      ...(input.locality !== undefined ? { locality: input.locality } : {}),
      ...(input.ownership !== undefined ? { ownership: input.ownership } : {}),
    })
    .where('id', '=', id)
    .execute();
  return { before, after: { ...input, ...span, active: span.closedYear === null } };
}

/**
 * Records "predecessor was merged into successor in `year`": the predecessor
 * closes after year − 1 (if it was still open) and the successor's trend line
 * carries the predecessor's earlier years (dashboard-trend.ts).
 */
export async function recordMerge(trx: Transaction<Database>, actor: Actor, input: { predecessorId: number; successorId: number; year: number }) {
  const { down } = orgUnitIdsInScope(trx, actor);
  const schools = await trx
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .select(['s.id', 'ou.name', 's.opened_year', 's.closed_year'])
    .where('s.id', 'in', [input.predecessorId, input.successorId])
    .where('s.id', 'in', down)
    .execute();
  const predecessor = schools.find((s) => s.id === input.predecessorId);
  const successor = schools.find((s) => s.id === input.successorId);
  if (!predecessor || !successor) throw schoolNotFound();
  const existing = await trx.selectFrom('school_merges').select(['successor_id', 'year']).where('predecessor_id', '=', predecessor.id).executeTakeFirst();
  if (existing) throw userError('CONFLICT', { zh: `${predecessor.name}已记录于 ${existing.year} 年并入其他学校`, en: `${predecessor.name} is already recorded as merged in ${existing.year}` });
  const span = (s: typeof predecessor) => ({ id: s.id, openedYear: s.opened_year, closedYear: s.closed_year });
  const problem = mergeProblem(span(predecessor), span(successor), input.year);
  if (problem) throw badRequest(problem.message);
  const last = (await handedInYears(trx, predecessor.id)).last;
  if (last !== null && last >= input.year) throw badRequest({ zh: `并入年度：${predecessor.name}已交 ${last} 年度年报，并入年度应晚于 ${last} 年`, en: `Merger year: ${predecessor.name} handed in a report for ${last}, so the merger must come after ${last}` });
  await trx.insertInto('school_merges').values({ predecessor_id: predecessor.id, successor_id: successor.id, year: input.year }).execute();
  await trx.updateTable('schools').set({ closed_year: input.year - 1, active: false }).where('id', '=', predecessor.id).execute();
  return { predecessor: predecessor.name, successor: successor.name, closedYear: input.year - 1 };
}
