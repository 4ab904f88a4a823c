import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import {
  inspectionRaterId,
  inspectorMayEdit,
  isInspectedItem,
  localize,
  raterColumnSchema,
  ratingIssues,
  scoreRubricV2,
  selfRaterId,
  type InspectionState,
  type RaterItemInput,
  type RubricV2,
} from '@union/domain';
import { writeAudit } from '../audit/audit-log';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { reportNotFound, userError } from '../trpc/error-messages';
import { invalidFields } from '../trpc/trpc';
import { listEvidence, type EvidenceItem } from './evidence-files';
import { loadRubricDefinition } from './rubric-definitions';
import { refreshScores } from './scores';

type Db = Kysely<Database> | Transaction<Database>;
type Who = { actor: Actor; ip: string };
type Column = Record<string, RaterItemInput>;

const parseColumn = (value: unknown): Column => {
  const parsed = raterColumnSchema.safeParse(value);
  return parsed.success ? parsed.data : {};
};

interface ReportHead {
  id: number;
  school_id: number;
  year: number;
  status: string;
  school_name: string;
}

/** The report if the actor may read it (an inspector: assigned to their team, handed in). */
async function readableReport(db: Db, actor: Actor, reportId: number): Promise<ReportHead> {
  const report = await db
    .selectFrom('reports as r')
    .innerJoin('org_units as ou', 'ou.id', 'r.school_id')
    .select(['r.id', 'r.school_id', 'r.year', 'r.status', 'ou.name as school_name'])
    .where('r.id', '=', reportId)
    .where('r.id', 'in', readableReportIds(db as Kysely<Database>, actor))
    .executeTakeFirst();
  if (!report) throw reportNotFound();
  return report;
}

async function inspectionRubric(db: Db, year: number): Promise<{ rubric: RubricV2; raterId: string }> {
  const { rubric } = await loadRubricDefinition(db, year);
  const raterId = inspectionRaterId(rubric);
  if (!raterId || !rubric.items.some(isInspectedItem)) {
    throw userError('BAD_REQUEST', { zh: `${year} 年度评估表没有需要现场考评的评分项`, en: `The ${year} rubric has no items to score on site` });
  }
  return { rubric, raterId };
}

async function reviewOf(db: Db, reportId: number) {
  return db.selectFrom('inspection_reviews').selectAll().where('report_id', '=', reportId).executeTakeFirst();
}

const onlyRoles = (actor: Actor, roles: Actor['role'][]) => {
  if (!roles.includes(actor.role)) throw userError('FORBIDDEN', { zh: '您没有权限执行此操作', en: 'You are not allowed to do this' });
};

