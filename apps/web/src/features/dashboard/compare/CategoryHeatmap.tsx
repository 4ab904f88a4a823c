import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { ChartFigure } from '../charts/ChartFigure';
import { EChart } from '../charts/EChart';
import type { ChartOption } from '../charts/echarts';
import { tooltipLines } from '../charts/tooltip';
import { formatRatio, formatScore, scoreCategoryName } from '../format';
import type { Heatmap } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

// Low shares in warm tints so where a school falls short stands out; every cell also shows its number.
const MAX_ROWS = 50;

const shareShades = ['#f4c7bf', '#fbe3cf', '#eef2f7', '#bcd3ec', '#7fa8d6'] as const;

/** Schools × categories: the share of each category's points a school earned, as a heatmap with the % in every cell. */
export function CategoryHeatmap({ data, schoolIds }: { data: Heatmap; schoolIds?: ReadonlySet<number> }) {
  const { c, labelKey } = useDashboardCopy();
  const navigate = useNavigate();
  const rows = useMemo(() => data.rows.filter((r) => !schoolIds || schoolIds.has(r.schoolId)), [data, schoolIds]);
  // Highest scores first; a city's thousands of rows would make a canvas tens of thousands of pixels tall.
  const drawn = useMemo(() => rows.slice(0, MAX_ROWS), [rows]);
  const categories = useMemo(() => data.categories.map((cat) => ({ ...cat, name: scoreCategoryName(cat, labelKey) })), [data.categories, labelKey]);
  const option = useMemo<ChartOption>(() => {
    const cells = drawn.flatMap((r, y) => categories.map((cat, x) => [x, y, Math.round((r.shares[cat.code] ?? 0) * 100)]));
    return {
      grid: { left: 8, right: 8, top: 8, bottom: 56 },
      tooltip: {
        trigger: 'item',
        formatter: (p: unknown) => {
          const [x, y, v] = (p as { value: [number, number, number] }).value;
          return tooltipLines(drawn[y]!.schoolName, `${categories[x]!.name}${c.common.colon}${v}%`);
        },
      },
      xAxis: { type: 'category', data: categories.map((cat) => cat.name), position: 'top', axisLabel: { interval: 0, rotate: labelKey === 'en' ? 30 : 0, fontSize: 11 }, splitArea: { show: false } },
      yAxis: { type: 'category', inverse: true, data: drawn.map((r) => r.schoolName), axisLabel: { interval: 0, fontSize: 11, width: 180, overflow: 'truncate' } },
      visualMap: {
        type: 'piecewise',
        orient: 'horizontal',
        left: 'center',
        bottom: 4,
        itemGap: 6,
        pieces: shareShades.map((color, i) => ({ gte: i * 20, lt: i === 4 ? 101 : (i + 1) * 20, color, label: `${i * 20}–${i === 4 ? 100 : (i + 1) * 20}%` })),
      },
      series: [{ type: 'heatmap', data: cells, itemStyle: { borderColor: '#fff', borderWidth: 1 }, label: { show: true, fontSize: 10, color: '#1b2430', formatter: (p: unknown) => String((p as { value: number[] }).value[2]) }, cursor: 'pointer' }],
    };
  }, [drawn, categories, labelKey, c]);

  return (
    <ChartFigure
      title={c.compare.heatmapTitle}
      note={
        <>
          <p>{c.compare.heatmapHint}</p>
          {rows.length > drawn.length ? <p>{c.compare.heatmapTopNote(drawn.length, rows.length)}</p> : null}
        </>
      }
      chart={
        <div className="chart-scroll">
          <div className="chart-scroll__inner chart-scroll__inner--wide">
            <EChart
              option={option}
              height={Math.max(240, drawn.length * 24 + 110)}
              label={c.common.chartOf(c.compare.heatmapTitle)}
              onClick={(p) => {
                const cell = (option.series as { data: number[][] }[])[0]!.data[p.dataIndex];
                const row = cell ? drawn[cell[1]!] : undefined;
                if (row) void navigate(`/dashboard/schools/${row.schoolId}`);
              }}
            />
          </div>
        </div>
      }
      // A component, so its thousands of cells are only built when the reader opens the table.
      table={<HeatmapTable rows={rows} categories={categories} />}
    />
  );
}

function HeatmapTable({ rows, categories }: { rows: Heatmap['rows']; categories: { code: string; name: string }[] }) {
  const { c, labelKey } = useDashboardCopy();
  return (
    <table className="data-table compact-table">
      <thead>
        <tr>
          <th scope="col">{c.common.school}</th>
          <th scope="col" className="num">
            {c.common.score}
          </th>
          {categories.map((cat) => (
            <th key={cat.code} scope="col" className="num">
              {cat.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.schoolId}>
            <th scope="row">{r.schoolName}</th>
            <td className="num">{formatScore(r.total, labelKey)}</td>
            {categories.map((cat) => (
              <td key={cat.code} className="num">
                {formatRatio(r.shares[cat.code], labelKey, 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
