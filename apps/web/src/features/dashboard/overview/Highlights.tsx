import { useQuery } from '@tanstack/react-query';
import { categoryLabels } from '@union/domain';
import { Link } from 'react-router';
import { useTRPC } from '../../../app/trpc';
import { ErrorState, LoadingState } from '../../../ui/states';
import { formatScore } from '../format';
import { useDashboardCopy } from '../useDashboardCopy';

/**
 * "Who leads, who improved": the top and bottom schools by score, the biggest
 * improvers and the categories that lost most points, each linking on to the
 * school's profile or the progress ranking. Nothing for a chair before the
 * year's results are published (the server answers null).
 */
export function Highlights({ year, districtId }: { year: number; districtId?: number | undefined }) {
  const { c, label, labelKey } = useDashboardCopy();
  const trpc = useTRPC();
  const query = useQuery(trpc.dashboard.highlights.queryOptions({ year, districtId }));
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return query.isPending ? <LoadingState /> : null;
  const h = query.data;
  if (h.scoredSchools === 0) return null;
  const score = (n: number) => formatScore(n, labelKey) ?? c.common.noValue;
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : ''}${score(Math.abs(n))}`;
  const schoolLink = (id: number, name: string) => (
    <Link to={`/dashboard/schools/${id}`} data-user-content>
      {name}
    </Link>
  );
  return (
    <section className="highlights" aria-label={c.highlights.label}>
      <HighlightList title={c.highlights.top} empty={c.highlights.none}>
        {h.top.map((s) => (
          <li key={s.schoolId}>
            <span className="highlights__rank">{c.common.rankShort(s.rank)}</span> {schoolLink(s.schoolId, s.schoolName)}
            <span className="highlights__value">{score(s.score)}</span>
          </li>
        ))}
      </HighlightList>
      <HighlightList title={c.highlights.bottom} empty={c.highlights.none}>
        {h.bottom.map((s) => (
          <li key={s.schoolId}>
            <span className="highlights__rank">{c.common.rankShort(s.rank)}</span> {schoolLink(s.schoolId, s.schoolName)}
            <span className="highlights__value">{score(s.score)}</span>
          </li>
        ))}
      </HighlightList>
      <HighlightList title={c.highlights.improvers(year - 1)} empty={c.highlights.noImprovers}>
        {h.improvers.map((s) => (
          <li key={s.schoolId}>
            {schoolLink(s.schoolId, s.schoolName)}
            <span className="highlights__value highlights__value--up">{signed(s.change)}</span>
          </li>
        ))}
      </HighlightList>
      <HighlightList title={c.highlights.categoryDrops} empty={c.highlights.noDrops} more={<Link to={`/dashboard/trends?year=${year}`}>{c.highlights.progressLink}</Link>}>
        {h.categoryDrops.map((d) => (
          <li key={d.code}>
            {label(categoryLabels[d.code])}
            <span className="highlights__value highlights__value--down">{signed(d.change)}</span>
            <span className="highlights__note">{c.highlights.schoolsDropped(d.schoolsDropped)}</span>
          </li>
        ))}
      </HighlightList>
    </section>
  );
}

function HighlightList({ title, empty, more, children }: { title: string; empty: string; more?: React.ReactNode; children: React.ReactNode[] }) {
  return (
    <div className="dash-section highlights__card">
      <h2 className="dash-section__title">{title}</h2>
      {children.length ? <ol className="highlights__list">{children}</ol> : <p className="muted">{empty}</p>}
      {more ? <p className="highlights__more">{more}</p> : null}
    </div>
  );
}