/** Per item: the rubric's text, the chair's 自评, the inspector's score and note, the evidence beside it. */
export async function inspectionSheet(db: Kysely<Database>, actor: Actor, reportId: number) {
  onlyRoles(actor, ['inspector', 'district_admin']);
  const report = await readableReport(db, actor, reportId);
  const { rubric, raterId } = await inspectionRubric(db, report.year);
  const selfId = selfRaterId(rubric);
  const [review, selfRow, evidence] = await Promise.all([
    reviewOf(db, report.id),
    selfId ? db.selectFrom('rubric_ratings').select('ratings').where('report_id', '=', report.id).where('rater_id', '=', selfId).executeTakeFirst() : undefined,
    listEvidence(db, actor, report.id),
  ]);
  const state: InspectionState = review?.state ?? 'assigned';
  const given = parseColumn(review?.ratings ?? {});
  const self = parseColumn(selfRow?.ratings ?? {});
  const score = scoreRubricV2(rubric, { ratings: { [raterId]: given, ...(selfId ? { [selfId]: self } : {}) } });
  const mine = score.raters.find((r) => r.raterId === raterId)!;
  const theirs = selfId ? score.raters.find((r) => r.raterId === selfId) : undefined;
  const byItem = new Map<string, EvidenceItem[]>();
  for (const file of evidence) if (file.target.kind === 'rubric_item') byItem.set(file.target.key, [...(byItem.get(file.target.key) ?? []), file]);
  const items = rubric.items.filter(isInspectedItem).map((item) => {
    const at = rubric.items.indexOf(item);
    return {
      item,
      max: mine.items[at]!.max,
      self: Object.hasOwn(self, item.id) ? self[item.id]! : null,
      selfEarned: theirs && Object.hasOwn(self, item.id) ? theirs.items[at]!.earned : null,
      inspection: Object.hasOwn(given, item.id) ? given[item.id]! : null,
      inspectionEarned: mine.items[at]!.rated && Object.hasOwn(given, item.id) ? mine.items[at]!.earned : null,
      lines: mine.items[at]!.lines,
      evidence: byItem.get(item.id) ?? [],
    };
  });
  const inspected = new Set(items.map((i) => i.item.category));
  const isAdmin = actor.role === 'district_admin';
  return {
    reportId: report.id,
    schoolName: report.school_name,
    year: report.year,
    reportStatus: report.status,
    state,
    /** The whole rubric and the column, so the page totals the draft as it is typed. */
    rubric,
    raterId,
    raterLabel: rubric.raters.find((r) => r.id === raterId)!.labelZh,
    selfLabel: selfId ? rubric.raters.find((r) => r.id === selfId)!.labelZh : null,
    categories: rubric.categories.filter((c) => inspected.has(c.id)).map((c) => ({ id: c.id, titleZh: c.titleZh })),
    items,
    totals: {
      max: items.reduce((s, i) => s + (i.max ?? 0), 0),
      inspection: Math.round(items.reduce((s, i) => s + (i.inspectionEarned ?? 0), 0) * 100) / 100,
      self: theirs ? Math.round(items.reduce((s, i) => s + (i.selfEarned ?? 0), 0) * 100) / 100 : null,
      scored: items.filter((i) => i.inspectionEarned !== null || i.item.kind === 'bonus' || i.item.kind === 'veto').length,
    },
    submittedAt: review?.submitted_at ?? null,
    publishedAt: review?.published_at ?? null,
    may: {
      edit: actor.role === 'inspector' && inspectorMayEdit(state),
      confirm: isAdmin && state === 'submitted',
      publish: isAdmin && state === 'confirmed',
      reopen: isAdmin && (state === 'submitted' || state === 'confirmed'),
    },
  };
}

/** The inspector saves points and notes (the whole column) while the inspection is theirs to edit. */
export async function saveInspection(db: Kysely<Database>, who: Who, input: { reportId: number; ratings: Column }) {
  onlyRoles(who.actor, ['inspector']);
  const report = await readableReport(db, who.actor, input.reportId);
  const { rubric, raterId } = await inspectionRubric(db, report.year);
  const issues = ratingIssues(rubric, { [raterId]: input.ratings });
  const automatic = Object.keys(input.ratings).filter((id) => rubric.items.some((i) => i.id === id && !isInspectedItem(i)));
  for (const id of automatic) issues.push({ path: [raterId, id, 'earned'], message: `评分项 ${id} 按年报数据自动计分，不在考评范围内` });
  if (issues.length) throw invalidFields(issues.map((i) => ({ path: ['ratings', ...i.path.slice(1).filter(Boolean)].join('.'), message: i.message })));
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const values = { ratings: JSON.stringify(input.ratings), updated_at: now, updated_by: who.actor.userId };
    const inserted = await trx.insertInto('inspection_reviews').values({ report_id: report.id, state: 'scoring', ...values }).onConflict((oc) => oc.column('report_id').doNothing()).returning('report_id').executeTakeFirst();
    if (!inserted) {
      // Compare-and-set: only while still being scored, so a submit or a confirmation in between wins.
      const updated = await trx.updateTable('inspection_reviews').set(values).where('report_id', '=', report.id).where('state', '=', 'scoring').returning('report_id').executeTakeFirst();
      if (!updated) throw notEditable();
    }
    await writeAudit(trx, who, { action: 'inspection_scored', entityType: 'report', entityId: report.id, schoolId: report.school_id, details: { items: Object.keys(input.ratings).length } });
    return { ok: true as const, savedAt: now };
  });
}

