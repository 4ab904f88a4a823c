import type { Kysely } from 'kysely';
import { AlignmentType, Document, Footer, HeadingLevel, PageNumber, Paragraph, TextRun } from 'docx';
import type { Database } from '@union/db';
import { medianOf, reportProgressLabels, type ReportProgress } from '@union/domain';
import type { Actor } from '../auth/actor';
import { listYearIndicators } from '../services/catalogue';
import { categoryHeatmap, progressRanking, yearOverview } from '../services/dashboard';
import { selfGaps } from '../services/dashboard-self-gaps';
import { scoreCategoryNameZh } from '../services/score-categories';
import { ensureScores } from '../services/scores';
import { getOrgTree } from '../services/schools';
import { docxBase64, docxStyles, gridTable, text } from './docx-parts';
import { formatFigure } from './report-document';

const percent = (ratio: number | null) => (ratio === null ? '—' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`);
const round2 = (value: number) => Math.round(value * 100) / 100;
const progressOrder: ReportProgress[] = ['approved', 'submitted', 'returned', 'draft', 'not_started'];

/**
 * The district's year summary (区级年度汇总) as .docx, from the dashboard
 * services' own answers (overview, category heat map, progress ranking), so
 * every figure is the one the dashboard shows.
 */
export async function districtSummaryDocx(db: Kysely<Database>, actor: Actor, year: number): Promise<{ filename: string; base64: string }> {
  await ensureScores(db, [year, year - 1]);
  const [overview, heatmap, progress, catalogue, tree, gaps] = await Promise.all([
    yearOverview(db, actor, year),
    categoryHeatmap(db, actor, year),
    progressRanking(db, actor, year),
    listYearIndicators(db, year),
    getOrgTree(db, actor),
    selfGaps(db, actor, year),
  ]);
  // The caller's own union (a district, or the city for city staff): under a city the tree's root is the city.
  const find = (nodes: typeof tree): (typeof tree)[number] | undefined => nodes.reduce<(typeof tree)[number] | undefined>((hit, n) => hit ?? (n.id === actor.orgUnitId ? n : find(n.children)), undefined);
  const districtName = find(tree)?.name ?? tree.find((n) => n.kind === 'district')?.name ?? tree[0]?.name ?? '';
  // A rated (v2) year's scores are 综评分: the tables say so.
  const scoreName = heatmap.scoreKind === 'combined' ? '综评分' : '得分';
  const title = `${districtName}${year}年度学校工会工作汇总`;
  const indicatorOf = new Map(catalogue.map((i) => [i.code, i]));

  const children: (Paragraph | ReturnType<typeof gridTable>)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
    text(`统计口径：已审核通过的年报。生成日期：${new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long' }).format(new Date())}`),

    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('一、填报完成情况')] }),
    text(`全区 ${overview.schoolCount} 所学校，已提交或已通过 ${overview.statusCounts.submitted + overview.statusCounts.approved} 所，完成率 ${percent(overview.completionRate)}。`),
    gridTable(['状态', '学校数'], progressOrder.map((s) => [reportProgressLabels[s].zh, String(overview.statusCounts[s])]), [2, 1]),

    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('二、主要指标合计')] }),
    gridTable(
      ['指标', '单位', '全区合计', '中位数', '填报学校数'],
      overview.indicators.map((i) => {
        const indicator = indicatorOf.get(i.code);
        return [indicator?.nameZh ?? i.code, indicator?.unit ?? '', formatFigure(i.total), formatFigure(i.median), String(i.reportingSchools)];
      }),
      [4, 1, 2, 2, 2],
    ),
    text(`提案办结率（办结数合计 ÷ 征集数合计）：${percent(overview.proposalResolutionRate)}`),

    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('三、考核得分分布')] }),
    ...(heatmap.scoreKind === 'combined' ? [text('本年度得分为综评分：按本年度评估表，各评分人（自评、考评等）的总分按权重合计。')] : []),
    text(`参评学校 ${overview.scores.scoredSchools} 所，${scoreName}中位数 ${formatFigure(overview.scores.median)} 分。`),
    gridTable(['分数段', '学校数'], overview.scores.distribution.map((d) => [d.label, String(d.count)]), [2, 1]),
    gridTable(['星级', '学校数'], overview.scores.stars.map((s) => [`${s.stars} 星`, String(s.count)]), [2, 1]),

    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('四、各类别得分中位数')] }),
    gridTable(
      ['类别', '中位数', '满分'],
      heatmap.categories.map((c) => [scoreCategoryNameZh(c), formatFigure(medianOf(heatmap.rows.map((r) => round2((r.shares[c.code] ?? 0) * c.maxPoints)))), String(c.maxPoints)]),
      [3, 1, 1],
    ),

    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('五、考核得分排名')] }),
    heatmap.rows.length
      ? gridTable(['名次', '学校', scoreName], heatmap.rows.map((r) => [String(1 + heatmap.rows.filter((o) => o.total > r.total).length), r.schoolName, formatFigure(r.total)]), [1, 5, 2])
      : text('（本年度尚无已审核通过的年报）'),

    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`六、进步排名（与 ${year - 1} 年度相比）`)] }),
    progress.rows.length
      ? gridTable(['名次', '学校', scoreName, '变化'], progress.rows.map((r, i) => [String(i + 1), r.schoolName, formatFigure(r.total), `${r.change > 0 ? '+' : ''}${formatFigure(r.change)}`]), [1, 5, 2, 2])
      : text('（没有两个年度都参评的学校）'),
  ];
  if (gaps.applicable) {
    const self = gaps.selfLabelZh ?? '自评';
    const inspected = gaps.inspectedLabelZh ?? '考评';
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(`七、${self}与${inspected}的差距`)] }));
    children.push(text(`${self}总分减去${inspected}总分，正数表示学校给自己打分偏高（按差值从大到小）。共 ${gaps.summary.rated} 所学校，${gaps.summary.overRating} 所偏高，${gaps.summary.underRating} 所偏低。`));
    children.push(
      gaps.rows.length
        ? gridTable(
            ['学校', self, inspected, '差值', '综评分', '偏高最多的项目'],
            gaps.rows.map((r) => [r.schoolName, formatFigure(r.selfTotal), formatFigure(r.inspectedTotal), `${r.gap > 0 ? '+' : ''}${formatFigure(r.gap)}`, formatFigure(r.combined), r.overRated.map((i) => `${i.titleZh} +${formatFigure(i.gap)}`).join('；')]),
            [4, 1, 1, 1, 1, 4],
          )
        : text('（暂无学校同时有自评和考评）'),
    );
  }

  const document = new Document({
    creator: '工会年报平台',
    title,
    styles: docxStyles,
    sections: [
      {
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(`${title} · 第 `), new TextRun({ children: [PageNumber.CURRENT] }), new TextRun(' 页')] })] }) },
        children,
      },
    ],
  });
  return { filename: `${title}.docx`, base64: await docxBase64(document) };
}
