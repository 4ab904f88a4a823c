import { useMemo } from 'react';
import { ChartFigure } from '../charts/ChartFigure';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { formatScore, scoreCategoryName } from '../format';
import type { SchoolProfile } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

/** Category scores of the school against the district median, each axis up to the category's full points. */
export function CategoryRadar({ categories, year }: { categories: SchoolProfile['categories']; year: number }) {
  const { c, labelKey } = useDashboardCopy();
  const title = c.profile.radarTitle(year);
  const option = useMemo<ChartOption>(
    () => ({
      legend: { bottom: 0 },
      tooltip: { trigger: 'item' },
      radar: {
        radius: '62%',
        center: ['50%', '48%'],
        indicator: categories.map((cat) => ({ name: scoreCategoryName(cat, labelKey), max: cat.maxPoints })),
        axisName: { color: '#1b2430', fontSize: 11 },
      },
      series: [
        {
          type: 'radar',
          data: [
            { name: c.profile.own, value: categories.map((cat) => cat.own ?? 0), areaStyle: { opacity: 0.25 }, lineStyle: { width: 2 } },
            { name: c.common.median, value: categories.map((cat) => cat.districtMedian ?? 0), lineStyle: { type: 'dashed' }, itemStyle: { color: '#b3261e' } },
          ],
        },
      ],
    }),
    [categories, labelKey, c],
  );
  return (
    <ChartFigure
      title={title}
      chart={<EChart option={option} height={340} label={c.common.chartOf(title)} />}
      table={
        <table className="data-table compact-table">
          <thead>
            <tr>
              <th scope="col">{c.profile.category}</th>
              <th scope="col" className="num">
                {c.profile.own}
              </th>
              <th scope="col" className="num">
                {c.common.median}
              </th>
              <th scope="col" className="num">
                {c.profile.maxPoints}
              </th>
            </tr>
          </thead>
          <tbody>
            {categories.map((cat) => (
              <tr key={cat.code}>
                <th scope="row" {...(cat.titleZh ? { 'data-user-content': '' } : {})}>{scoreCategoryName(cat, labelKey)}</th>
                <td className="num">{formatScore(cat.own, labelKey) ?? c.common.noValue}</td>
                <td className="num">{formatScore(cat.districtMedian, labelKey) ?? c.common.noValue}</td>
                <td className="num">{formatScore(cat.maxPoints, labelKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