const notEditable = () => userError('CONFLICT', { zh: '考评已提交，不能再修改；如需修改请联系区教育工会退回', en: 'The inspection has been submitted and can no longer be changed; ask the district to hand it back' });
const wrongState = (zh: string, en: string) => userError('CONFLICT', { zh, en });

/** The inspector hands the inspection to the district; every scored item must be scored. */
export async function submitInspection(db: Kysely<Database>, who: Who, reportId: number) {
  onlyRoles(who.actor, ['inspector']);
  const report = await readableReport(db, who.actor, reportId);
  const { rubric, raterId } = await inspectionRubric(db, report.year);
  const review = await reviewOf(db, report.id);
  if (!review || review.state !== 'scoring') throw review ? notEditable() : wrongState('请先评分再提交', 'Score the items before submitting');
  const score = scoreRubricV2(rubric, { ratings: { [raterId]: parseColumn(review.ratings) } });
  const missing = rubric.items.filter((item, i) => isInspectedItem(item) && !score.raters.find((r) => r.raterId === raterId)!.items[i]!.rated);
  if (missing.length) {
    throw invalidFields([{ path: 'ratings', message: localize({ zh: `还有 ${missing.length} 项未评分：${missing.map((m) => m.titleZh).join('、')}`, en: `${missing.length} item(s) not scored yet: ${missing.map((m) => m.titleZh).join(', ')}` }) }]);
  }
  return transition(db, who, report, ['scoring'], { state: 'submitted', submitted_at: new Date(), submitted_by: who.actor.userId }, 'inspection_submitted');
}

async function transition(
  db: Kysely<Database>,
  who: Who,
  report: ReportHead,
  from: InspectionState[],
  set: { state: Exclude<InspectionState, 'assigned'> } & Record<string, unknown>,
  action: 'inspection_submitted' | 'inspection_confirmed' | 'inspection_published' | 'inspection_reopened',
  after?: (trx: Transaction<Database>, ratings: unknown) => Promise<void>,
) {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('inspection_reviews')
      .set({ ...set, updated_at: new Date() })
      .where('report_id', '=', report.id)
      .where('state', 'in', from.filter((s) => s !== 'assigned') as Exclude<InspectionState, 'assigned'>[])
      .returning(['state', 'ratings'])
      .executeTakeFirst();
    if (!updated) throw wrongState('考评状态已变化，请刷新后再试', 'The inspection has changed; reload and try again');
    await after?.(trx, updated.ratings);
    await writeAudit(trx, who, { action, entityType: 'report', entityId: report.id, schoolId: report.school_id, details: { state: set.state } });
    return { state: updated.state };
  });
}

/** The district accepts a submitted inspection. */
export async function confirmInspection(db: Kysely<Database>, who: Who, reportId: number) {
  onlyRoles(who.actor, ['district_admin']);
  const report = await readableReport(db, who.actor, reportId);
  return transition(db, who, report, ['submitted'], { state: 'confirmed', confirmed_at: new Date(), confirmed_by: who.actor.userId }, 'inspection_confirmed');
}

/** The district publishes a confirmed inspection: it becomes the report's 考评 column (and score), and the chair sees it. */
export async function publishInspection(db: Kysely<Database>, who: Who, reportId: number) {
  onlyRoles(who.actor, ['district_admin']);
  const report = await readableReport(db, who.actor, reportId);
  const { raterId } = await inspectionRubric(db, report.year);
  return transition(db, who, report, ['confirmed'], { state: 'published', published_at: new Date(), published_by: who.actor.userId }, 'inspection_published', async (trx, ratings) => {
    await trx
      .insertInto('rubric_ratings')
      .values({ report_id: report.id, rater_id: raterId, ratings: JSON.stringify(parseColumn(ratings)), updated_at: new Date(), updated_by: who.actor.userId })
      .onConflict((oc) => oc.columns(['report_id', 'rater_id']).doUpdateSet((eb) => ({ ratings: eb.ref('excluded.ratings'), updated_at: eb.ref('excluded.updated_at'), updated_by: eb.ref('excluded.updated_by') })))
      .execute();
    await refreshScores(trx, report.year, [report.id]);
  });
}

