import { useMemo } from 'react';
import { ChartFigure } from '../charts/ChartFigure';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { formatScore, starText } from '../format';
import type { SchoolProfile } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

/** The school's score against the district median each year, and its rank (right axis, 1 at the top). */
export function ScoreTrendChart({ history }: { history: SchoolProfile['history'] }) {
  const { c, labelKey } = useDashboardCopy();
  const maxOf = Math.max(1, ...history.map((h) => h.of));
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 16, right: 24, top: 56, bottom: 28 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? (formatScore(v, labelKey) ?? '') : c.common.noValue) },
      xAxis: { type: 'category', data: history.map((h) => String(h.year)) },
      yAxis: [
        { type: 'value', name: c.common.score, min: 0, max: 100 },
        { type: 'value', name: c.profile.rankAxis, inverse: true, min: 1, max: maxOf, minInterval: 1, splitLine: { show: false } },
      ],
      series: [
        { type: 'line', name: c.profile.ownScore, data: history.map((h) => h.score), symbolSize: 8, lineStyle: { width: 3 }, label: { show: true, position: 'top', formatter: (p: unknown) => formatScore((p as { value: number }).value, labelKey) ?? '' } },
        { type: 'line', name: c.common.median, data: history.map((h) => h.districtMedian), lineStyle: { type: 'dashed' }, itemStyle: { color: '#5d6b7a' } },
        {
          type: 'line',
          name: c.common.rank,
          yAxisIndex: 1,
          data: history.map((h) => h.rank),
          symbol: 'diamond',
          symbolSize: 10,
          lineStyle: { type: 'dotted', color: '#b26a00' },
          itemStyle: { color: '#b26a00' },
          label: { show: true, position: 'bottom', color: '#8a5200', formatter: (p: unknown) => c.common.rankShort((p as { value: number }).value) },
        },
      ],
    }),
    [history, maxOf, labelKey, c],
  );
  return (
    <ChartFigure
      title={c.profile.scoreTrend}
      chart={<EChart option={option} height={300} label={c.common.chartOf(c.profile.scoreTrend)} />}
      table={
        <table className="data-table compact-table">
          <thead>
            <tr>
              <th scope="col">{c.common.year}</th>
              <th scope="col" className="num">
                {c.common.score}
              </th>
              <th scope="col">{c.common.stars}</th>
              <th scope="col" className="num">
                {c.common.rank}
              </th>
              <th scope="col" className="num">
                {c.common.median}
              </th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.year}>
                <th scope="row">{h.year}</th>
                <td className="num">{formatScore(h.score, labelKey) ?? c.common.noValue}</td>
                <td>
                  <span className="stars" aria-label={h.stars == null ? undefined : `${h.stars}`}>
                    {starText(h.stars) || c.common.noValue}
                  </span>
                </td>
                <td className="num">{h.rank == null ? c.common.noValue : c.common.rankOf(h.rank, h.of)}</td>
                <td className="num">{formatScore(h.districtMedian, labelKey) ?? c.common.noValue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
