import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '@union/db';
import { schoolStages, typesOfStage, type GroupFilter } from '@union/domain';
import type { Actor } from '../auth/actor';
import { orgUnitIdsInScope, schoolIdsInScope } from '../auth/scope';
import { userError } from '../trpc/error-messages';

/*
 * School groups on the server. Filters are subqueries of school ids put
 * inside the dashboard queries, next to (never instead of) the open-school
 * rule (open-schools.ts) and the caller's scope: a group narrows the schools
 * that count, it never adds any.
 */

type Db = Kysely<Database> | Transaction<Database>;

/** Ids of the schools in the group a filter names, as a subquery. */
export function schoolIdsInGroup(db: Db, filter: GroupFilter) {
  const schools = db.selectFrom('schools as g_s').select('g_s.id');
  switch (filter.set) {
    case 'stage':
      return schools.where('g_s.school_type', 'in', typesOfStage(filter.value));
    case 'locality':
      return schools.where('g_s.locality', '=', filter.value);
    case 'ownership':
      return schools.where('g_s.ownership', '=', filter.value);
    case 'groups':
      return db.selectFrom('school_group_members as g_m').select('g_m.school_id as id').where('g_m.group_id', '=', filter.value);
  }
}

/** SQL for a school's stage key (the domain's stageOf), for GROUP BY. */
export function stageKeySql(typeColumn: string) {
  const cases = schoolStages.flatMap((stage) => typesOfStage(stage).map((type) => sql`when ${type} then ${stage}`));
  return sql<string>`case ${sql.ref(typeColumn)} ${sql.join(cases, sql` `)} end`;
}

/** The district groups the actor's area has (their district's, seen from any level below it). */
export function visibleGroups(db: Db, actor: Actor) {
  const { down, up } = orgUnitIdsInScope(db, actor);
  return db
    .selectFrom('school_groups as g')
    .where((eb) => eb.or([eb('g.district_id', 'in', up), eb('g.district_id', 'in', down)]));
}

/** The groups of the actor's district, with the members the actor may see, by name. */
export async function listSchoolGroups(db: Kysely<Database>, actor: Actor) {
  const [groups, members] = await Promise.all([
    visibleGroups(db, actor).select(['g.id', 'g.name', 'g.description']).orderBy('g.name').execute(),
    visibleGroups(db, actor)
      .innerJoin('school_group_members as m', 'm.group_id', 'g.id')
      .select(['m.group_id', 'm.school_id'])
      .where('m.school_id', 'in', schoolIdsInScope(db, actor))
      .execute(),
  ]);
  return groups.map((g) => ({ id: g.id, name: g.name, description: g.description, schoolIds: members.filter((m) => m.group_id === g.id).map((m) => m.school_id).sort((a, b) => a - b) }));
}

/** (id, name) of the visible groups, for group-by rows. */
export async function groupNames(db: Kysely<Database>, actor: Actor): Promise<{ id: number; name: string }[]> {
  return visibleGroups(db, actor).select(['g.id', 'g.name']).orderBy('g.name').execute();
}

/**
 * A chair sees district aggregates, never another school's figures; a group
 * can be one or two schools, so its total or median would be theirs. Group
 * filters and group-bys of aggregates are for district staff and reviewers.
 */
export function assertMayGroupAggregates(actor: Actor, asked: { group?: unknown; by?: unknown }): void {
  if (actor.role === 'school_chair' && (asked.group !== undefined || asked.by !== undefined)) {
    throw userError('FORBIDDEN', { zh: '分组筛选和分组汇总仅供区工会和片区审核员使用', en: 'Group filters and group summaries are for district staff and cluster reviewers' });
  }
}

const groupNotFound = () => userError('NOT_FOUND', { zh: '找不到该分组', en: 'Group not found' });

/** A group the admin may change: one owned by their own unit or below it. */
async function ownGroup(trx: Transaction<Database>, actor: Actor, id: number) {
  const { down } = orgUnitIdsInScope(trx, actor);
  const group = await trx.selectFrom('school_groups').select(['id', 'name', 'description']).where('id', '=', id).where('district_id', 'in', down).executeTakeFirst();
  if (!group) throw groupNotFound();
  return group;
}

async function assertNameFree(trx: Transaction<Database>, actor: Actor, name: string, exceptId?: number) {
  let query = trx.selectFrom('school_groups').select('id').where('district_id', '=', actor.orgUnitId).where('name', '=', name);
  if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst()) throw userError('CONFLICT', { zh: `分组名称：已有名为「${name}」的分组`, en: `Group name: a group called “${name}” already exists` });
}

/** Creates (no id) or renames a group of the admin's district; returns the id and what changed. */
export async function saveSchoolGroup(trx: Transaction<Database>, actor: Actor, input: { id?: number | undefined; groupName: string; description: string }) {
  if (input.id === undefined) {
    await assertNameFree(trx, actor, input.groupName);
    const row = await trx
      .insertInto('school_groups')
      .values({ district_id: actor.orgUnitId, name: input.groupName, description: input.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, before: null };
  }
  const before = await ownGroup(trx, actor, input.id);
  await assertNameFree(trx, actor, input.groupName, input.id);
  await trx.updateTable('school_groups').set({ name: input.groupName, description: input.description }).where('id', '=', input.id).execute();
  return { id: input.id, before };
}

export async function deleteSchoolGroup(trx: Transaction<Database>, actor: Actor, id: number) {
  const group = await ownGroup(trx, actor, id);
  await trx.deleteFrom('school_groups').where('id', '=', id).execute();
  return group;
}

/**
 * Replaces a group's members. Every id must be a school in the admin's scope
 * (an unknown or out-of-scope id is refused as not found, like elsewhere);
 * members outside the admin's scope stay untouched.
 */
export async function setSchoolGroupMembers(trx: Transaction<Database>, actor: Actor, id: number, schoolIds: readonly number[]) {
  const group = await ownGroup(trx, actor, id);
  const wanted = [...new Set(schoolIds)];
  if (wanted.length) {
    const found = await trx.selectFrom('schools').select('id').where('id', 'in', wanted).where('id', 'in', schoolIdsInScope(trx, actor)).execute();
    if (found.length !== wanted.length) throw userError('NOT_FOUND', { zh: '学校：找不到其中的一所或多所学校', en: 'Schools: one or more schools were not found' });
  }
  const before = await trx.selectFrom('school_group_members').select('school_id').where('group_id', '=', id).where('school_id', 'in', schoolIdsInScope(trx, actor)).execute();
  await trx.deleteFrom('school_group_members').where('group_id', '=', id).where('school_id', 'in', schoolIdsInScope(trx, actor)).execute();
  if (wanted.length) await trx.insertInto('school_group_members').values(wanted.map((schoolId) => ({ group_id: id, school_id: schoolId }))).execute();
  const old = new Set(before.map((b) => b.school_id));
  return { name: group.name, added: wanted.filter((s) => !old.has(s)), removed: [...old].filter((s) => !wanted.includes(s)) };
}