/** The district hands a submitted or confirmed inspection back to the inspector. */
export async function reopenInspection(db: Kysely<Database>, who: Who, reportId: number) {
  onlyRoles(who.actor, ['district_admin']);
  const report = await readableReport(db, who.actor, reportId);
  return transition(db, who, report, ['submitted', 'confirmed'], { state: 'scoring', submitted_at: null, submitted_by: null, confirmed_at: null, confirmed_by: null }, 'inspection_reopened');
}

/** What the chair (and the district) sees once the inspection is published: points and notes per item. Nothing before. */
export async function inspectionFeedback(db: Kysely<Database>, actor: Actor, reportId: number) {
  const report = await readableReport(db, actor, reportId);
  const review = await reviewOf(db, report.id);
  const state: InspectionState = review?.state ?? 'assigned';
  if (!review || state !== 'published') return { reportId: report.id, year: report.year, reportStatus: report.status, state, published: false as const, publishedAt: null, raterLabel: null, total: null, max: null, items: [] };
  const { rubric, raterId } = await inspectionRubric(db, report.year);
  const given = parseColumn(review.ratings);
  const mine = scoreRubricV2(rubric, { ratings: { [raterId]: given } }).raters.find((r) => r.raterId === raterId)!;
  const items = rubric.items.flatMap((item, i) =>
    isInspectedItem(item) ? [{ itemId: item.id, category: item.category, titleZh: item.titleZh, max: mine.items[i]!.max, earned: mine.items[i]!.earned, noteZh: given[item.id]?.noteZh ?? '', lines: mine.items[i]!.lines }] : [],
  );
  return {
    reportId: report.id,
    year: report.year,
    reportStatus: report.status,
    state,
    published: true as const,
    publishedAt: review.published_at,
    raterLabel: rubric.raters.find((r) => r.id === raterId)!.labelZh,
    total: Math.round(items.reduce((s, i) => s + i.earned, 0) * 100) / 100,
    max: items.reduce((s, i) => s + (i.max ?? 0), 0),
    items,
  };
}

/**
 * 查漏补缺 lines of the report's inspection (「台帐未归档：-5」): from a
 * published inspection for everyone who may read the report, from a
 * confirmed one for district staff too.
 */
export async function inspectionGaps(db: Kysely<Database>, actor: Actor, reportId: number, year: number) {
  const states: InspectionState[] = actor.role === 'district_admin' || actor.role === 'district_viewer' ? ['confirmed', 'published'] : ['published'];
  const review = await db.selectFrom('inspection_reviews').select(['state', 'ratings']).where('report_id', '=', reportId).where('report_id', 'in', readableReportIds(db, actor)).executeTakeFirst();
  if (!review || !states.includes(review.state)) return [];
  const { rubric } = await loadRubricDefinition(db, year);
  const raterId = inspectionRaterId(rubric);
  if (!raterId) return [];
  const given = parseColumn(review.ratings);
  const mine = scoreRubricV2(rubric, { ratings: { [raterId]: given } }).raters.find((r) => r.raterId === raterId)!;
  return rubric.items.flatMap((item, i) => {
    const result = mine.items[i]!;
    const lost = result.max === null || item.kind === 'bonus' || item.kind === 'veto' ? 0 : Math.round((result.max - result.earned) * 100) / 100;
    if (!isInspectedItem(item) || lost <= 0 || !result.rated) return [];
    const line = result.lines[0] ?? `${item.titleZh}：-${lost}`;
    return [{ itemId: item.id, titleZh: item.titleZh, lost, adviceZh: line, advice: localize({ zh: line, en: `Inspection: -${lost} points` }), fromInspection: true as const }];
  });
}
