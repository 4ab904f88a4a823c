import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { DEMO_PASSWORD } from '@union/db/seed';
import { defaultRubric, rubricV1ToV2 } from '@union/domain';
import type { Actor } from '../src/auth/actor';
import { hashOfReport } from '../src/documents/report-document';
import { codeOfHash } from '../src/documents/verification-code';
import { appRouter } from '../src/routers/index';
import { getReport } from '../src/services/reports';
import { actorFor } from './actors';

/**
 * Who may call each procedure, and a valid, harmless input for it: shared by
 * the access matrix (every procedure × every role) and the bad-input test
 * (every procedure × malformed variants of that input).
 */

/**
 * reviewerA: the cluster reviewer of school A's cluster; reviewerB: another cluster's reviewer;
 * cityAdmin / cityViewer: the city union's staff (市教育工会), one level above the district;
 * inspector: a 考评组 member whose team is assigned school A in the open year (demo `inspector1`).
 */
export const whos = ['anonymous', 'chairA', 'chairB', 'viewer', 'admin', 'reviewerA', 'reviewerB', 'cityAdmin', 'cityViewer', 'inspector'] as const;
export type Who = (typeof whos)[number];
const everyone: Who[] = [...whos];
const loggedIn: Who[] = ['chairA', 'chairB', 'viewer', 'admin', 'reviewerA', 'reviewerB', 'cityAdmin', 'cityViewer', 'inspector'];
/** Everyone logged in but inspectors, who may call only their inspection work (src/auth/inspector-access.ts). */
const notInspectors: Who[] = loggedIn.filter((w) => w !== 'inspector');
/** City staff read (never change) what district staff read, in every district. */
const cityStaff: Who[] = ['cityAdmin', 'cityViewer'];
/** School A's data: its chair, district staff, the reviewer of its cluster and city staff (report A is handed in). */
const schoolAReaders: Who[] = ['chairA', 'viewer', 'admin', 'reviewerA', ...cityStaff];
const adminOnly: Who[] = ['admin'];
/** What the district admin and the city admin both manage: accounts and the audit log of their subtree, the common years. */
const orgAdmins: Who[] = ['admin', 'cityAdmin'];
const districtOnly: Who[] = ['viewer', 'admin', ...cityStaff];
const chairAOnly: Who[] = ['chairA'];
/** District staff and every cluster reviewer (each sees only its own cluster): review area, comparisons. */
const districtAndReviewers: Who[] = ['viewer', 'admin', 'reviewerA', 'reviewerB', ...cityStaff];
const reviewers: Who[] = ['admin', 'reviewerA', 'reviewerB'];

