import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTRPC } from '../../app/trpc';

/**
 * The year a dashboard shows, kept in the address (?year=). By default the
 * latest closed year: the open year is still being filled in, so most of its
 * reports are not approved yet.
 */
export function useDashboardYear() {
  const trpc = useTRPC();
  const years = useQuery(trpc.reports.years.queryOptions());
  const [params, setParams] = useSearchParams();
  const fromAddress = Number(params.get('year'));
  const list = years.data ?? [];
  const defaultYear = (list.find((y) => !y.isOpen) ?? list[0])?.year;
  const year = list.some((y) => y.year === fromAddress) ? fromAddress : defaultYear;
  const setYear = (next: number) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (next === defaultYear) p.delete('year');
        else p.set('year', String(next));
        return p;
      },
      { replace: true },
    );
  return { year, years: list, setYear, query: years };
}
