import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../app/trpc';
import { useReviewCopy } from './messages';

/** The reporting years, newest first, and the one chosen in `?year=` (default: the open year). */
export function useChosenYear() {
  const trpc = useTRPC();
  const years = useQuery(trpc.reports.years.queryOptions());
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const list = years.data ?? [];
  const year = list.find((y) => y.year === asked)?.year ?? list.find((y) => y.isOpen)?.year ?? list[0]?.year ?? null;
  const setYear = (y: number) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        next.set('year', String(y));
        return next;
      },
      { replace: true },
    );
  return { years, list, year, setYear };
}

export function YearField({ list, year, onChange }: { list: { year: number; isOpen: boolean }[]; year: number; onChange: (y: number) => void }) {
  const { c } = useReviewCopy();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{c.year}</label>
      <select id={id} value={year} onChange={(e) => onChange(Number(e.target.value))}>
        {list.map((y) => (
          <option key={y.year} value={y.year}>
            {y.isOpen ? c.yearOpen(y.year) : c.yearOption(y.year)}
          </option>
        ))}
      </select>
    </div>
  );
}
