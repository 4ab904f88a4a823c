import type { ReactNode } from 'react';
import { useDashboardCopy } from '../useDashboardCopy';
import type { Sort, SortKey } from './sortRows';

/** A column heading that sorts the table: a button inside the th, which carries aria-sort. */
export function SortHeader({ sortKey, sort, onSort, label, children, className }: { sortKey: SortKey; sort: Sort; onSort: (key: SortKey) => void; label: string; children?: ReactNode; className?: string }) {
  const { c } = useDashboardCopy();
  const active = sort.key === sortKey;
  return (
    <th scope="col" className={className} aria-sort={active ? sort.direction : undefined}>
      <button type="button" className="sort-button" title={c.compare.sortBy(label)} onClick={() => onSort(sortKey)}>
        <span>{children ?? label}</span>
        <span className="sort-button__icon" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}
