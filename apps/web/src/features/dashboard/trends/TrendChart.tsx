import { useCallback, useMemo } from 'react';
import { ChartFigure } from '../charts/ChartFigure';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { formatShown } from '../format';
import type { CatalogueIndicator, Trend } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';
import { useGroupsCopy } from '../groups';

const MEDIAN_COLOUR = '#5d6b7a';
const schoolColours = ['#1f4e79', '#b3261e', '#2e7d32', '#b26a00', '#6a3d9a'];
const groupColours = ['#00838f', '#8d6e63', '#c2185b', '#558b2f', '#5e35b1', '#f9a825', '#37474f'];

/** The district median (dashed) and the chosen schools over the years, for one indicator. */
export function TrendChart({ trend, indicator, openYears = [] }: { trend: Trend; indicator: CatalogueIndicator; openYears?: readonly number[] }) {
  const { c, labelKey } = useDashboardCopy();
  const { g } = useGroupsCopy();
  const name = labelKey === 'en' ? indicator.nameEn : indicator.nameZh;
  const title = c.trends.lineTitle(name) + (trend.perHundredStaff ? c.compare.per100Suffix : '');
  const show = useCallback(
    (v: number | null | undefined) => formatShown(v, indicator, trend.perHundredStaff, labelKey, true) ?? c.common.noValue,
    [indicator, trend.perHundredStaff, labelKey, c],
  );
  // A year still open for reporting counts the approved reports so far only: marked 进行中 / partial.
  const yearLabel = useCallback((year: number) => (openYears.includes(year) ? c.trends.partialYear(year) : String(year)), [openYears, c]);
  const series = useMemo(
    () => [
      { name: c.common.median, values: trend.median, median: true, group: false },
      // Group-by: one median line per group (dotted), beside the district's.
      ...trend.groups.map((line) => ({ name: g.trendGroupLine(line.label), values: line.median, median: false, group: true })),
      ...trend.schools.map((s) => ({ name: s.schoolName, values: s.values, median: false, group: false })),
    ],
    [trend, c, g],
  );
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 16, right: 24, top: 48, bottom: 28 },
      legend: { top: 0, type: 'plain' },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => show(typeof v === 'number' ? v : null) },
      xAxis: { type: 'category', data: trend.years.map(yearLabel), boundaryGap: false },
      yAxis: { type: 'value' },
      series: series.map((s, i) => {
        const groupCount = trend.groups.length;
        const color = s.median ? MEDIAN_COLOUR : s.group ? groupColours[(i - 1) % groupColours.length]! : schoolColours[(i - 1 - groupCount) % schoolColours.length]!;
        return {
          type: 'line' as const,
          name: s.name,
          data: s.values,
          connectNulls: false,
          symbol: s.median ? 'rect' : 'circle',
          symbolSize: 8,
          lineStyle: { color, width: s.median ? 3 : 2, type: s.median ? ('dashed' as const) : s.group ? ('dotted' as const) : ('solid' as const) },
          itemStyle: { color },
        };
      }),
    }),
    [trend, series, show, yearLabel],
  );
  return (
    <ChartFigure
      title={title}
      note={trend.years.some((y) => openYears.includes(y)) ? <p>{c.trends.partialNote}</p> : undefined}
      chart={<EChart option={option} height={320} label={c.common.chartOf(title)} />}
      table={
        <table className="data-table compact-table">
          <thead>
            <tr>
              <th scope="col">{c.common.year}</th>
              {series.map((s) => (
                <th key={s.name} scope="col" className="num">
                  {s.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {trend.years.map((year, i) => (
              <tr key={year}>
                <th scope="row">{yearLabel(year)}</th>
                {series.map((s) => (
                  <td key={s.name} className="num">
                    {show(s.values[i])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
