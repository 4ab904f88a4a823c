import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { inspectorMayEdit, type InspectionState, type InspectionTeamInput } from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { orgUnitIdsInScope, schoolIdsInScope } from '../auth/scope';
import { userError } from '../trpc/error-messages';
import { invalidFields } from '../trpc/trpc';
import { openSchoolIdsIn } from './open-schools';

export interface TeamSchool {
  schoolId: number;
  code: string;
  name: string;
  /** The school's report of the team's year, once it exists. */
  reportId: number | null;
  reportStatus: string | null;
  state: InspectionState;
}

export interface InspectionTeam {
  id: number;
  year: number;
  name: string;
  members: { id: number; username: string; displayName: string }[];
  schools: TeamSchool[];
}

const teamNotFound = () => userError('NOT_FOUND', { zh: '找不到该考评组', en: 'Inspection team not found' });

/** The assigned schools of the given teams with their report and inspection state. */
async function schoolsOfTeams(db: Kysely<Database>, teamIds: number[], reportFilter?: (reportId: number) => boolean): Promise<Map<number, TeamSchool[]>> {
  const byTeam = new Map<number, TeamSchool[]>();
  if (teamIds.length === 0) return byTeam;
  const rows = await db
    .selectFrom('inspection_assignments as a')
    .innerJoin('inspection_teams as t', 't.id', 'a.team_id')
    .innerJoin('org_units as ou', 'ou.id', 'a.school_id')
    .leftJoin('reports as r', (join) => join.onRef('r.school_id', '=', 'a.school_id').onRef('r.year', '=', 't.year'))
    .leftJoin('inspection_reviews as iv', 'iv.report_id', 'r.id')
    .select(['a.team_id', 'a.school_id', 'ou.code', 'ou.name', 'r.id as report_id', 'r.status', 'iv.state'])
    .where('a.team_id', 'in', teamIds)
    .orderBy('ou.code')
    .execute();
  for (const r of rows) {
    const visible = r.report_id !== null && (!reportFilter || reportFilter(r.report_id));
    const school: TeamSchool = {
      schoolId: r.school_id,
      code: r.code,
      name: r.name,
      reportId: visible ? r.report_id : null,
      reportStatus: visible ? r.status : null,
      state: visible ? (r.state ?? 'assigned') : 'assigned',
    };
    byTeam.set(r.team_id, [...(byTeam.get(r.team_id) ?? []), school]);
  }
  return byTeam;
}

/** The district's teams of a year, the inspectors it may put in them and the schools it may assign. */
export async function listTeams(db: Kysely<Database>, actor: Actor, year: number) {
  const { down } = orgUnitIdsInScope(db, actor);
  const teams = await db.selectFrom('inspection_teams').select(['id', 'year', 'name']).where('year', '=', year).where('org_unit_id', 'in', down).orderBy('name').execute();
  const ids = teams.map((t) => t.id);
  const [members, schools, inspectors, candidates] = await Promise.all([
    ids.length
      ? db.selectFrom('inspection_team_members as m').innerJoin('users as u', 'u.id', 'm.user_id').select(['m.team_id', 'u.id', 'u.username', 'u.display_name']).where('m.team_id', 'in', ids).orderBy('u.username').execute()
      : Promise.resolve([]),
    schoolsOfTeams(db, ids),
    db.selectFrom('users').select(['id', 'username', 'display_name']).where('role', '=', 'inspector').where('disabled_at', 'is', null).where('org_unit_id', 'in', down).orderBy('username').execute(),
    db
      .selectFrom('org_units as ou')
      .select(['ou.id', 'ou.code', 'ou.name'])
      .where('ou.kind', '=', 'school')
      .where('ou.id', 'in', schoolIdsInScope(db, actor))
      .where('ou.id', 'in', openSchoolIdsIn(db, year))
      .orderBy('ou.code')
      .execute(),
  ]);
  return {
    year,
    teams: teams.map(
      (t): InspectionTeam => ({
        id: t.id,
        year: t.year,
        name: t.name,
        members: members.filter((m) => m.team_id === t.id).map((m) => ({ id: m.id, username: m.username, displayName: m.display_name })),
        schools: schools.get(t.id) ?? [],
      }),
    ),
    inspectors: inspectors.map((u) => ({ id: u.id, username: u.username, displayName: u.display_name })),
    schools: candidates,
  };
}

