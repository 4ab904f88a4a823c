import { categoryLabels, type CategoryCode } from '@union/domain';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { ChartFigure } from '../charts/ChartFigure';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { tooltipLines } from '../charts/tooltip';
import { formatScore, formatSigned } from '../format';
import type { Progress } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

const TOP_N = 10;

/** Who improved most on the total score or on one category, as a table and a diverging bar chart. */
export function ProgressSection({ progress, yearField, status }: { progress: Progress | undefined; yearField: ReactNode; status: ReactNode }) {
  const { c, label, labelKey } = useDashboardCopy();
  const navigate = useNavigate();
  const id = useId();
  const [by, setBy] = useState<'total' | CategoryCode>('total');
  const categories = Object.keys(progress?.rows[0]?.categoryChanges ?? {}) as CategoryCode[];
  const rows = useMemo(
    () => (progress?.rows ?? []).map((r) => ({ ...r, shown: by === 'total' ? r.change : (r.categoryChanges[by] ?? 0) })).sort((a, b) => b.shown - a.shown),
    [progress, by],
  );
  const byName = by === 'total' ? c.trends.overall : label(categoryLabels[by]);
  const top = rows.slice(0, TOP_N);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 48, top: 8, bottom: 24 },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => tooltipLines((p as { name: string }).name, `${byName} ${c.trends.change}${c.common.colon}${formatSigned((p as { value: number }).value, labelKey)}`),
      },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', inverse: true, data: top.map((r) => r.schoolName), axisLabel: { interval: 0, width: 180, overflow: 'truncate' } },
      series: [
        {
          type: 'bar',
          data: top.map((r) => ({ value: r.shown, itemStyle: { color: r.shown >= 0 ? '#2e7d32' : '#b3261e' } })),
          barMaxWidth: 16,
          label: { show: true, position: 'right', formatter: (p: unknown) => formatSigned((p as { value: number }).value, labelKey) },
          cursor: 'pointer',
        },
      ],
    }),
    [top, byName, labelKey, c],
  );

  return (
    <section className="dash-section" aria-labelledby="progress-title">
      <h2 id="progress-title" className="dash-section__title">
        {c.trends.progressTitle}
      </h2>
      {progress ? <p className="muted">{c.trends.progressIntro(progress.year)}</p> : null}
      <div className="inline-fields">
        {yearField}
        <div className="field">
          <label htmlFor={id}>{c.trends.progressBy}</label>
          <select id={id} value={by} onChange={(e) => setBy(e.target.value as typeof by)}>
            <option value="total">{c.trends.overall}</option>
            {categories.map((cat) => (
              <option key={cat} value={cat}>
                {label(categoryLabels[cat])}
              </option>
            ))}
          </select>
        </div>
      </div>
      {status ?? (
        <>
          <div className="dash-columns">
            <div className="table-scroll" tabIndex={0} role="region" aria-label={`${c.trends.progressTitle}${c.common.colon}${byName}`}>
              <table className="data-table compact-table progress-table">
                <caption className="visually-hidden">{`${c.trends.progressTitle}${c.common.colon}${byName}`}</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      #
                    </th>
                    <th scope="col">{c.common.school}</th>
                    <th scope="col" className="num">
                      {byName} {c.trends.change}
                    </th>
                    <th scope="col" className="num">
                      {c.trends.scoreNow}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r, i) => (
                    <tr key={r.schoolId}>
                      <td className="num">{i + 1}</td>
                      <th scope="row">
                        <Link to={`/dashboard/schools/${r.schoolId}`}>{r.schoolName}</Link>
                      </th>
                      <td className={`num ${r.shown > 0 ? 'delta--up' : r.shown < 0 ? 'delta--down' : ''}`}>{formatSigned(r.shown, labelKey)}</td>
                      <td className="num">{formatScore(r.total, labelKey)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <ChartFigure
              title={c.trends.progressChartTitle(byName, TOP_N)}
              headingLevel={3}
              chart={
                <EChart
                  option={option}
                  height={top.length * 26 + 40}
                  label={c.common.chartOf(c.trends.progressChart)}
                  onClick={(p) => {
                    const row = top[p.dataIndex];
                    if (row) void navigate(`/dashboard/schools/${row.schoolId}`);
                  }}
                />
              }
              table={
                <table className="data-table compact-table">
                  <tbody>
                    {top.map((r) => (
                      <tr key={r.schoolId}>
                        <th scope="row">{r.schoolName}</th>
                        <td className="num">{formatSigned(r.shown, labelKey)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          </div>
        </>
      )}
    </section>
  );
}
