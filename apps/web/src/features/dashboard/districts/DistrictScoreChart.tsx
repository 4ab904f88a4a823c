import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { ChartFigure } from '../charts/ChartFigure';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { useDashboardCopy } from '../useDashboardCopy';
import { districtLink, type DistrictComparison } from './DistrictTables';
import { useDistrictsCopy } from './useDistrictsCopy';

const bandsEn = ['90 and above', '80–89', '70–79', '60–69', 'Below 60'];

/** Scored schools per score band, one stacked bar per district; a bar opens its district. */
export function DistrictScoreChart({ data }: { data: DistrictComparison }) {
  const { c: dash, labelKey } = useDashboardCopy();
  const c = useDistrictsCopy();
  const navigate = useNavigate();
  const bandLabels = useMemo(() => (data.districts[0]?.scores.distribution ?? []).map((b, i) => (labelKey === 'en' ? (bandsEn[i] ?? b.label) : b.label)), [data, labelKey]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 16, right: 16, top: 56, bottom: 32, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: data.districts.map((d) => d.name), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', minInterval: 1, name: dash.overview.schoolsInBand },
      // Lowest band at the bottom of each bar, like a number line read upwards.
      series: bandLabels
        .map((label, band) => ({ type: 'bar' as const, name: label, stack: 'bands', barMaxWidth: 56, data: data.districts.map((d) => d.scores.distribution[band]?.count ?? 0) }))
        .reverse(),
    }),
    [data, bandLabels, dash],
  );
  return (
    <ChartFigure
      title={c.distributionTitle}
      note={<p>{c.distributionHint}</p>}
      chart={
        <EChart
          option={option}
          height={300}
          label={dash.common.chartOf(c.distributionTitle)}
          onClick={(p) => {
            const district = data.districts[p.dataIndex];
            if (district) void navigate(districtLink(district.id, data.year));
          }}
        />
      }
      table={
        <table className="data-table compact-table">
          <thead>
            <tr>
              <th scope="col">{c.district}</th>
              {bandLabels.map((b) => (
                <th scope="col" className="num" key={b}>{b}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.districts.map((d) => (
              <tr key={d.id}>
                <th scope="row" data-user-content>{d.name}</th>
                {d.scores.distribution.map((b, i) => (
                  <td className="num" key={i}>{b.count}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
