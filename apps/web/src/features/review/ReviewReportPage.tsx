import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { narrativeSectionLabels, narrativeSections, type NarrativeSection } from '@union/domain';
import { useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isAdmin } from '../../app/access';
import { useTRPC } from '../../app/trpc';
import { EvidenceAttachments } from '../../ui/evidence/EvidenceAttachments';
import { useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/StatusBadge';
import { useMe } from '../auth/me';
import { AssessmentPanel } from '../rubric/AssessmentPanel';
import { PaperCopyDownloads } from '../documents';
import { groupCatalogue } from '../reports/categories';
import { narrativeParagraphs } from '../../ui/format';
import { formatDateTime } from '../reports/ValueHistoryDialog';
import '../reports/reporting.css';
import { ReviewValues } from './ReviewValues';
import { useReviewCopy } from './messages';
import { PastComments } from './PastComments';
import { PostApprovalEdits } from './PostApprovalEdits';
import { useStepCopy } from './step-messages';
import { UnlockScopeField } from './UnlockScopeField';
import { useFieldName } from './field-names';
import { HonoursTable } from '../../ui/HonoursTable';

export function ReviewReportPage() {
  const params = useParams();
  const year = Number(params.year);
  const schoolId = Number(params.schoolId);
  const { c } = useReviewCopy();
  if (!Number.isInteger(year) || !Number.isInteger(schoolId) || schoolId <= 0) {
    return (
      <Page title={c.queueTitle}>
        <EmptyState title={c.notSubmitted} />
      </Page>
    );
  }
  return <ReviewReport key={`${schoolId}-${year}`} year={year} schoolId={schoolId} />;
}

function CommentBox({ path, name, value, onChange, onRemove }: { path: string; name: string; value: string; onChange: (v: string) => void; onRemove: () => void }) {
  const { c } = useReviewCopy();
  const id = useId();
  return (
    <div className="review-comment" data-comment={path}>
      <label htmlFor={id}>{c.commentFor(name)}</label>
      <textarea id={id} rows={2} maxLength={500} value={value} placeholder={c.commentPlaceholder} onChange={(e) => onChange(e.target.value)} autoFocus />
      <button type="button" className="link-button" onClick={onRemove}>
        {c.removeComment}
      </button>
    </div>
  );
}

function ReviewReport({ year, schoolId }: { year: number; schoolId: number }) {
  const { c, t, label, labelKey } = useReviewCopy();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const isAdminRole = isAdmin(me.role);
  const isReviewer = me.role === 'cluster_reviewer';
  const { s } = useStepCopy();
  const describe = useDescribeError();
  const view = useQuery({ ...trpc.reports.get.queryOptions({ schoolId, year }), refetchOnMount: 'always' });
  // Whose step the report waits for (and whether it is the caller's) comes from the queue, computed by the server.
  const queue = useQuery({ ...trpc.review.queue.queryOptions({ year }), staleTime: 0 });
  const [unlockField, setUnlockField] = useState('');
  const catalogue = useQuery({ ...trpc.catalogue.list.queryOptions(), staleTime: 10 * 60_000 });
  const fieldName = useFieldName(catalogue.data ?? []);
  const [fieldComments, setFieldComments] = useState<Record<string, string>>({});
  const [overall, setOverall] = useState('');
  const [reason, setReason] = useState('');
  const [confirm, setConfirm] = useState<'return' | 'approve' | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const decide = useMutation({
    mutationFn: async (action: 'return' | 'approve' | 'reopen') => {
      const report = view.data?.report;
      if (!report) throw new Error('no report');
      const fc = Object.entries(fieldComments)
        .filter(([, body]) => body.trim())
        .map(([fieldPath, body]) => ({ fieldPath, body: body.trim() }));
      const base = { reportId: report.id, version: report.version };
      if (action === 'reopen') return { action, result: await mutations.reopen.mutateAsync({ ...base, comment: reason.trim(), unlockField: unlockField || null }) };
      return { action, result: await mutations[action].mutateAsync({ ...base, comment: overall.trim(), fieldComments: action === 'return' ? fc : [] }) };
    },
    onSuccess: async ({ action, result }) => {
      setDone(action === 'return' ? c.doneReturned : action === 'reopen' ? c.doneReopened : result.status === 'cluster_approved' ? s.doneClusterApproved : c.doneApproved);
      setUnlockField('');
      setFieldComments({});
      setOverall('');
      setReason('');
      setConfirm(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ schoolId, year }) }),
        queryClient.invalidateQueries({ queryKey: trpc.review.queue.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.review.completeness.pathKey() }),
        // Approval scores the report (and reopening removes the score): the assessment panel reads it anew.
        queryClient.invalidateQueries({ queryKey: trpc.rubric.assessment.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.review.edits.pathKey() }),
      ]);
      window.scrollTo(0, 0);
    },
    onError: () => setConfirm(null),
  });
  const mutations = {
    return: useMutation(trpc.review.return.mutationOptions()),
    approve: useMutation(trpc.review.approve.mutationOptions()),
    reopen: useMutation(trpc.review.reopen.mutationOptions()),
  };
  useDocumentTitle(view.data ? c.reviewTitle(view.data.school.name, year) : c.queueTitle);

  const groups = useMemo(() => (catalogue.data ? groupCatalogue(catalogue.data) : []), [catalogue.data]);
  const back = (
    <nav className="breadcrumb" aria-label={t('report.breadcrumb')}>
      <ol>
        <li>
          <Link to={`/review?year=${year}`}>{c.queueTitle}</Link>
        </li>
        <li aria-current="page">{view.data?.school.name ?? '…'}</li>
      </ol>
    </nav>
  );

  if (view.isError || catalogue.isError) {
    return (
      <Page title={c.queueTitle} before={back}>
        <ErrorState error={view.error ?? catalogue.error} onRetry={() => void Promise.all([view.refetch(), catalogue.refetch()])} />
      </Page>
    );
  }
  if (view.isPending || catalogue.isPending) return <LoadingState />;

  const { school, status, report, previousYearValues, warnings, comments } = view.data;
  const commentCount = Object.values(fieldComments).filter((b) => b.trim()).length;
  const queueRow = queue.data?.find((r) => r.schoolId === schoolId && r.status === status);
  const canDecide = report !== null && queueRow?.mine === true;
  const approveLabel = isReviewer ? s.clusterApproveButton : status === 'cluster_approved' ? s.acceptButton : c.approveButton;
  const stepNote =
    status === 'cluster_approved' && !canDecide ? s.clusterStepDone : status === 'submitted' && queueRow?.waitingFor === 'cluster' && !isReviewer ? s.waitingForCluster : null;
  const canReopen = isAdminRole && report !== null && status === 'approved';
  const commenting = canDecide;

  const commentToggle = (path: string, name: string) =>
    commenting ? (
      path in fieldComments ? (
        <CommentBox
          path={path}
          name={name}
          value={fieldComments[path] ?? ''}
          onChange={(v) => setFieldComments((s) => ({ ...s, [path]: v }))}
          onRemove={() =>
            setFieldComments((s) => {
              const next = { ...s };
              delete next[path];
              return next;
            })
          }
        />
      ) : (
        <button type="button" className="link-button review-comment-toggle" aria-label={c.commentFor(name)} onClick={() => setFieldComments((s) => ({ ...s, [path]: '' }))}>
          {c.comment}
        </button>
      )
    ) : null;

  const startReturn = () => {
    setLocalError(null);
    setDone(null);
    if (!overall.trim() && commentCount === 0) {
      setLocalError(c.returnNeedsComment);
      return;
    }
    setConfirm('return');
  };
  const startReopen = () => {
    setLocalError(null);
    setDone(null);
    if (reason.trim().length < 2) {
      setLocalError(c.reasonRequired);
      return;
    }
    decide.mutate('reopen');
  };
  const serverError = decide.error ? describe(decide.error) : null;

  return (
    <Page title={c.reviewTitle(school.name, year)} before={back}>
      <div className="status-line">
        <StatusBadge status={status} />
        {report?.submittedAt ? <span className="status-line__dates">{t('report.submittedAt', { date: formatDateTime(report.submittedAt, labelKey) })}</span> : null}
      </div>
      {done ? (
        <p className="form-success" role="status">
          {done}{' '}
          <Link to={`/review?year=${year}`}>{c.backToQueue}</Link>
        </p>
      ) : null}
      {me.role === 'district_viewer' ? <p className="notice">{c.viewerNote}</p> : null}
      {stepNote ? <p className="notice">{stepNote}</p> : null}
      {report?.unlockedAt && status === 'returned' ? <p className="notice">{s.unlockedBanner(report.unlockedField ? fieldName(report.unlockedField) : null)}</p> : null}
      {report === null ? (
        <EmptyState title={c.notSubmitted} />
      ) : (
        <>
          <ReviewValues groups={groups} report={report} previousYearValues={previousYearValues} warnings={warnings} year={year} commentToggle={commentToggle} />
          <PaperCopyDownloads schoolId={school.id} year={year} approved={status === 'approved'} />

          <section className="report-section" aria-labelledby="review-narrative">
            <h2 id="review-narrative">{c.narrativeTitle}</h2>
            {narrativeSections.map((section: NarrativeSection) => {
              const paragraphs = narrativeParagraphs(report.narrative[section]);
              const sectionName = label(narrativeSectionLabels[section]);
              return (
                <section key={section} className="narrative" aria-label={sectionName}>
                  <h3>{sectionName}</h3>
                  {paragraphs.length ? (
                    <div className="narrative__text" lang="zh-CN" data-user-content>
                      {paragraphs.map((p, i) => (
                        <p key={i}>{p}</p>
                      ))}
                    </div>
                  ) : (
                    <p className="unfilled">{c.narrativeEmpty}</p>
                  )}
                  <EvidenceAttachments reportId={report.id} target={{ kind: 'section', key: section }} canEdit={false} />
                  {commentToggle(`narrative.${section}`, sectionName)}
                </section>
              );
            })}
          </section>

          <section className="report-section" aria-labelledby="review-honours">
            <h2 id="review-honours">{c.honoursTitle}</h2>
            <HonoursTable honours={report.honours} emptyText={c.honoursEmpty} />
            {commentToggle('honours', c.honoursTitle)}
          </section>

          {/* After the figures: at 1366×800 the score cards would push the data below the fold. */}
          <AssessmentPanel reportId={report.id} year={year} canAccept={isAdminRole} />

          {comments.length ? <PastComments comments={comments} catalogue={catalogue.data} /> : null}
          {report.unlockedAt || report.editsSinceApproval ? <PostApprovalEdits reportId={report.id} catalogue={catalogue.data} /> : null}

          {canDecide || canReopen ? (
            <section className="panel review-actions" aria-labelledby="review-decision">
              <h2 id="review-decision">{c.decisionTitle}</h2>
              {canDecide ? (
                <>
                  <div className="form-field review-comment">
                    <label htmlFor="review-overall">{c.overallComment}</label>
                    <textarea id="review-overall" rows={4} maxLength={2000} value={overall} onChange={(e) => setOverall(e.target.value)} aria-describedby="review-overall-hint" />
                    <p id="review-overall-hint" className="form-field__hint">
                      {c.overallHint} {commentCount ? c.fieldCommentsCount(commentCount) : ''}
                    </p>
                  </div>
                  <div className="review-actions__buttons">
                    <button type="button" className="button button--danger" onClick={startReturn} disabled={decide.isPending}>
                      {c.returnButton}
                    </button>
                    <button
                      type="button"
                      className="button"
                      onClick={() => {
                        setLocalError(null);
                        setDone(null);
                        setConfirm('approve');
                      }}
                      disabled={decide.isPending}
                    >
                      {approveLabel}
                    </button>
                  </div>
                </>
              ) : (
                <>
                  <div className="form-field review-comment">
                    <label htmlFor="review-reason">{c.reopenReason}</label>
                    <textarea id="review-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby="review-reason-hint" />
                    <p id="review-reason-hint" className="form-field__hint">
                      {c.reopenHint}
                    </p>
                  </div>
                  <UnlockScopeField catalogue={catalogue.data} value={unlockField} onChange={setUnlockField} />
                  <div className="review-actions__buttons">
                    <button type="button" className="button button--secondary" onClick={startReopen} disabled={decide.isPending}>
                      {decide.isPending ? c.reopening : c.reopenButton}
                    </button>
                  </div>
                </>
              )}
              {localError || serverError ? (
                <div className="form-error" role="alert">
                  <p className="form-error__title">{localError ?? serverError?.message}</p>
                </div>
              ) : null}
            </section>
          ) : null}
        </>
      )}
      {confirm ? (
        <Modal
          title={confirm === 'return' ? c.confirmReturnTitle : isReviewer ? s.confirmClusterTitle : c.confirmApproveTitle}
          onClose={() => setConfirm(null)}
          className="modal--narrow"
        >
          <p className="modal__text">{confirm === 'return' ? c.confirmReturnBody(commentCount) : isReviewer ? s.confirmClusterBody : c.confirmApproveBody}</p>
          <div className="form-actions">
            <button type="button" className={confirm === 'approve' ? 'button' : 'button button--danger'} data-autofocus onClick={() => decide.mutate(confirm)} disabled={decide.isPending}>
              {decide.isPending ? (confirm === 'approve' ? c.approving : c.returning) : confirm === 'approve' ? approveLabel : c.returnButton}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setConfirm(null)}>
              {c.cancel}
            </button>
          </div>
        </Modal>
      ) : null}
    </Page>
  );
}
