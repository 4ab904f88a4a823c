import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../app/trpc';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useInspectionCopy } from './messages';
import './inspection.css';

/** The inspector's schools, team by team, newest year first: open a handed-in report to score it. */
export function InspectionListPage() {
  const c = useInspectionCopy();
  const trpc = useTRPC();
  useDocumentTitle(c.mineTitle);
  const mine = useQuery(trpc.inspection.mine.queryOptions({}));

  return (
    <Page title={c.mineTitle} lead={<p>{c.mineLead}</p>}>
      {mine.isError ? (
        <ErrorState error={mine.error} onRetry={() => void mine.refetch()} />
      ) : mine.isPending ? (
        <LoadingState />
      ) : mine.data.every((team) => team.schools.length === 0) ? (
        <EmptyState title={c.mineEmpty}>{c.mineEmptyBody}</EmptyState>
      ) : (
        mine.data.map((team) => (
          <section className="insp-team" key={team.id} aria-labelledby={`team-${team.id}`}>
            <h2 id={`team-${team.id}`}>
              {team.year} · <span data-user-content>{team.name}</span>
            </h2>
            <ul className="insp-schools">
              {team.schools.map((s) => (
                <li key={s.schoolId} className="insp-school">
                  <div className="insp-school__text">
                    <span className="insp-school__name" data-user-content>
                      {s.name}
                    </span>
                    <span className={`insp-state insp-state--${s.state}`}>{s.reportId === null ? c.notHandedIn : c.state(s.state)}</span>
                  </div>
                  {s.reportId !== null ? (
                    <Link className="button insp-school__open" to={`/inspection/${s.reportId}`}>
                      {s.editable ? c.open : c.view}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </Page>
  );
}
