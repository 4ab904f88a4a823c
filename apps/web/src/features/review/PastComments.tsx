import type { Indicator } from '@union/domain';
import type { RouterOutputs } from '../../app/trpc';
import { formatDateTime } from '../reports/ValueHistoryDialog';
import { useFieldName } from './field-names';
import { useReviewCopy } from './messages';

type ReportView = RouterOutputs['reports']['get'];

/** The district's earlier comments on a report, newest round first. */
export function PastComments({ comments, catalogue }: { comments: ReportView['comments']; catalogue: readonly Indicator[] }) {
  const { c, labelKey } = useReviewCopy();
  const fieldName = useFieldName(catalogue);
  return (
    <section className="report-section" aria-labelledby="review-past">
      <h2 id="review-past">{c.pastComments}</h2>
      <ul className="review-past">
        {comments.map((cm, i) => (
          <li key={i}>
            <span className="muted">
              {c.round(cm.reviewRound)} · {formatDateTime(cm.createdAt, labelKey)} · {cm.authorName} · {fieldName(cm.fieldPath)}：
            </span>{' '}
            <span lang="zh-CN">{cm.body}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
