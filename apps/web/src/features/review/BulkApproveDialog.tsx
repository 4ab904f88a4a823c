import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '../../app/trpc';
import { Modal } from '../../ui/Modal';
import { ErrorState, LoadingState } from '../../ui/states';
import { useReviewCopy } from './messages';
import { useStepCopy } from './step-messages';

export interface BulkSelection {
  reportId: number;
  version: number;
}

/**
 * Confirms a bulk approval: first what will be locked (how many reports,
 * which schools, open comments and outlier warnings), then each report is
 * approved in its own checked transition and the result lists successes and refusals.
 */
export function BulkApproveDialog({ year, selection, firstStep, onClose }: { year: number; selection: BulkSelection[]; firstStep: boolean; onClose: () => void }) {
  const { c } = useReviewCopy();
  const { s } = useStepCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preview = useQuery({ ...trpc.review.approvalPreview.queryOptions({ year, reportIds: selection.map((r) => r.reportId) }), staleTime: 0 });
  const approve = useMutation({
    ...trpc.review.approveMany.mutationOptions(),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.review.queue.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.review.completeness.pathKey() }),
      ]),
  });

  let body;
  if (approve.data) {
    const { approved, refused } = approve.data;
    body = (
      <>
        <p className="form-success" role="status">
          {s.bulkResult(approved.length, refused.length)}
        </p>
        {refused.length ? (
          <>
            <p className="modal__text">{s.bulkRefused}</p>
            <ul className="bulk-list" data-testid="bulk-refused">
              {refused.map((r) => (
                <li key={r.reportId}>
                  <strong>{r.schoolName ?? s.unknownSchool}</strong>：{r.message}
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button" data-autofocus onClick={onClose}>
            {c.confirm}
          </button>
        </div>
      </>
    );
  } else if (preview.isError) body = <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />;
  else if (preview.isPending) body = <LoadingState label={s.bulkLoading} />;
  else {
    const rows = preview.data;
    const attention = rows.filter((r) => r.openComments > 0 || r.outlierWarnings > 0).length;
    const chosen = selection.filter((sel) => rows.some((r) => r.reportId === sel.reportId));
    body = (
      <>
        <p className="modal__text">{s.bulkSummary(rows.length)}</p>
        <ul className="bulk-list" data-testid="bulk-preview">
          {rows.map((r) => (
            <li key={r.reportId} className={r.openComments || r.outlierWarnings ? 'bulk-list__attention' : undefined}>
              <strong>{r.schoolName}</strong>
              <span className="bulk-list__detail">
                {r.openComments || r.outlierWarnings ? s.bulkWarnings(r.openComments, r.outlierWarnings, r.explainedWarnings) : s.bulkClean}
              </span>
            </li>
          ))}
        </ul>
        {attention ? (
          <p className="form-error" role="note">
            {s.bulkAttention(attention)}
          </p>
        ) : null}
        <p className="modal__text">{firstStep ? s.bulkFirstStep : s.bulkLocks}</p>
        {approve.isError ? <ErrorState error={approve.error} /> : null}
        <div className="form-actions">
          <button type="button" className="button" data-autofocus disabled={approve.isPending || chosen.length === 0} onClick={() => approve.mutate({ reports: chosen })}>
            {approve.isPending ? s.bulkWorking : s.bulkConfirm(chosen.length)}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose} disabled={approve.isPending}>
            {c.cancel}
          </button>
        </div>
      </>
    );
  }
  return (
    <Modal title={s.bulkTitle} onClose={onClose} className="modal--narrow">
      {body}
    </Modal>
  );
}