/** Creates or replaces a team: its name, members and schools (members are inspectors of the district, schools in its scope). */
export async function saveTeam(db: Kysely<Database>, who: { actor: Actor; ip: string }, input: InspectionTeamInput): Promise<{ id: number }> {
  const { actor } = who;
  const { down } = orgUnitIdsInScope(db, actor);
  const year = await db.selectFrom('reporting_years').select('year').where('year', '=', input.year).executeTakeFirst();
  if (!year) throw userError('NOT_FOUND', { zh: `没有 ${input.year} 年度`, en: `There is no reporting year ${input.year}` });
  const okMembers = input.memberIds.length
    ? await db.selectFrom('users').select('id').where('id', 'in', input.memberIds).where('role', '=', 'inspector').where('org_unit_id', 'in', down).execute()
    : [];
  const badMember = input.memberIds.find((id) => !okMembers.some((m) => m.id === id));
  if (badMember !== undefined) throw invalidFields([{ path: 'memberIds', message: `用户 ${badMember} 不是本区的考评组成员账号` }]);
  const okSchools = input.schoolIds.length ? await db.selectFrom('schools').select('id').where('id', 'in', input.schoolIds).where('id', 'in', schoolIdsInScope(db, actor)).execute() : [];
  const badSchool = input.schoolIds.find((id) => !okSchools.some((s) => s.id === id));
  if (badSchool !== undefined) throw invalidFields([{ path: 'schoolIds', message: `学校 ${badSchool} 不在本区` }]);

  return db.transaction().execute(async (trx) => {
    let id: number;
    if (input.id !== undefined) {
      const updated = await trx
        .updateTable('inspection_teams')
        .set({ name: input.name, year: input.year, updated_at: new Date() })
        .where('id', '=', input.id)
        .where('org_unit_id', 'in', orgUnitIdsInScope(trx, actor).down)
        .returning('id')
        .executeTakeFirst();
      if (!updated) throw teamNotFound();
      id = updated.id;
    } else {
      const clash = await trx.selectFrom('inspection_teams').select('id').where('org_unit_id', '=', actor.orgUnitId).where('year', '=', input.year).where('name', '=', input.name).executeTakeFirst();
      if (clash) throw invalidFields([{ path: 'name', message: `${input.year} 年度已有考评组“${input.name}”` }]);
      id = (await trx.insertInto('inspection_teams').values({ org_unit_id: actor.orgUnitId, year: input.year, name: input.name }).returning('id').executeTakeFirstOrThrow()).id;
    }
    await trx.deleteFrom('inspection_team_members').where('team_id', '=', id).execute();
    await trx.deleteFrom('inspection_assignments').where('team_id', '=', id).execute();
    if (input.memberIds.length) await trx.insertInto('inspection_team_members').values(input.memberIds.map((user_id) => ({ team_id: id, user_id }))).execute();
    if (input.schoolIds.length) await trx.insertInto('inspection_assignments').values(input.schoolIds.map((school_id) => ({ team_id: id, school_id }))).execute();
    await writeAudit(trx, who, { action: 'inspection_team_saved', entityType: 'inspection_team', entityId: id, details: { year: input.year, name: input.name, members: input.memberIds.length, schools: input.schoolIds.length } });
    return { id };
  });
}

export async function deleteTeam(db: Kysely<Database>, who: { actor: Actor; ip: string }, teamId: number): Promise<{ ok: true }> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('inspection_teams').where('id', '=', teamId).where('org_unit_id', 'in', orgUnitIdsInScope(trx, who.actor).down).returning(['id', 'name', 'year']).executeTakeFirst();
    if (!removed) throw teamNotFound();
    await writeAudit(trx, who, { action: 'inspection_team_deleted', entityType: 'inspection_team', entityId: removed.id, details: { year: removed.year, name: removed.name } });
    return { ok: true as const };
  });
}

/** An inspector's schools: every school of their teams, with the report once it is handed in. */
export async function mySchools(db: Kysely<Database>, actor: Actor, year?: number) {
  let query = db
    .selectFrom('inspection_teams as t')
    .innerJoin('inspection_team_members as m', 'm.team_id', 't.id')
    .select(['t.id', 't.name', 't.year'])
    .where('m.user_id', '=', actor.userId);
  if (year !== undefined) query = query.where('t.year', '=', year);
  const teams = await query.orderBy('t.year', 'desc').orderBy('t.name').execute();
  // Drafts of the assigned schools are listed without their report: the inspector never opens them.
  const readable = new Set((await readableReportIds(db, actor).execute()).map((r) => r.id));
  const schools = await schoolsOfTeams(
    db,
    teams.map((t) => t.id),
    (id) => readable.has(id),
  );
  return teams.map((t) => ({ id: t.id, name: t.name, year: t.year, schools: (schools.get(t.id) ?? []).map((s) => ({ ...s, editable: s.reportId !== null && inspectorMayEdit(s.state) })) }));
}
