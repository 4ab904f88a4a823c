import { useMemo } from 'react';
import { ChartFigure } from '../charts/ChartFigure';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { formatScore } from '../format';
import type { Overview } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

const bandsEn = ['90 and above', '80–89', '70–79', '60–69', 'Below 60'];

/** How many schools fall in each score band (bar chart + table). */
export function ScoreDistributionChart({ scores, headingLevel, pixelRatio, forPrint = false }: { scores: Overview['scores']; headingLevel?: 2 | 3; pixelRatio?: number; forPrint?: boolean }) {
  const { c, labelKey } = useDashboardCopy();
  const bands = useMemo(() => scores.distribution.map((b, i) => ({ label: labelKey === 'en' ? (bandsEn[i] ?? b.label) : b.label, count: b.count })), [scores.distribution, labelKey]);
  // Lowest band first reads left to right like a number line.
  const ordered = useMemo(() => [...bands].reverse(), [bands]);
  const option = useMemo<ChartOption>(
    () => ({
      // Room above the tallest bar for its label and the axis name.
      grid: { left: 16, right: 16, top: 40, bottom: 32 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: ordered.map((b) => b.label), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, name: c.overview.schoolsInBand },
      series: [{ type: 'bar', name: c.overview.schoolsInBand, data: ordered.map((b) => b.count), barMaxWidth: 48, label: { show: true, position: 'top' } }],
    }),
    [ordered, c],
  );
  return (
    <ChartFigure
      title={c.overview.scoreDistribution}
      headingLevel={headingLevel}
      note={<p>{c.overview.scoreDistributionHint(scores.scoredSchools, formatScore(scores.median, labelKey) ?? c.common.noValue)}</p>}
      chart={<EChart option={option} height={260} label={c.common.chartOf(c.overview.scoreDistribution)} pixelRatio={pixelRatio} printImage={forPrint} />}
      table={
        <table className="data-table compact-table">
          <thead>
            <tr>
              <th scope="col">{c.overview.band}</th>
              <th scope="col" className="num">
                {c.overview.schoolsInBand}
              </th>
            </tr>
          </thead>
          <tbody>
            {bands.map((b) => (
              <tr key={b.label}>
                <th scope="row">{b.label}</th>
                <td className="num">{b.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
