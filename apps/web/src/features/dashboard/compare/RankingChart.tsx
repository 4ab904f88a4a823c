import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { ChartFigure } from '../charts/ChartFigure';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { tooltipLines } from '../charts/tooltip';
import { formatScore } from '../format';
import type { ComparisonRow } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

/**
 * Bars drawn at most. A city's thousands of schools would make a chart tens of
 * thousands of pixels tall (past what a canvas can hold on a phone) that no
 * one reads: the chart shows the top schools and the data table ranks all.
 */
const MAX_BARS = 50;

/** Schools by assessment score, highest on top (the top MAX_BARS); a bar opens the school's profile. */
export function RankingChart({
  rows,
  headingLevel,
  pixelRatio,
  compact = false,
  forPrint = false,
}: {
  rows: readonly ComparisonRow[];
  headingLevel?: 2 | 3;
  pixelRatio?: number;
  compact?: boolean;
  forPrint?: boolean;
}) {
  const { c, labelKey } = useDashboardCopy();
  const navigate = useNavigate();
  const ranked = useMemo(() => rows.filter((r) => r.score !== null).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)), [rows]);
  const top = useMemo(() => ranked.slice(0, MAX_BARS), [ranked]);
  const option = useMemo<ChartOption>(
    () => ({
      // Room on the right for the value of a full-length bar.
      grid: { left: 8, right: 48, top: 8, bottom: 24 },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const { dataIndex } = p as { dataIndex: number };
          const r = top[dataIndex]!;
          return tooltipLines(r.schoolName, `${c.common.score}${c.common.colon}${formatScore(r.score, labelKey)}`, `${c.common.rank}${c.common.colon}${r.rank}`);
        },
      },
      xAxis: { type: 'value', max: 100 },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => r.schoolName), axisLabel: { interval: 0, fontSize: compact ? 10 : 12, width: compact ? 96 : 180, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          name: c.common.score,
          data: top.map((r) => r.score),
          barMaxWidth: 16,
          label: { show: true, position: 'right', formatter: (p: unknown) => formatScore((p as { value: number }).value, labelKey) ?? '' },
          cursor: 'pointer',
        },
      ],
    }),
    [top, c, labelKey, compact],
  );
  const rowHeight = compact ? 15 : 22;
  return (
    <ChartFigure
      title={c.compare.rankingTitle}
      headingLevel={headingLevel}
      note={ranked.length > top.length ? <p>{c.compare.rankingTopNote(top.length, ranked.length)}</p> : undefined}
      chart={
        <EChart
          option={option}
          height={Math.max(200, top.length * rowHeight + 40)}
          label={c.common.chartOf(c.compare.rankingTitle)}
          pixelRatio={pixelRatio}
          printImage={forPrint}
          onClick={(p) => {
            const row = top[p.dataIndex];
            if (row) void navigate(`/dashboard/schools/${row.schoolId}`);
          }}
        />
      }
      table={<RankingTable ranked={ranked} />}
    />
  );
}

/** The full ranking as a table; a component, so it is only built when the reader opens it. */
function RankingTable({ ranked }: { ranked: readonly ComparisonRow[] }) {
  const { c, labelKey } = useDashboardCopy();
  return (
    <table className="data-table compact-table">
      <thead>
        <tr>
          <th scope="col" className="num">
            {c.common.rank}
          </th>
          <th scope="col">{c.common.school}</th>
          <th scope="col" className="num">
            {c.common.score}
          </th>
        </tr>
      </thead>
      <tbody>
        {ranked.map((r) => (
          <tr key={r.schoolId}>
            <td className="num">{r.rank}</td>
            <th scope="row">{r.schoolName}</th>
            <td className="num">{formatScore(r.score, labelKey)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
