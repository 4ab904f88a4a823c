import { useQuery } from '@tanstack/react-query';
import type { Indicator } from '@union/domain';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { formatIndicatorValue } from '../../ui/format';
import { ErrorState, LoadingState } from '../../ui/states';
import { formatDateTime } from '../reports/ValueHistoryDialog';
import { useFieldName } from './field-names';
import { useReviewCopy } from './messages';
import { useStepCopy } from './step-messages';

type Edit = NonNullable<RouterOutputs['review']['edits']['unlocks'][number]['changes']>[number];

/** Every unlock of an approved report, with the diff of what the school changed (old → new, who, when, why). */
export function PostApprovalEdits({ reportId, catalogue }: { reportId: number; catalogue: readonly Indicator[] }) {
  const { labelKey } = useReviewCopy();
  const { s } = useStepCopy();
  const trpc = useTRPC();
  const edits = useQuery({ ...trpc.review.edits.queryOptions({ reportId }), staleTime: 0 });
  const fieldName = useFieldName(catalogue);
  const shown = (edit: Edit, value: Edit['from']) => {
    if (value === null || value === '') return s.empty;
    if (typeof value === 'number' && edit.fieldPath.startsWith('values.')) {
      const indicator = catalogue.find((i) => `values.${i.code}` === edit.fieldPath);
      return indicator ? (formatIndicatorValue(value, indicator, labelKey) ?? s.empty) : String(value);
    }
    return String(value);
  };

  let body;
  if (edits.isError) body = <ErrorState error={edits.error} onRetry={() => void edits.refetch()} />;
  else if (edits.isPending) body = <LoadingState />;
  else if (edits.data.unlocks.length === 0) return null;
  else
    body = (
      <>
        <p className="muted">{edits.data.editsSinceApproval ? s.editsCount(edits.data.editsSinceApproval) : s.editsNone}</p>
        {edits.data.unlocks.map((u) => (
          <div key={u.id} className="post-approval-edits__entry">
            <p>
              {s.editUnlocked(u.unlockedBy, formatDateTime(u.unlockedAt, labelKey), u.fieldPath ? `「${fieldName(u.fieldPath)}」` : fieldName(''))}
              <br />
              <span className="muted">{s.editReason}</span>
              <span lang="zh-CN">{u.reason}</span>
            </p>
            {u.changes === null ? (
              <p className="muted">{s.editPending}</p>
            ) : (
              <>
                <p className="muted">{s.editResubmitted(u.resubmittedBy ?? '', formatDateTime(u.resubmittedAt, labelKey))}</p>
                {u.changes.length === 0 ? (
                  <p className="muted">{s.editNoChange}</p>
                ) : (
                  <table className="data-table card-table">
                    <thead>
                      <tr>
                        <th scope="col">{s.editField}</th>
                        <th scope="col">{s.editFrom}</th>
                        <th scope="col">{s.editTo}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {u.changes.map((edit) => (
                        <tr key={edit.fieldPath}>
                          <th scope="row">{fieldName(edit.fieldPath)}</th>
                          <td data-label={s.editFrom}>{shown(edit, edit.from)}</td>
                          <td data-label={s.editTo}>{shown(edit, edit.to)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </>
            )}
          </div>
        ))}
      </>
    );
  return (
    <section className="report-section post-approval-edits" aria-labelledby="review-edits" data-testid="post-approval-edits">
      <h2 id="review-edits">{s.editsTitle}</h2>
      {body}
    </section>
  );
}
