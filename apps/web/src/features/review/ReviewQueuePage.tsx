import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTRPC } from '../../app/trpc';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime } from '../reports/ValueHistoryDialog';
import '../reports/reporting.css';
import { useReviewCopy } from './messages';
import { useChosenYear, YearField } from './YearField';

/** Submitted reports of a year waiting for a decision, oldest submission first. */
export function ReviewQueuePage() {
  const { c, labelKey } = useReviewCopy();
  const trpc = useTRPC();
  const { years, list, year, setYear } = useChosenYear();
  const queue = useQuery({ ...trpc.review.queue.queryOptions({ year: year ?? 0 }), enabled: year !== null, staleTime: 0 });
  useDocumentTitle(c.queueTitle);

  let body;
  if (years.isError) body = <ErrorState error={years.error} onRetry={() => void years.refetch()} />;
  else if (years.isPending) body = <LoadingState />;
  else if (year === null) body = <EmptyState title={c.noYears} />;
  else if (queue.isError) body = <ErrorState error={queue.error} onRetry={() => void queue.refetch()} />;
  else if (queue.isPending) body = <LoadingState />;
  else if (queue.data.length === 0)
    body = (
      <EmptyState
        title={c.queueEmpty(year)}
        action={
          <Link className="button button--secondary" to={`/review/completeness?year=${year}`}>
            {c.toCompleteness}
          </Link>
        }
      >
        <p>{c.queueEmptyHint}</p>
      </EmptyState>
    );
  else
    body = (
      <table className="data-table card-table review-queue">
        <caption className="visually-hidden">{c.queueCaption(year)}</caption>
        <thead>
          <tr>
            <th scope="col">{c.colSchool}</th>
            <th scope="col">{c.colSubmittedAt}</th>
            <th scope="col">{c.colRound}</th>
            <th scope="col">{c.colAction}</th>
          </tr>
        </thead>
        <tbody>
          {queue.data.map((r) => (
            <tr key={r.reportId}>
              <th scope="row">
                <Link to={`/review/${year}/${r.schoolId}`}>{r.schoolName}</Link>
              </th>
              <td data-label={c.colSubmittedAt}>{formatDateTime(r.submittedAt, labelKey)}</td>
              <td data-label={c.colRound}>{r.reviewRound === 0 ? c.firstSubmission : c.resubmission(r.reviewRound)}</td>
              <td className="actions-cell">
                <Link className="button button--small" to={`/review/${year}/${r.schoolId}`} aria-label={c.openFor(r.schoolName)}>
                  {c.open}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );

  return (
    <Page title={c.queueTitle} lead={<p>{c.queueIntro}</p>}>
      {list.length > 0 && year !== null ? (
        <div className="filters">
          <YearField list={list} year={year} onChange={setYear} />
          <div className="field">
            <Link to={`/review/completeness?year=${year}`}>{c.toCompleteness}</Link>
          </div>
        </div>
      ) : null}
      {body}
    </Page>
  );
}
