import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { comparisonRows, schoolTypeLabels, sizeBandLabels, starLabelsZh } from '@union/domain';
import type { Actor } from '../auth/actor';
import { comparison, schoolProfile, type ComparisonFilter } from './dashboard';
import { scoreCategoryNameZh } from './score-categories';
import { indicatorHeader, SCHOOL_NAME_HEADER, styleHeader, toBase64 } from './workbook';

const arrow = { up: '▲', down: '▼', flat: '＝' } as const;

/** The comparison table as the user sees it: chosen indicators, per-100 or raw, YoY, score and rank. */
export async function exportComparisonWorkbook(db: Kysely<Database>, actor: Actor, filter: ComparisonFilter) {
  const result = comparisonRows(await comparison(db, actor, filter));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工会年报平台';
  const sheet = workbook.addWorksheet(`${filter.year}年度学校对比`);
  const suffix = filter.perHundredStaff ? '（每百名教职工）' : '';
  sheet.columns = [
    { header: '排名', key: 'rank', width: 6 },
    { header: SCHOOL_NAME_HEADER, key: 'name', width: 24 },
    { header: '片区', key: 'cluster', width: 12 },
    { header: '学校类型', key: 'type', width: 12 },
    { header: '规模', key: 'band', width: 18 },
    { header: '考核得分', key: 'score', width: 10 },
    ...result.indicators.flatMap((i) => [
      { header: `${indicatorHeader(i)}${suffix}`, key: i.code, width: Math.max(12, i.nameZh.length * 2 + 6) },
      { header: `${i.nameZh}同比变化`, key: `${i.code}__yoy`, width: 14 },
    ]),
  ];
  const rows = [...result.rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  for (const row of rows) {
    sheet.addRow({
      rank: row.rank,
      name: row.schoolName,
      cluster: row.clusterName ?? '',
      type: schoolTypeLabels[row.schoolType].zh,
      band: sizeBandLabels[row.sizeBand].zh,
      score: row.score,
      ...Object.fromEntries(
        result.indicators.flatMap((i) => {
          const cell = row.cells[i.code]!;
          const shown = cell.shown === null ? null : Math.round(cell.shown * 100) / 100;
          const yoy = cell.yoy ? `${arrow[cell.yoy.direction]} ${cell.yoy.changeRatio === null ? '' : `${Math.round(cell.yoy.changeRatio * 1000) / 10}%`}`.trim() : '';
          return [
            [i.code, shown],
            [`${i.code}__yoy`, yoy],
          ];
        }),
      ),
    });
  }
  styleHeader(sheet);
  return { filename: `${filter.year}年度学校对比${filter.perHundredStaff ? '（每百人）' : ''}.xlsx`, base64: await toBase64(workbook) };
}

/** A school's profile: score and rank by year, category scores against the median, and the gaps. */
export async function exportSchoolProfileWorkbook(db: Kysely<Database>, actor: Actor, schoolId: number) {
  const profile = await schoolProfile(db, actor, schoolId);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '工会年报平台';

  const years = workbook.addWorksheet('历年得分');
  years.columns = [
    { header: '年度', key: 'year', width: 8 },
    { header: '考核得分', key: 'score', width: 10 },
    { header: '星级', key: 'stars', width: 8 },
    { header: '区内排名', key: 'rank', width: 10 },
    { header: '参评学校数', key: 'of', width: 10 },
    { header: '全区中位数', key: 'median', width: 10 },
  ];
  for (const h of profile.history) {
    years.addRow({ year: h.year, score: h.score, stars: h.stars === null ? '' : starLabelsZh[h.stars], rank: h.rank, of: h.of, median: h.districtMedian });
  }
  styleHeader(years);

  const categories = workbook.addWorksheet('分类得分');
  categories.columns = [
    { header: '类别', key: 'category', width: 14 },
    { header: '本校得分', key: 'own', width: 10 },
    { header: '全区中位数', key: 'median', width: 10 },
    { header: '满分', key: 'max', width: 8 },
  ];
  for (const c of profile.categories) categories.addRow({ category: scoreCategoryNameZh(c), own: c.own, median: c.districtMedian, max: c.maxPoints });
  styleHeader(categories);

  const gaps = workbook.addWorksheet('查漏补缺');
  gaps.columns = [
    { header: '评分项', key: 'title', width: 20 },
    { header: '失分', key: 'lost', width: 8 },
    { header: '改进建议', key: 'advice', width: 60 },
  ];
  for (const g of profile.gaps) gaps.addRow({ title: g.titleZh, lost: g.lost, advice: g.adviceZh });
  styleHeader(gaps);

  return { filename: `${profile.schoolName}工会工作概况.xlsx`, base64: await toBase64(workbook) };
}
