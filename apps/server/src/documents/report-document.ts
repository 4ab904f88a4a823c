import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import {
  categoryLabels,
  honourKindLabels,
  honourLevelLabels,
  narrativeSectionLabels,
  narrativeSections,
  reportProgressLabels,
  starLabelsZh,
  type ReportStatus,
} from '@union/domain';
import type { Actor } from '../auth/actor';
import { listYearIndicators } from '../services/catalogue';
import { getPreviousYearValues, getReport, type ReportDetail } from '../services/reports';
import { getSchool } from '../services/schools';
import { ensureScores } from '../services/scores';
import { scoreCategoryNameZh, yearScoring } from '../services/score-categories';
import { contentHash, codeOfHash } from './verification-code';
import { userError } from '../trpc/error-messages';

/** Everything a printed report shows, in print order; both the .docx and the PDF are drawn from it. */
export interface ReportDocument {
  districtName: string;
  schoolName: string;
  schoolCode: string;
  year: number;
  status: ReportStatus;
  statusLabel: string;
  version: number;
  approvedAt: Date | null;
  categories: { label: string; rows: { name: string; unit: string; value: string; previous: string }[] }[];
  narrative: { title: string; text: string }[];
  honours: { title: string; level: string; kind: string; recipient: string }[];
  /** The rubric result, only once the year's results are published to the schools. */
  score: { total: number; stars: string; categories: { label: string; earned: number; max: number }[] } | null;
  /** Only an approved report gets a code: only it can be signed, stamped and archived. */
  verification: { code: string; url: string } | null;
}

const numberFormat = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
export const formatFigure = (value: number | null | undefined) => (value === undefined || value === null ? '—' : numberFormat.format(value));
export const formatDate = (date: Date | null) =>
  date ? new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(date) : '—';

/** The report as the actor may read it (scope and report-visibility apply), or NOT_FOUND. */
export async function readableReport(db: Kysely<Database>, actor: Actor, schoolId: number, year: number) {
  const school = await getSchool(db, actor, schoolId);
  const report = school ? await getReport(db, actor, schoolId, year) : null;
  if (!school || !report) throw userError('NOT_FOUND', { zh: '找不到该年报（尚未填报，或您无权查看）', en: 'Report not found (not filled in yet, or not yours to see)' });
  return { school, report };
}

export const hashOfReport = (report: ReportDetail) =>
  contentHash({ reportId: report.id, schoolId: report.schoolId, year: report.year, values: report.values, narrative: report.narrative, honours: report.honours });

/**
 * Builds the printable report and, for an approved one, records its
 * verification code (once per content: printing again gives the same code).
 */
export async function buildReportDocument(
  db: Kysely<Database>,
  actor: Actor,
  schoolId: number,
  year: number,
  siteOrigin: string,
): Promise<ReportDocument> {
  const { school, report } = await readableReport(db, actor, schoolId, year);
  const [catalogue, previous, published] = await Promise.all([
    listYearIndicators(db, year),
    getPreviousYearValues(db, actor, schoolId, year),
    db.selectFrom('reporting_years').select('published_to_chairs').where('year', '=', year).executeTakeFirst(),
  ]);

  const categories = [...new Set(catalogue.map((i) => i.category))].map((category) => ({
    label: categoryLabels[category].zh,
    rows: catalogue
      .filter((i) => i.category === category)
      .map((i) => ({ name: i.nameZh, unit: i.unit, value: formatFigure(report.values[i.code]), previous: formatFigure(previous[i.code]) })),
  }));

  let verification: ReportDocument['verification'] = null;
  if (report.status === 'approved' && report.approvedAt) {
    const hash = hashOfReport(report);
    const code = codeOfHash(hash);
    await db
      .insertInto('paper_copies')
      .values({ code, report_id: report.id, content_hash: hash, version: report.version, approved_at: report.approvedAt, issued_by: actor.userId })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    verification = { code, url: `${siteOrigin}/verify?code=${code}` };
  }

  return {
    districtName: school.districtName ?? '',
    schoolName: school.name,
    schoolCode: school.code,
    year,
    status: report.status,
    statusLabel: reportProgressLabels[report.status].zh,
    version: report.version,
    approvedAt: report.approvedAt,
    categories,
    narrative: narrativeSections.map((section) => ({ title: narrativeSectionLabels[section].zh, text: report.narrative[section] })),
    honours: report.honours.map((h) => ({ title: h.title, level: honourLevelLabels[h.level].zh, kind: honourKindLabels[h.kind].zh, recipient: h.recipient ?? '' })),
    score: report.status === 'approved' && published?.published_to_chairs ? await publishedScore(db, report.id, year) : null,
    verification,
  };
}

async function publishedScore(db: Kysely<Database>, reportId: number, year: number): Promise<ReportDocument['score']> {
  await ensureScores(db, [year]);
  const row = await db.selectFrom('report_scores').select(['total', 'stars', 'category_scores']).where('report_id', '=', reportId).executeTakeFirst();
  if (!row) return null;
  const { categories } = await yearScoring(db, year);
  return {
    total: row.total,
    stars: starLabelsZh[row.stars] ?? '',
    categories: categories.map((c) => ({ label: scoreCategoryNameZh(c), earned: row.category_scores[c.code] ?? 0, max: c.maxPoints })),
  };
}

/** File names without characters that trouble a file system. */
export const safeFileName = (name: string) => name.replace(/[\\/:*?"<>|\s]+/g, '_');
