/** Which column the comparison table is sorted by: a fixed column or an indicator (`ind:<code>`). */
export type SortKey = 'school' | 'score' | 'rank' | `ind:${string}`;
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

export interface SortableRow {
  schoolName: string;
  score: number | null;
  rank: number | null;
  cells: Record<string, { shown: number | null }>;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

function valueOf(row: SortableRow, key: SortKey): number | string | null {
  if (key === 'school') return row.schoolName;
  if (key === 'score') return row.score;
  if (key === 'rank') return row.rank;
  return row.cells[key.slice(4)]?.shown ?? null;
}

/** A new column starts with what readers expect: names A→Z, ranks 1→n, numbers highest first. */
export function defaultDirection(key: SortKey): SortDirection {
  return key === 'school' || key === 'rank' ? 'ascending' : 'descending';
}

/** Clicking the sorted column flips it; another column starts in its default direction. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: defaultDirection(key) };
}

/**
 * Rows sorted by one column. Missing values go last in either direction (a
 * school that did not report is neither best nor worst); ties keep the
 * school-name order so the table does not jump around.
 */
export function sortRows<T extends SortableRow>(rows: readonly T[], sort: Sort): T[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = valueOf(a, sort.key);
    const vb = valueOf(b, sort.key);
    if (va === null && vb === null) return collator.compare(a.schoolName, b.schoolName);
    if (va === null) return 1;
    if (vb === null) return -1;
    const diff = typeof va === 'string' || typeof vb === 'string' ? collator.compare(String(va), String(vb)) : va - vb;
    return diff !== 0 ? sign * diff : collator.compare(a.schoolName, b.schoolName);
  });
}
