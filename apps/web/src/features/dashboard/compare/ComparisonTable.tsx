import { medianOf } from '@union/domain';
import { memo, useLayoutEffect, useMemo, useRef, useState, useTransition } from 'react';
import { Link } from 'react-router';
import { percentileShade } from '../colourScale';
import { formatScore, formatShown } from '../format';
import type { Comparison, ComparisonRow } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';
import { SortHeader } from './SortHeader';
import { nextSort, sortRows, type Sort } from './sortRows';
import { YoyBadge } from './YoyBadge';
import { unitSuffix } from '../../../ui/format';
import { LeagueBadge, useGroupsCopy } from '../groups';

/**
 * Rows drawn at first. A city has thousands of schools: drawing every row
 * (each cell with its value, YoY and percentile) would keep the page blank for
 * seconds, so the table shows the first rows of the current order and the
 * reader asks for more. Sorting always sorts all schools.
 */
const FIRST_ROWS = 100;
const MORE_ROWS = 100;


type Indicator = Comparison['indicators'][number];
type Copy = ReturnType<typeof useDashboardCopy>['c'];
type LabelKey = ReturnType<typeof useDashboardCopy>['labelKey'];

/** One school's row. Memoised: showing more rows or re-sorting does not redraw the rows already there. */
const SchoolRow = memo(function SchoolRow({ row, indicators, per100, c, labelKey }: { row: ComparisonRow; indicators: readonly Indicator[]; per100: boolean; c: Copy; labelKey: LabelKey }) {
  // labelKey is a prop so a language switch redraws the memoised row (the badge reads the copy itself).
  return (
    <tr>
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
      <td className="num" data-col="rank-change">
        <LeagueBadge movement={row.movement} change={row.rankChange} previousRank={row.previousRank} inherited={row.inheritedRank} />
      </td>
      {indicators.map((i) => {
        const cell = row.cells[i.code]!;
        const percentile = cell.percentile == null ? null : Math.round(cell.percentile);
        return (
          <td key={i.code} className="num heat-cell" data-col={i.code} style={{ background: percentileShade(cell.percentile) }}>
            <span className="cell-value">{formatShown(cell.shown, i, per100, labelKey) ?? c.common.noValue}</span>
            <YoyBadge yoy={cell.yoy} valueType={i.valueType} />
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
  );
});

/** All schools × the chosen indicators: sortable, shaded by percentile, with YoY, score and rank. */
export function ComparisonTable({ data }: { data: Comparison }) {
  const { c, labelKey } = useDashboardCopy();
  const { g } = useGroupsCopy();
  const [sort, setSort] = useState<Sort>({ key: 'score', direction: 'descending' });
  const onSort = (key: Sort['key']) => setSort((s) => nextSort(s, key));
  const rows = useMemo(() => sortRows(data.rows, sort), [data.rows, sort]);
  const [limit, setLimit] = useState(FIRST_ROWS);
  const [showing, startShowing] = useTransition();
  const body = useRef<HTMLTableSectionElement>(null);
  /** The first row a "show more" revealed: keyboard focus moves to its link. */
  const focusRow = useRef<number | null>(null);
  const shown = Math.min(limit, rows.length);
  const per100 = data.perHundredStaff;
  const nameOf = (i: Indicator) => (labelKey === 'en' ? i.nameEn : i.nameZh);
  const unitOf = (i: Indicator) =>
    per100 && i.valueType !== 'percent' && i.code !== 'staff_total' ? `${unitSuffix(i.unit, labelKey).trim()}${labelKey === 'en' ? ' / 100 staff' : '/百人'}` : unitSuffix(i.unit, labelKey).trim();
  const median = useMemo(() => medianOf(data.rows.map((r) => r.score)), [data.rows]);

  useLayoutEffect(() => {
    if (focusRow.current === null || focusRow.current >= shown) return;
    body.current?.rows[focusRow.current]?.querySelector<HTMLElement>('a')?.focus();
    focusRow.current = null;
  }, [shown]);

  const showMore = (next: number) => {
    focusRow.current = shown;
    startShowing(() => setLimit(next));
  };

  return (
    <>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={c.compare.tableCaption(data.year)}>
        <table className="data-table compare-table" data-total-rows={rows.length} data-shown-rows={shown}>
          <caption className="visually-hidden">{c.compare.tableCaption(data.year)}</caption>
          <thead>
            <tr>
              <SortHeader sortKey="school" sort={sort} onSort={onSort} label={c.common.school} className="sticky-col" />
              <SortHeader sortKey="score" sort={sort} onSort={onSort} label={c.common.score} className="num" />
              <SortHeader sortKey="rank" sort={sort} onSort={onSort} label={c.common.rank} className="num" />
              <th scope="col" className="num">
                {g.rankChange}
              </th>
              {data.indicators.map((i) => (
                <SortHeader key={i.code} sortKey={`ind:${i.code}`} sort={sort} onSort={onSort} label={nameOf(i)} className="num">
                  {nameOf(i)}
                  <span className="col-unit">{labelKey === 'en' ? ` (${unitOf(i)})` : `（${unitOf(i)}）`}</span>
                </SortHeader>
              ))}
            </tr>
          </thead>
          <tbody ref={body}>
            {rows.slice(0, shown).map((row) => (
              <SchoolRow key={row.schoolId} row={row} indicators={data.indicators} per100={per100} c={c} labelKey={labelKey} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="sticky-col">
                {c.common.median}
              </th>
              <td className="num">{formatScore(median, labelKey) ?? c.common.noValue}</td>
              <td />
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
      {rows.length > FIRST_ROWS ? (
        <div className="inline-fields compare-more" style={{ alignItems: 'center', marginTop: 'var(--space-3)' }}>
          <p className="muted" role="status" style={{ margin: 0 }}>
            {showing ? c.compare.showingRows : shown < rows.length ? c.compare.rowsShown(shown, rows.length) : c.compare.rowsAllShown(rows.length)}
          </p>
          {shown < rows.length ? (
            <>
              {rows.length - shown > MORE_ROWS ? (
                <button type="button" className="button button--secondary button--small" disabled={showing} onClick={() => showMore(shown + MORE_ROWS)}>
                  {c.compare.showMoreRows(MORE_ROWS)}
                </button>
              ) : null}
              <button type="button" className="button button--secondary button--small" disabled={showing} onClick={() => showMore(rows.length)}>
                {c.compare.showAllRows(rows.length)}
              </button>
            </>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
