import type { Transaction } from 'kysely';
import type { Database } from '@union/db';
import { canBeChildOf, type SchoolType } from '@union/domain';
import type { Actor } from '../auth/actor';
import { orgUnitIdsInScope } from '../auth/scope';
import { userError } from '../trpc/error-messages';

export interface SchoolInput {
  code: string;
  name: string;
  schoolType: SchoolType;
  parentId: number;
  staffCount: number;
  memberCount: number;
  active: boolean;
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

export async function createSchool(trx: Transaction<Database>, actor: Actor, input: SchoolInput): Promise<number> {
  await assertValidParent(trx, actor, input.parentId);
  await assertCodeFree(trx, input.code);
  const unit = await trx
    .insertInto('org_units')
    .values({ kind: 'school', code: input.code, name: input.name, parent_id: input.parentId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('schools')
    .values({ id: unit.id, school_type: input.schoolType, staff_count: input.staffCount, member_count: input.memberCount, active: input.active })
    .execute();
  return unit.id;
}

/** Updates a school in the actor's scope and returns what it was before (for the audit trail). */
export async function updateSchool(trx: Transaction<Database>, actor: Actor, id: number, input: SchoolInput) {
  const { down } = orgUnitIdsInScope(trx, actor);
  const before = await trx
    .selectFrom('schools as s')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .select(['ou.code', 'ou.name', 's.school_type', 'ou.parent_id', 's.staff_count', 's.member_count', 's.active'])
    .where('s.id', '=', id)
    .where('s.id', 'in', down)
    .executeTakeFirst();
  if (!before) throw userError('NOT_FOUND', { zh: '找不到这所学校', en: 'School not found' });
  await assertValidParent(trx, actor, input.parentId);
  await assertCodeFree(trx, input.code, id);
  await trx.updateTable('org_units').set({ code: input.code, name: input.name, parent_id: input.parentId }).where('id', '=', id).execute();
  await trx
    .updateTable('schools')
    .set({ school_type: input.schoolType, staff_count: input.staffCount, member_count: input.memberCount, active: input.active })
    .where('id', '=', id)
    .execute();
  return before;
}
