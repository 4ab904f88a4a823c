import { medianOf } from '@union/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { percentileShade } from '../colourScale';
import { formatScore, formatShown } from '../format';
import type { Comparison } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';
import { SortHeader } from './SortHeader';
import { nextSort, sortRows, type Sort } from './sortRows';
import { YoyBadge } from './YoyBadge';
import { unitSuffix } from '../../reports/format';

/** All schools × the chosen indicators: sortable, shaded by percentile, with YoY, score and rank. */
export function ComparisonTable({ data }: { data: Comparison }) {
  const { c, labelKey } = useDashboardCopy();
  const [sort, setSort] = useState<Sort>({ key: 'score', direction: 'descending' });
  const onSort = (key: Sort['key']) => setSort((s) => nextSort(s, key));
  const rows = sortRows(data.rows, sort);
  const per100 = data.perHundredStaff;
  const nameOf = (i: Comparison['indicators'][number]) => (labelKey === 'en' ? i.nameEn : i.nameZh);
  const unitOf = (i: Comparison['indicators'][number]) =>
    per100 && i.valueType !== 'percent' && i.code !== 'staff_total' ? `${unitSuffix(i.unit, labelKey).trim()}${labelKey === 'en' ? ' / 100 staff' : '/百人'}` : unitSuffix(i.unit, labelKey).trim();

  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={c.compare.tableCaption(data.year)}>
      <table className="data-table compare-table">
        <caption className="visually-hidden">{c.compare.tableCaption(data.year)}</caption>
        <thead>
          <tr>
            <SortHeader sortKey="school" sort={sort} onSort={onSort} label={c.common.school} className="sticky-col" />
            <SortHeader sortKey="score" sort={sort} onSort={onSort} label={c.common.score} className="num" />
            <SortHeader sortKey="rank" sort={sort} onSort={onSort} label={c.common.rank} className="num" />
            {data.indicators.map((i) => (
              <SortHeader key={i.code} sortKey={`ind:${i.code}`} sort={sort} onSort={onSort} label={nameOf(i)} className="num">
                {nameOf(i)}
                <span className="col-unit">{labelKey === 'en' ? ` (${unitOf(i)})` : `（${unitOf(i)}）`}</span>
              </SortHeader>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.schoolId}>
              <th scope="row" className="sticky-col">
                <Link to={`/dashboard/schools/${row.schoolId}`}>{row.schoolName}</Link>
                <span className="row-sub">{row.clusterName ?? c.common.noCluster}</span>
              </th>
              <td className="num" data-col="score">
                <span className="cell-value">{formatScore(row.score, labelKey) ?? c.common.noValue}</span>
                <YoyBadge yoy={row.scoreYoy} />
              </td>
              <td className="num" data-col="rank">
                {row.rank ?? c.common.noValue}
              </td>
              {data.indicators.map((i) => {
                const cell = row.cells[i.code]!;
                const percentile = cell.percentile == null ? null : Math.round(cell.percentile);
                return (
                  <td key={i.code} className="num heat-cell" data-col={i.code} style={{ background: percentileShade(cell.percentile) }}>
                    <span className="cell-value">{formatShown(cell.shown, i, per100, labelKey) ?? c.common.noValue}</span>
                    <YoyBadge yoy={cell.yoy} />
                    {percentile != null ? (
                      <span className="pct" title={c.compare.percentile(percentile)}>
                        <span aria-hidden="true">P{percentile}</span>
                        <span className="visually-hidden">{c.compare.percentile(percentile)}</span>
                      </span>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" className="sticky-col">
              {c.common.median}
            </th>
            <td className="num">{formatScore(medianOf(data.rows.map((r) => r.score)), labelKey) ?? c.common.noValue}</td>
            <td />
            {data.indicators.map((i) => (
              <td key={i.code} className="num">
                {formatShown(data.medians[i.code], i, per100, labelKey) ?? c.common.noValue}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