export interface Fixture {
  schoolA: number;
  districtId: number;
  clusterId: number;
  spareUserId: number;
  openYear: number;
  reportA: { id: number; version: number };
  /** A reminder sent to school A (only chair A may mark it read). */
  reminderA: number;
  /** A merge the demo already records (S13 into S31 in 2025): recording it again is a harmless CONFLICT. */
  recordedMerge: { predecessorId: number; successorId: number; year: number };
  /** The verification code of school A's approved report of the year before the open one. */
  paperCodeA: string;
  /** An evidence file on school A's open-year report. */
  evidenceA: number;
  /** A demo district group with its members (saving it unchanged is harmless), and a spare one to delete. */
  groupA: { id: number; groupName: string; description: string; schoolIds: number[] };
  spareGroup: number;
  /** An empty 考评组 for the admin to delete. */
  spareTeamId: number;
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
  'schools.list': { allowed: notInspectors, input: () => ({}) },
  'schools.get': { allowed: schoolAReaders, input: (f) => ({ id: f.schoolA }) },
  'schools.orgTree': { allowed: notInspectors },
  'schools.create': {
    allowed: adminOnly,
    input: (f) => ({ code: `M${f.unique()}`, name: `矩阵测试学校${f.unique()}`, schoolType: 'primary', parentId: f.clusterId, staffCount: 40, memberCount: 38 }),
  },
  'schools.update': {
    allowed: adminOnly,
    input: (f) => ({ id: f.schoolA, school: { code: 'S01', name: '示范区实验小学', schoolType: 'primary', parentId: f.clusterId, staffCount: 144, memberCount: 144 } }),
  },
  'schools.recordMerge': { allowed: adminOnly, input: (f) => f.recordedMerge },
  'catalogue.list': { allowed: loggedIn },
  'reports.years': { allowed: loggedIn },
  'reports.get': { allowed: schoolAReaders, input: (f) => ({ schoolId: f.schoolA, year: f.openYear }) },
  'users.list': { allowed: orgAdmins },
  'users.create': {
    allowed: orgAdmins,
    input: (f) => ({ username: `m${f.unique()}`, displayName: '矩阵测试', role: 'district_viewer', orgUnitId: f.districtId, temporaryPassword: 'Temp2026x' }),
  },
  'users.update': { allowed: orgAdmins, input: (f) => ({ id: f.spareUserId, displayName: '备用账号', role: 'district_viewer', orgUnitId: f.districtId }) },
  'users.resetPassword': { allowed: orgAdmins, input: (f) => ({ id: f.spareUserId, temporaryPassword: 'Temp2026y' }) },
  'users.setDisabled': { allowed: orgAdmins, input: (f) => ({ id: f.spareUserId, disabled: false }) },
  'audit.list': { allowed: orgAdmins, input: () => ({}) },
  'reports.save': {
    allowed: chairAOnly,
    input: (f) => ({
      schoolId: f.schoolA,
      year: f.openYear,
      baseVersion: f.reportA.version,
      values: {},
      narrative: { achievements: '', shortcomings: '', plans: '' },
      honours: [],
      sources: { sick_visits: { value: 3, document: '总结.docx', excerpts: [{ sentence: '全年探望病患3人次。', figureStart: 6, figureEnd: 9 }] } },
    }),
  },
  'reports.submit': { allowed: chairAOnly, input: (f) => ({ schoolId: f.schoolA, year: f.openYear, version: f.reportA.version }) },
  'reports.valueHistory': { allowed: schoolAReaders, input: (f) => ({ reportId: f.reportA.id, code: 'sick_visits' }) },
  'review.queue': { allowed: districtAndReviewers, input: (f) => ({ year: f.openYear }) },
  'review.completeness': { allowed: districtAndReviewers, input: (f) => ({ year: f.openYear }) },
  // A stale version: the access check passes for the admin (and school A's cluster reviewer), then a refusal changes nothing;
  // the other cluster's reviewer gets NOT_FOUND, like a report that does not exist.
  'review.return': { allowed: ['admin', 'reviewerA'], input: (f) => ({ reportId: f.reportA.id, version: 999, comment: '请核实' }) },
  'review.approve': { allowed: ['admin', 'reviewerA'], input: (f) => ({ reportId: f.reportA.id, version: 999 }) },
  // Out-of-scope reports are left out of the preview and listed as refused by approveMany: no school name leaks.
  'review.approvalPreview': { allowed: reviewers, input: (f) => ({ year: f.openYear, reportIds: [f.reportA.id] }) },
  'review.approveMany': { allowed: reviewers, input: (f) => ({ reports: [{ reportId: f.reportA.id, version: 999 }] }) },
  'review.reopen': { allowed: adminOnly, input: (f) => ({ reportId: f.reportA.id, version: 999, comment: '数据有误，需要更正', unlockField: 'values.sick_visits' }) },
  'review.edits': { allowed: schoolAReaders, input: (f) => ({ reportId: f.reportA.id }) },
  'review.remind': { allowed: adminOnly, input: (f) => ({ year: f.openYear, message: '请尽快提交年报' }) },
  'years.create': { allowed: orgAdmins, input: () => ({ year: 2090, deadline: '2091-01-15' }) },
  'years.update': { allowed: orgAdmins, input: (f) => ({ year: f.openYear, deadline: `${f.openYear + 1}-01-15`, isOpen: true, publishedToChairs: false }) },
  'excel.exportYear': { allowed: districtOnly, input: (f) => ({ year: f.openYear }) },
  'excel.exportSchoolHistory': { allowed: schoolAReaders, input: (f) => ({ schoolId: f.schoolA }) },
  'excel.exportComparison': { allowed: districtAndReviewers, input: (f) => ({ year: f.openYear, codes: ['sick_visits'] }) },
  'excel.exportSchoolProfile': { allowed: schoolAReaders, input: (f) => ({ schoolId: f.schoolA }) },
  // Not a workbook: the access check passes for the admin, then the file is refused.
  'excel.previewImport': { allowed: adminOnly, input: (f) => ({ year: f.openYear, file: 'bm90IGEgd29ya2Jvb2s=' }) },
  'excel.applyImport': { allowed: adminOnly, input: (f) => ({ year: f.openYear, file: 'bm90IGEgd29ya2Jvb2s=' }) },
  'dashboard.overview': { allowed: notInspectors, input: (f) => ({ year: f.openYear }) },
  // Chairs compare schools only once a year is published to them; a cluster reviewer compares its cluster's schools.
  'dashboard.comparison': { allowed: districtAndReviewers, input: (f) => ({ year: f.openYear, codes: ['sick_visits'] }) },
  'dashboard.heatmap': { allowed: districtAndReviewers, input: (f) => ({ year: f.openYear }) },
  'dashboard.progress': { allowed: districtAndReviewers, input: (f) => ({ year: f.openYear }) },
  'dashboard.trend': { allowed: notInspectors, input: () => ({ code: 'sick_visits' }) },
  'dashboard.schoolProfile': { allowed: schoolAReaders, input: (f) => ({ schoolId: f.schoolA }) },
  // Paper copies: a chair only their own school's report, viewers only handed-in ones (report A may be a draft).
  'documents.reportDocx': { allowed: schoolAReaders, input: (f) => ({ schoolId: f.schoolA, year: f.openYear - 1 }) },
  'documents.reportPdf': { allowed: schoolAReaders, input: (f) => ({ schoolId: f.schoolA, year: f.openYear - 1 }) },
  'documents.districtSummaryDocx': { allowed: districtOnly, input: (f) => ({ year: f.openYear - 1 }) },
  // School A's printed code: chair B gets NOT_FOUND, like an unknown code.
  'documents.verify': { allowed: schoolAReaders, input: (f) => ({ verificationCode: f.paperCodeA }) },
  'dashboard.selfGaps': { allowed: notInspectors, input: (f) => ({ year: f.openYear }) },
  'dashboard.highlights': { allowed: notInspectors, input: (f) => ({ year: f.openYear }) },
  // District and city staff: one row per district in their scope.
  'dashboard.districtComparison': { allowed: ['viewer', 'admin', ...cityStaff], input: (f) => ({ year: f.openYear - 1 }) },
  'rubric.get': { allowed: loggedIn, input: (f) => ({ year: f.openYear }) },
  'rubric.definition': { allowed: loggedIn, input: (f) => ({ year: f.openYear }) },
  'rubric.ratings': { allowed: schoolAReaders, input: (f) => ({ reportId: f.reportA.id }) },
  // The default rubric's 自评 column is the school's: the admin and the viewer are refused it, chair B cannot find the report.
  'rubric.rate': { allowed: chairAOnly, input: (f) => ({ reportId: f.reportA.id, raterId: 'self', ratings: {} }) },
  // Under a city the rubric is common to every district: the city admin sets it, the district admin is refused.
  'rubric.save': { allowed: ['cityAdmin'], input: (f) => ({ year: f.openYear, rubric: defaultRubric }) },
  // The default as v2 (automatic items only): the same scores, and the v1 views keep working. Common to the city's districts like rubric.save.
  'rubric.saveDefinition': { allowed: ['cityAdmin'], input: (f) => ({ year: f.openYear, definition: rubricV1ToV2(defaultRubric) }) },
  'rubric.templates': { allowed: ['admin', 'cityAdmin'], input: (f) => ({ year: f.openYear }) },
  // Self-scores are the chair's, acceptance scores the admin's: each role is refused the other's.
  'rubric.assess': { allowed: ['admin'], input: (f) => ({ reportId: f.reportA.id, kind: 'acceptance', score: 88, note: '' }) },
  'rubric.assessment': { allowed: schoolAReaders, input: (f) => ({ reportId: f.reportA.id }) },
  'narratives.extract': { allowed: notInspectors, input: (f) => ({ year: f.openYear, source: { kind: 'text', text: '全年慰问生病教职工12人次。' } }) },
  'narratives.search': { allowed: districtOnly, input: () => ({ query: '送温暖' }) },
  'reminders.mine': { allowed: loggedIn },
  // Another school's reminder is NOT_FOUND, like a missing one.
  'reminders.markRead': { allowed: chairAOnly, input: (f) => ({ id: f.reminderA }) },
  // Only the district admin sees and configures channels; saving a disabled channel sends nothing.
  'notifications.channels': { allowed: adminOnly },
  'notifications.saveChannel': { allowed: adminOnly, input: () => ({ channel: 'wecom', enabled: false, url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=matrix' }) },
  // An unconfigured channel: the access check passes for the admin, then the answer says it failed.
  'notifications.testChannel': { allowed: adminOnly, input: () => ({ channel: 'feishu' }) },
  'notifications.deliveries': { allowed: adminOnly, input: () => ({}) },
  'notifications.remindPreview': { allowed: adminOnly, input: (f) => ({ year: f.openYear, message: '请尽快提交年报' }) },
  // Everyone reads and changes only their own preferences (no user id in the input).
  'notifications.myPreferences': { allowed: loggedIn },
  'notifications.savePreferences': { allowed: loggedIn, input: () => ({ email: 'someone@school.example.cn', emailEnabled: false }) },
  // Evidence follows its report: school A's readers list it; only chair A changes it (refused as approved, after the access check).
  'evidence.list': { allowed: [...schoolAReaders, 'inspector'], input: (f) => ({ reportId: f.reportA.id }) },
  'evidence.upload': { allowed: chairAOnly, input: (f) => ({ reportId: f.reportA.id, target: { kind: 'section', key: 'achievements' }, filename: '活动照片.png', base64: TINY_PNG_BASE64 }) },
  'evidence.delete': { allowed: chairAOnly, input: (f) => ({ fileId: f.evidenceA }) },
  // School groups: everyone reads their district's groups (members limited to their scope); only the admin changes them.
  'schoolGroups.list': { allowed: notInspectors },
  'schoolGroups.save': { allowed: adminOnly, input: (f) => ({ id: f.groupA.id, groupName: f.groupA.groupName, description: f.groupA.description }) },
  'schoolGroups.delete': { allowed: adminOnly, input: (f) => ({ id: f.spareGroup }) },
  'schoolGroups.setMembers': { allowed: adminOnly, input: (f) => ({ id: f.groupA.id, schoolIds: f.groupA.schoolIds }) },
  // 验收: the district forms teams; the assigned inspector scores school A's handed-in report; the chair reads the published feedback.
  'inspection.teams': { allowed: adminOnly, input: (f) => ({ year: f.openYear }) },
  'inspection.saveTeam': { allowed: adminOnly, input: (f) => ({ year: f.openYear, name: `矩阵考评组${f.unique()}`, memberIds: [], schoolIds: [] }) },
  'inspection.deleteTeam': { allowed: adminOnly, input: (f) => ({ id: f.spareTeamId }) },
  'inspection.mine': { allowed: ['inspector'], input: () => ({}) },
  'inspection.sheet': { allowed: ['admin', 'inspector'], input: (f) => ({ reportId: f.reportA.id }) },
  'inspection.save': { allowed: ['inspector'], input: (f) => ({ reportId: f.reportA.id, ratings: {} }) },
  // Not every item is scored yet: the access check passes for the inspector, then the submission is refused.
  'inspection.submit': { allowed: ['inspector'], input: (f) => ({ reportId: f.reportA.id }) },
  // Nothing submitted: the admin passes the access check and is told the state does not allow it.
  'inspection.confirm': { allowed: adminOnly, input: (f) => ({ reportId: f.reportA.id }) },
  'inspection.publish': { allowed: adminOnly, input: (f) => ({ reportId: f.reportA.id }) },
  'inspection.reopen': { allowed: adminOnly, input: (f) => ({ reportId: f.reportA.id }) },
  'inspection.feedback': { allowed: schoolAReaders, input: (f) => ({ reportId: f.reportA.id }) },
};

/** A 1 × 1 PNG. */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export function procedurePaths(): string[] {
  return Object.keys((appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures).sort();
}

/** The callers and data both tests use, on a seeded demo district with its city (`seedDemoDistrict(db, { withCity: true })`). */
export async function prepareFixture(db: Kysely<Database>, tag: string): Promise<{ fixture: Fixture; actors: Map<Who, Actor | null> }> {
  const chairA = await actorFor(db, 'chair01');
  const chairB = await actorFor(db, 'chair02');
  const admin = await actorFor(db, 'admin');
  const actors = new Map<Who, Actor | null>();
  actors.set('anonymous', null).set('chairA', chairA).set('chairB', chairB).set('viewer', await actorFor(db, 'viewer')).set('admin', admin);
  actors.set('reviewerA', await actorFor(db, 'reviewer_east')).set('reviewerB', await actorFor(db, 'reviewer_west'));
  actors.set('cityAdmin', await actorFor(db, 'city1')).set('cityViewer', await actorFor(db, 'cityview1'));
  actors.set('inspector', await actorFor(db, 'inspector1'));
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
  const merge = await db.selectFrom('school_merges').select(['predecessor_id', 'successor_id', 'year']).orderBy('predecessor_id').executeTakeFirstOrThrow();
  const lastYearA = await getReport(db, chairA, chairA.schoolId!, openYear.year - 1);
  if (lastYearA?.status !== 'approved' || !lastYearA.approvedAt) throw new Error('fixture: school A needs an approved report for the year before the open one');
  const hash = hashOfReport(lastYearA);
  await db
    .insertInto('paper_copies')
    .values({ code: codeOfHash(hash), report_id: lastYearA.id, content_hash: hash, version: lastYearA.version, approved_at: lastYearA.approvedAt })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const png = Buffer.from(TINY_PNG_BASE64, 'base64');
  const evidence = await db
    .insertInto('evidence_files')
    .values({ report_id: reportA.id, target_kind: 'section', target_key: 'achievements', original_name: '活动照片.png', mime_type: 'image/png', byte_size: png.length, sha256: createHash('sha256').update(png).digest('hex'), width: 1, height: 1, content: png, thumbnail: png, thumbnail_mime: 'image/png', uploaded_by: chairA.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  const groupA = await db.selectFrom('school_groups').select(['id', 'name', 'description']).orderBy('id').executeTakeFirstOrThrow();
  const membersA = await db.selectFrom('school_group_members').select('school_id').where('group_id', '=', groupA.id).orderBy('school_id').execute();
  const spareGroup = await db.insertInto('school_groups').values({ district_id: admin.orgUnitId, name: `备用分组${tag}` }).returning('id').executeTakeFirstOrThrow();
  const spareTeam = await db.insertInto('inspection_teams').values({ org_unit_id: admin.orgUnitId, year: openYear.year, name: `备用考评组${tag}` }).returning('id').executeTakeFirstOrThrow();
  let counter = 0;
  const fixture: Fixture = {
    schoolA: chairA.schoolId!,
    districtId: admin.orgUnitId,
    clusterId: cluster.id,
    spareUserId: spare.id,
    openYear: openYear.year,
    reportA,
    reminderA: reminder.id,
    recordedMerge: { predecessorId: merge.predecessor_id, successorId: merge.successor_id, year: merge.year },
    paperCodeA: codeOfHash(hash),
    evidenceA: evidence.id,
    groupA: { id: groupA.id, groupName: groupA.name, description: groupA.description, schoolIds: membersA.map((m) => m.school_id) },
    spareGroup: spareGroup.id,
    spareTeamId: spareTeam.id,
    unique: () => `${tag}${++counter}`,
  };
  return { fixture, actors };
}
