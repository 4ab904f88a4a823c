import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { DEMO_PASSWORD } from '@union/db/seed';
import { defaultRubric } from '@union/domain';
import type { Actor } from '../src/auth/actor';
import { appRouter } from '../src/routers/index';
import { actorFor } from './actors';

/**
 * Who may call each procedure, and a valid, harmless input for it: shared by
 * the access matrix (every procedure × every role) and the bad-input test
 * (every procedure × malformed variants of that input).
 */

export const whos = ['anonymous', 'chairA', 'chairB', 'viewer', 'admin'] as const;
export type Who = (typeof whos)[number];
const everyone: Who[] = [...whos];
const loggedIn: Who[] = ['chairA', 'chairB', 'viewer', 'admin'];
const districtAndChairA: Who[] = ['chairA', 'viewer', 'admin'];
const adminOnly: Who[] = ['admin'];
const districtOnly: Who[] = ['viewer', 'admin'];
const chairAOnly: Who[] = ['chairA'];

export interface Fixture {
  schoolA: number;
  districtId: number;
  clusterId: number;
  spareUserId: number;
  openYear: number;
  reportA: { id: number; version: number };
  /** A reminder sent to school A (only chair A may mark it read). */
  reminderA: number;
  unique: () => string;
}

export interface ProcedureRow {
  allowed: Who[];
  input?: (f: Fixture) => unknown;
}

/**
 * Who may call what. Every procedure of the router must have a row, so a new
 * procedure cannot slip in without a decision. Inputs are valid and harmless
 * for the allowed callers; data of school A is used so chair B must be refused.
 */
export const procedureRows: Record<string, ProcedureRow> = {
  'auth.login': { allowed: everyone, input: () => ({ username: 'viewer', password: DEMO_PASSWORD }) },
  'auth.logout': { allowed: everyone },
  'auth.me': { allowed: everyone },
  'auth.changePassword': { allowed: loggedIn, input: () => ({ currentPassword: 'wrong-password-1', newPassword: 'NewPass2027' }) },
  'schools.list': { allowed: loggedIn, input: () => ({}) },
  'schools.get': { allowed: districtAndChairA, input: (f) => ({ id: f.schoolA }) },
  'schools.orgTree': { allowed: loggedIn },
  'schools.create': {
    allowed: adminOnly,
    input: (f) => ({ code: `M${f.unique()}`, name: `矩阵测试学校${f.unique()}`, schoolType: 'primary', parentId: f.clusterId, staffCount: 40, memberCount: 38 }),
  },
  'schools.update': {
    allowed: adminOnly,
    input: (f) => ({ id: f.schoolA, school: { code: 'S01', name: '示范区实验小学', schoolType: 'primary', parentId: f.clusterId, staffCount: 144, memberCount: 144 } }),
  },
  'catalogue.list': { allowed: loggedIn },
  'reports.years': { allowed: loggedIn },
  'reports.get': { allowed: districtAndChairA, input: (f) => ({ schoolId: f.schoolA, year: f.openYear }) },
  'users.list': { allowed: adminOnly },
  'users.create': {
    allowed: adminOnly,
    input: (f) => ({ username: `m${f.unique()}`, displayName: '矩阵测试', role: 'district_viewer', orgUnitId: f.districtId, temporaryPassword: 'Temp2026x' }),
  },
  'users.update': { allowed: adminOnly, input: (f) => ({ id: f.spareUserId, displayName: '备用账号', role: 'district_viewer', orgUnitId: f.districtId }) },
  'users.resetPassword': { allowed: adminOnly, input: (f) => ({ id: f.spareUserId, temporaryPassword: 'Temp2026y' }) },
  'users.setDisabled': { allowed: adminOnly, input: (f) => ({ id: f.spareUserId, disabled: false }) },
  'audit.list': { allowed: adminOnly, input: () => ({}) },
  'reports.save': {
    allowed: chairAOnly,
    input: (f) => ({ schoolId: f.schoolA, year: f.openYear, baseVersion: f.reportA.version, values: {}, narrative: { achievements: '', shortcomings: '', plans: '' }, honours: [] }),
  },
  'reports.submit': { allowed: chairAOnly, input: (f) => ({ schoolId: f.schoolA, year: f.openYear, version: f.reportA.version }) },
  'reports.valueHistory': { allowed: districtAndChairA, input: (f) => ({ reportId: f.reportA.id, code: 'sick_visits' }) },
  'review.queue': { allowed: districtOnly, input: (f) => ({ year: f.openYear }) },
  'review.completeness': { allowed: districtOnly, input: (f) => ({ year: f.openYear }) },
  // A stale version: the access check passes for the admin, then CONFLICT changes nothing.
  'review.return': { allowed: adminOnly, input: (f) => ({ reportId: f.reportA.id, version: 999, comment: '请核实' }) },
  'review.approve': { allowed: adminOnly, input: (f) => ({ reportId: f.reportA.id, version: 999 }) },
  'review.reopen': { allowed: adminOnly, input: (f) => ({ reportId: f.reportA.id, version: 999, comment: '数据有误，需要更正' }) },
  'review.remind': { allowed: adminOnly, input: (f) => ({ year: f.openYear, message: '请尽快提交年报' }) },
  'years.create': { allowed: adminOnly, input: () => ({ year: 2090, deadline: '2091-01-15' }) },
  'years.update': { allowed: adminOnly, input: (f) => ({ year: f.openYear, deadline: `${f.openYear + 1}-01-15`, isOpen: true, publishedToChairs: false }) },
  'excel.exportYear': { allowed: districtOnly, input: (f) => ({ year: f.openYear }) },
  'excel.exportSchoolHistory': { allowed: districtAndChairA, input: (f) => ({ schoolId: f.schoolA }) },
  'excel.exportComparison': { allowed: districtOnly, input: (f) => ({ year: f.openYear, codes: ['sick_visits'] }) },
  'excel.exportSchoolProfile': { allowed: districtAndChairA, input: (f) => ({ schoolId: f.schoolA }) },
  // Not a workbook: the access check passes for the admin, then the file is refused.
  'excel.previewImport': { allowed: adminOnly, input: (f) => ({ year: f.openYear, file: 'bm90IGEgd29ya2Jvb2s=' }) },
  'excel.applyImport': { allowed: adminOnly, input: (f) => ({ year: f.openYear, file: 'bm90IGEgd29ya2Jvb2s=' }) },
  'dashboard.overview': { allowed: loggedIn, input: (f) => ({ year: f.openYear }) },
  // Chairs compare schools only once a year is published to them.
  'dashboard.comparison': { allowed: districtOnly, input: (f) => ({ year: f.openYear, codes: ['sick_visits'] }) },
  'dashboard.heatmap': { allowed: districtOnly, input: (f) => ({ year: f.openYear }) },
  'dashboard.progress': { allowed: districtOnly, input: (f) => ({ year: f.openYear }) },
  'dashboard.trend': { allowed: loggedIn, input: () => ({ code: 'sick_visits' }) },
  'dashboard.schoolProfile': { allowed: districtAndChairA, input: (f) => ({ schoolId: f.schoolA }) },
  'dashboard.highlights': { allowed: loggedIn, input: (f) => ({ year: f.openYear }) },
  'rubric.get': { allowed: loggedIn, input: (f) => ({ year: f.openYear }) },
  'rubric.save': { allowed: adminOnly, input: (f) => ({ year: f.openYear, rubric: defaultRubric }) },
  // Self-scores are the chair's, acceptance scores the admin's: each role is refused the other's.
  'rubric.assess': { allowed: ['admin'], input: (f) => ({ reportId: f.reportA.id, kind: 'acceptance', score: 88, note: '' }) },
  'rubric.assessment': { allowed: districtAndChairA, input: (f) => ({ reportId: f.reportA.id }) },
  'narratives.extract': { allowed: loggedIn, input: (f) => ({ year: f.openYear, source: { kind: 'text', text: '全年慰问生病教职工12人次。' } }) },
  'narratives.search': { allowed: districtOnly, input: () => ({ query: '送温暖' }) },
  'reminders.mine': { allowed: loggedIn },
  // Another school's reminder is NOT_FOUND, like a missing one.
  'reminders.markRead': { allowed: chairAOnly, input: (f) => ({ id: f.reminderA }) },
};

