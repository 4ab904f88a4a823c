import { useCallback, useId, useMemo, useState } from 'react';
import { ChartFigure } from '../charts/ChartFigure';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { tooltipLines } from '../charts/tooltip';
import { formatShown } from '../format';
import type { Comparison } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

interface Point {
  schoolId: number;
  schoolName: string;
  value: number;
  percentile: number | null;
}

/** A fixed, even spread of dots around the axis so equal values stay visible (no randomness). */
const jitter = (i: number) => ((i * 7) % 11) / 10 - 0.5;

/** One indicator's values across schools as a strip plot, the median marked and one school highlighted. */
export function DistributionChart({ data }: { data: Comparison }) {
  const { c, labelKey } = useDashboardCopy();
  const [code, setCode] = useState(data.indicators[0]?.code ?? '');
  const [marked, setMarked] = useState<number | null>(null);
  const ids = { indicator: useId(), school: useId() };
  const indicator = data.indicators.find((i) => i.code === code) ?? data.indicators[0]!;
  const per100 = data.perHundredStaff;
  const name = labelKey === 'en' ? indicator.nameEn : indicator.nameZh;
  const points = useMemo<Point[]>(
    () =>
      data.rows
        .map((r) => ({ schoolId: r.schoolId, schoolName: r.schoolName, value: r.cells[indicator.code]?.shown ?? null, percentile: r.cells[indicator.code]?.percentile ?? null }))
        .filter((p): p is typeof p & { value: number } => p.value !== null)
        .sort((a, b) => b.value - a.value),
    [data, indicator.code],
  );
  const median = data.medians[indicator.code] ?? null;
  const show = useCallback((v: number | null) => formatShown(v, indicator, per100, labelKey, true) ?? c.common.noValue, [indicator, per100, labelKey, c]);
  const option = useMemo<ChartOption>(() => {
    const others = points.filter((p) => p.schoolId !== marked);
    const chosen = points.filter((p) => p.schoolId === marked);
    return {
      grid: { left: 16, right: 24, top: 24, bottom: 32 },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const d = (p as { data: { name: string; value: [number, number] } }).data;
          return tooltipLines(d.name, `${name}${c.common.colon}${show(d.value[0])}`);
        },
      },
      xAxis: { type: 'value', scale: false },
      yAxis: { type: 'value', show: false, min: -1, max: 1 },
      series: [
        {
          type: 'scatter',
          name,
          symbolSize: 10,
          itemStyle: { color: '#1f4e79', opacity: 0.55 },
          data: others.map((p, i) => ({ name: p.schoolName, value: [p.value, jitter(i)] })),
          markLine: median === null ? undefined : { symbol: 'none', silent: true, lineStyle: { color: '#5d6b7a', type: 'dashed' }, label: { formatter: `${c.common.median} ${show(median)}` }, data: [{ xAxis: median }] },
        },
        {
          type: 'scatter',
          name: chosen[0]?.schoolName ?? '',
          symbol: 'diamond',
          symbolSize: 18,
          itemStyle: { color: '#b3261e' },
          label: { show: true, position: 'top', formatter: (p: unknown) => (p as { name: string }).name, color: '#b3261e', fontWeight: 'bold' },
          data: chosen.map((p) => ({ name: p.schoolName, value: [p.value, 0] })),
        },
      ],
    };
  }, [points, marked, median, name, show, c]);

  const controls = (
    <div className="inline-fields">
      <div className="field">
        <label htmlFor={ids.indicator}>{c.compare.distributionIndicator}</label>
        <select id={ids.indicator} value={indicator.code} onChange={(e) => setCode(e.target.value)}>
          {data.indicators.map((i) => (
            <option key={i.code} value={i.code}>
              {labelKey === 'en' ? i.nameEn : i.nameZh}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.school}>{c.compare.markSchool}</label>
        <select id={ids.school} value={marked ?? ''} onChange={(e) => setMarked(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{c.compare.noSchool}</option>
          {data.rows.map((r) => (
            <option key={r.schoolId} value={r.schoolId}>
              {r.schoolName}
            </option>
          ))}
        </select>
      </div>
    </div>
  );

  return (
    <ChartFigure
      title={`${c.compare.distributionTitle}${c.common.colon}${name}${per100 ? c.compare.per100Suffix : ''}`}
      controls={controls}
      chart={<EChart option={option} height={220} label={c.common.chartOf(`${c.compare.distributionTitle} ${name}`)} />}
      table={<DistributionTable points={points} marked={marked} name={name} show={show} />}
    />
  );
}

/** The strip plot's numbers as a table; a component, so it is only built when the reader opens it. */
function DistributionTable({ points, marked, name, show }: { points: readonly Point[]; marked: number | null; name: string; show: (v: number | null) => string }) {
  const { c } = useDashboardCopy();
  return (
    <table className="data-table compact-table">
      <thead>
        <tr>
          <th scope="col">{c.common.school}</th>
          <th scope="col" className="num">
            {name}
          </th>
          <th scope="col" className="num">
            P
          </th>
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.schoolId} className={p.schoolId === marked ? 'row--marked' : undefined}>
            <th scope="row">{p.schoolName}</th>
            <td className="num">{show(p.value)}</td>
            <td className="num">{p.percentile == null ? c.common.noValue : Math.round(p.percentile)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
