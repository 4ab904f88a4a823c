import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isAdmin } from '../../app/access';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { Page, useDocumentTitle } from '../../ui/Page';
import { StatusBadge } from '../../ui/StatusBadge';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useMe } from '../auth/me';
import { formatDateTime } from '../reports/ValueHistoryDialog';
import '../reports/reporting.css';
import './review.css';
import { BulkApproveDialog } from './BulkApproveDialog';
import { useReviewCopy } from './messages';
import { useStepCopy } from './step-messages';
import { useChosenYear, YearField } from './YearField';

type QueueRow = RouterOutputs['review']['queue'][number];

/**
 * Handed-in reports of a year, oldest submission first, with whose step each
 * waits for; the caller's own ones can be selected and approved together.
 */
export function ReviewQueuePage() {
  const { c, labelKey } = useReviewCopy();
  const { s } = useStepCopy();
  const trpc = useTRPC();
  const me = useMe();
  const { years, list, year, setYear } = useChosenYear();
  const queue = useQuery({ ...trpc.review.queue.queryOptions({ year: year ?? 0 }), enabled: year !== null, staleTime: 0 });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  useDocumentTitle(c.queueTitle);
  const isReviewer = me.role === 'cluster_reviewer';
  const mayDecide = isAdmin(me.role) || isReviewer;
  const yearInfo = list.find((y) => y.year === year);

  const stepText = (r: QueueRow) =>
    r.waitingFor === 'cluster' ? s.waitingCluster(r.clusterName) : yearInfo?.reviewSteps === 2 && r.clusterName === null ? s.waitingDistrictDirect : s.waitingDistrict;

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
  else {
    const mine = queue.data.filter((r) => r.mine);
    // Only rows still in the queue count (a refetch may have removed some).
    const chosen = mine.filter((r) => selected.has(r.reportId));
    const toggle = (id: number) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      });
    const allChosen = mine.length > 0 && chosen.length === mine.length;
    body = (
      <>
        {mayDecide && mine.length > 0 ? (
          <div className="bulk-bar" role="group" aria-label={s.bulkApprove}>
            <label className="bulk-bar__all">
              <input type="checkbox" checked={allChosen} onChange={() => setSelected(allChosen ? new Set() : new Set(mine.map((r) => r.reportId)))} />
              {s.selectAll}
            </label>
            <span aria-live="polite">{s.selectedCount(chosen.length)}</span>
            <button type="button" className="button" disabled={chosen.length === 0} onClick={() => setBulkOpen(true)}>
              {isReviewer ? s.bulkClusterApprove : s.bulkApprove}
            </button>
          </div>
        ) : null}
        <table className="data-table card-table review-queue">
          <caption className="visually-hidden">{c.queueCaption(year)}</caption>
          <thead>
            <tr>
              {mayDecide ? <th scope="col" className="select-cell"><span className="visually-hidden">{s.selectAll}</span></th> : null}
              <th scope="col">{c.colSchool}</th>
              <th scope="col">{s.colStep}</th>
              <th scope="col">{c.colSubmittedAt}</th>
              <th scope="col">{c.colRound}</th>
              <th scope="col">{c.colAction}</th>
            </tr>
          </thead>
          <tbody>
            {queue.data.map((r) => (
              <tr key={r.reportId} className={r.mine ? undefined : 'review-queue__other'}>
                {mayDecide ? (
                  <td className="select-cell">
                    {r.mine ? (
                      <label className="select-cell__label">
                        <input type="checkbox" checked={selected.has(r.reportId)} onChange={() => toggle(r.reportId)} aria-label={s.select(r.schoolName)} />
                      </label>
                    ) : null}
                  </td>
                ) : null}
                <th scope="row">
                  <Link to={`/review/${year}/${r.schoolId}`}>{r.schoolName}</Link>
                  {r.openComments || r.editsSinceApproval ? (
                    <span className="review-queue__notes">
                      {r.openComments ? s.openComments(r.openComments) : null}
                      {r.openComments && r.editsSinceApproval ? ' · ' : null}
                      {r.editsSinceApproval ? s.edited(r.editsSinceApproval) : null}
                    </span>
                  ) : null}
                </th>
                <td data-label={s.colStep}>
                  <StatusBadge status={r.status} /> <span className="review-queue__step">{stepText(r)}</span>
                </td>
                <td data-label={c.colSubmittedAt}>{formatDateTime(r.submittedAt, labelKey)}</td>
                <td data-label={c.colRound}>{r.reviewRound === 0 ? c.firstSubmission : c.resubmission(r.reviewRound)}</td>
                <td className="actions-cell">
                  <Link className={r.mine ? 'button button--small' : 'button button--small button--secondary'} to={`/review/${year}/${r.schoolId}`} aria-label={(r.mine ? c.openFor : viewFor(c.view))(r.schoolName)}>
                    {r.mine ? c.open : c.view}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {bulkOpen ? (
          <BulkApproveDialog
            year={year}
            firstStep={isReviewer}
            selection={chosen.map((r) => ({ reportId: r.reportId, version: r.version }))}
            onClose={() => {
              setBulkOpen(false);
              setSelected(new Set());
            }}
          />
        ) : null}
      </>
    );
  }

  return (
    <Page
      title={c.queueTitle}
      lead={
        <>
          <p>{c.queueIntro}</p>
          {isReviewer ? <p>{s.reviewerIntro}</p> : yearInfo?.reviewSteps === 2 ? <p>{s.twoStepIntro}</p> : null}
        </>
      }
    >
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

const viewFor = (view: string) => (name: string) => `${view} ${name}`;