export function procedurePaths(): string[] {
  return Object.keys((appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures).sort();
}

/** The callers and data both tests use, on a seeded demo district. */
export async function prepareFixture(db: Kysely<Database>, tag: string): Promise<{ fixture: Fixture; actors: Map<Who, Actor | null> }> {
  const chairA = await actorFor(db, 'chair01');
  const chairB = await actorFor(db, 'chair02');
  const admin = await actorFor(db, 'admin');
  const actors = new Map<Who, Actor | null>();
  actors.set('anonymous', null).set('chairA', chairA).set('chairB', chairB).set('viewer', await actorFor(db, 'viewer')).set('admin', admin);
  const cluster = await db.selectFrom('org_units').select('id').where('kind', '=', 'cluster').orderBy('code').executeTakeFirstOrThrow();
  const spare = await db.selectFrom('users').select('id').where('username', '=', 'chair30').executeTakeFirstOrThrow();
  // A spare district account for the user-admin procedures to act on.
  await db.updateTable('users').set({ role: 'district_viewer', org_unit_id: admin.orgUnitId }).where('id', '=', spare.id).execute();
  const openYear = await db.selectFrom('reporting_years').select('year').where('is_open', '=', true).executeTakeFirstOrThrow();
  const reportA = await db
    .selectFrom('reports')
    .select(['id', 'version'])
    .where('school_id', '=', chairA.schoolId!)
    .where('year', '=', openYear.year)
    .executeTakeFirstOrThrow();
  const reminder = await db
    .insertInto('reminders')
    .values({ year: openYear.year, school_id: chairA.schoolId!, message: '请尽快提交年报', created_by: admin.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  let counter = 0;
  const fixture: Fixture = {
    schoolA: chairA.schoolId!,
    districtId: admin.orgUnitId,
    clusterId: cluster.id,
    spareUserId: spare.id,
    openYear: openYear.year,
    reportA,
    reminderA: reminder.id,
    unique: () => `${tag}${++counter}`,
  };
  return { fixture, actors };
}
