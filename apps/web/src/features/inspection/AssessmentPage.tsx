import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate, useParams } from 'react-router';
import { isInspectedItem, selfRaterId, type RaterItemInput, type RubricV2 } from '@union/domain';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { useMe } from '../auth/me';
import { EvidenceAttachments } from '../../ui/evidence/EvidenceAttachments';
import { FormError, useDescribeError } from '../../ui/form';
import { NotFoundPage } from '../../ui/NotFoundPage';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useInspectionCopy } from './messages';
import { ScoreInputs } from './ScoreInputs';
import './inspection.css';

type Column = Record<string, RaterItemInput>;
type Feedback = RouterOutputs['inspection']['feedback'];

/** /assessment: the chair's report of the open year. */
export function OwnAssessmentRedirect() {
  const me = useMe();
  const c = useInspectionCopy();
  const trpc = useTRPC();
  const years = useQuery(trpc.reports.years.queryOptions());
  const year = years.data?.find((y) => y.isOpen)?.year ?? years.data?.[0]?.year;
  const report = useQuery({ ...trpc.reports.get.queryOptions({ schoolId: me.schoolId ?? 0, year: year ?? 0 }), enabled: me.schoolId !== null && year !== undefined });
  if (years.isError || report.isError) return <ErrorState error={years.error ?? report.error} />;
  if (years.isPending || (year !== undefined && report.isPending)) return <LoadingState />;
  if (!report.data?.report) return <EmptyState title={c.noReport} />;
  return <Navigate to={`/assessment/${report.data.report.id}`} replace />;
}

/** The chair's 自评 of the on-site items, phone-first, with evidence per item and the published 考评 feedback. */
export function AssessmentPage() {
  const { reportId: param } = useParams();
  const reportId = Number(param);
  const valid = Number.isInteger(reportId) && reportId > 0;
  const c = useInspectionCopy();
  const trpc = useTRPC();
  useDocumentTitle(c.assessTitle);
  const ratings = useQuery({ ...trpc.rubric.ratings.queryOptions({ reportId }), enabled: valid });
  const year = ratings.data?.year;
  const definition = useQuery({ ...trpc.rubric.definition.queryOptions({ year: year ?? 0 }), enabled: year !== undefined });
  const feedback = useQuery({ ...trpc.inspection.feedback.queryOptions({ reportId }), enabled: valid });
  if (!valid) return <NotFoundPage />;
  const failed = ratings.error ?? definition.error ?? feedback.error;
  if (failed) return <ErrorState error={failed} onRetry={() => void Promise.all([ratings.refetch(), definition.refetch(), feedback.refetch()])} />;
  if (!ratings.data || !definition.data || !feedback.data) return <LoadingState />;
  return <SelfAssessment reportId={reportId} year={ratings.data.year} rubric={definition.data.rubric} given={ratings.data.ratings} feedback={feedback.data} />;
}

function SelfAssessment({ reportId, year, rubric, given, feedback }: { reportId: number; year: number; rubric: RubricV2; given: Record<string, Column>; feedback: Feedback }) {
  const c = useInspectionCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const raterId = selfRaterId(rubric);
  const [draft, setDraft] = useState<Column>(() => (raterId ? (given[raterId] ?? {}) : {}));
  const [saved, setSaved] = useState(false);
  const rate = useMutation(trpc.rubric.rate.mutationOptions());
  const items = rubric.items.filter(isInspectedItem);
  const editable = feedback.reportStatus === 'draft' || feedback.reportStatus === 'returned';
  const fed = new Map(feedback.items.map((i) => [i.itemId, i]));

  return (
    <Page title={c.assessTitle} lead={<p>{c.assessLead(year)}</p>}>
      <section className="insp-feedback" aria-labelledby="insp-feedback">
        <h2 id="insp-feedback">{c.feedbackTitle}</h2>
        {feedback.published ? (
          <p className="insp-actions__total" data-testid="feedback-total">
            {c.feedbackTotal(feedback.raterLabel ?? c.inspectionBy, feedback.total ?? 0, feedback.max ?? 0)}
          </p>
        ) : (
          <p className="muted">{c.feedbackPending(c.state(feedback.state))}</p>
        )}
      </section>
      {items.length === 0 || !raterId ? (
        <EmptyState title={c.noRubricItems} />
      ) : (
        rubric.categories
          .filter((cat) => items.some((i) => i.category === cat.id))
          .map((cat) => (
            <section key={cat.id} className="insp-category" aria-labelledby={`cat-${cat.id}`}>
              <h2 id={`cat-${cat.id}`} data-user-content>
                {cat.titleZh}
              </h2>
              {items
                .filter((i) => i.category === cat.id)
                .map((item) => {
                  const result = fed.get(item.id);
                  const basis = 'basisZh' in item ? item.basisZh : '';
                  return (
                    <article key={item.id} className="insp-item" data-item={item.id}>
                      <header className="insp-item__head">
                        <h3 data-user-content>{item.titleZh}</h3>
                        <span className="insp-item__points">{c.points('points' in item ? item.points : null)}</span>
                      </header>
                      {basis ? (
                        <p className="insp-item__basis">
                          {c.basis}{c.colon}<span data-user-content>{basis}</span>
                        </p>
                      ) : null}
                      {result ? (
                        <div className="insp-item__feedback" data-testid="item-feedback">
                          <strong>
                            {feedback.raterLabel ?? c.inspectionBy}{c.colon}{c.of(result.earned, result.max)}
                          </strong>
                          {result.noteZh ? (
                            <p data-user-content>{result.noteZh}</p>
                          ) : null}
                          {result.lines.length ? <p className="muted">{result.lines.join('；')}</p> : null}
                        </div>
                      ) : null}
                      <EvidenceAttachments reportId={reportId} target={{ kind: 'rubric_item', key: item.id }} canEdit={editable} title={c.evidence} />
                      <ScoreInputs
                        item={item}
                        value={draft[item.id]}
                        disabled={rate.isPending}
                        withNote={false}
                        onChange={(next) => {
                          setSaved(false);
                          setDraft((d) => {
                            const copy = { ...d };
                            if (Object.keys(next).length) copy[item.id] = next;
                            else delete copy[item.id];
                            return copy;
                          });
                        }}
                      />
                    </article>
                  );
                })}
            </section>
          ))
      )}
      {raterId && items.length ? (
        <div className="insp-actions">
          <FormError error={rate.isError ? describe(rate.error) : null} />
          {saved ? (
            <p className="insp-notice" role="status">
              {c.selfSaved}
            </p>
          ) : null}
          <div className="insp-buttons">
            <button
              type="button"
              className="button"
              disabled={rate.isPending}
              onClick={() =>
                void rate.mutateAsync({ reportId, raterId, ratings: draft }).then(
                  () => {
                    setSaved(true);
                    void queryClient.invalidateQueries({ queryKey: trpc.rubric.ratings.queryKey({ reportId }) });
                  },
                  () => {},
                )
              }
            >
              {rate.isPending ? c.saving : c.save}
            </button>
          </div>
        </div>
      ) : null}
    </Page>
  );
}
