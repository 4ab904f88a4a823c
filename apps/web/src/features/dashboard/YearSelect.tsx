import { useId } from 'react';
import { useDashboardCopy } from './useDashboardCopy';

export function YearSelect({ year, years, onChange }: { year: number | undefined; years: readonly { year: number; isOpen: boolean }[]; onChange: (year: number) => void }) {
  const { c } = useDashboardCopy();
  const id = useId();
  return (
    <div className="field field--year">
      <label htmlFor={id}>{c.common.year}</label>
      <select id={id} value={year ?? ''} disabled={years.length === 0} onChange={(e) => onChange(Number(e.target.value))}>
        {years.map((y) => (
          <option key={y.year} value={y.year}>
            {y.isOpen ? c.common.yearOpen(y.year) : c.common.yearOption(y.year)}
          </option>
        ))}
      </select>
    </div>
  );
}
