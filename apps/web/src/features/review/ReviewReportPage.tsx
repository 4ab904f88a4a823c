import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { narrativeSectionLabels, narrativeSections, type Indicator, type NarrativeSection } from '@union/domain';
import { useId, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTRPC, type RouterOutputs } from '../../app/trpc';
import { useDescribeError } from '../../ui/form';
import { Modal } from '../../ui/Modal';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/StatusBadge';
import { useMe } from '../auth/me';
import { AssessmentPanel } from '../rubric/AssessmentPanel';
import { CategoryNav, CategorySection, groupCatalogue } from '../reports/categories';
import { compareWithPrevious, formatIndicatorValue, formatNumber, narrativeParagraphs } from '../../ui/format';
import { formatDateTime } from '../reports/ValueHistoryDialog';
import '../reports/reporting.css';
import { formatPercentChange, percentChange } from './change';
import { useReviewCopy } from './messages';
import { HonoursTable } from '../../ui/HonoursTable';

type ReportView = RouterOutputs['reports']['get'];

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
  const isAdmin = me.role === 'district_admin';
  const describe = useDescribeError();
  const view = useQuery({ ...trpc.reports.get.queryOptions({ schoolId, year }), refetchOnMount: 'always' });
  const catalogue = useQuery({ ...trpc.catalogue.list.queryOptions(), staleTime: 10 * 60_000 });
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
      const input = { reportId: report.id, version: report.version, comment: action === 'reopen' ? reason.trim() : overall.trim(), fieldComments: action === 'return' ? fc : [] };
      return { action, result: await mutations[action].mutateAsync(input) };
    },
    onSuccess: async ({ action }) => {
      setDone(action === 'return' ? c.doneReturned : action === 'approve' ? c.doneApproved : c.doneReopened);
      setFieldComments({});
      setOverall('');
      setReason('');
      setConfirm(null);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ schoolId, year }) }),
        queryClient.invalidateQueries({ queryKey: trpc.review.queue.pathKey() }),
        queryClient.invalidateQueries({ queryKey: trpc.review.completeness.pathKey() }),
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
  const warningByCode = new Map(warnings.map((w) => [w.code, w]));
  const commentCount = Object.values(fieldComments).filter((b) => b.trim()).length;
  const canDecide = isAdmin && report !== null && status === 'submitted';
  const canReopen = isAdmin && report !== null && status === 'approved';
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
  const name = (i: Indicator) => (labelKey === 'en' ? i.nameEn : i.nameZh);

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
      {!isAdmin ? <p className="notice">{c.viewerNote}</p> : null}
      {report === null ? (
        <EmptyState title={c.notSubmitted} />
      ) : (
        <>
          <AssessmentPanel reportId={report.id} year={year} canAccept={isAdmin} />

          <section className="report-section" aria-labelledby="review-values">
            <h2 id="review-values">{c.valuesTitle}</h2>
            <p className="muted">
              {c.valuesIntro} {warnings.length ? <strong>{c.warningsCount(warnings.length)}</strong> : c.noWarnings}
            </p>
            <CategoryNav groups={groups} />
            {groups.map((group) => (
              <CategorySection key={group.category} group={group}>
                <table className="data-table card-table review-table">
                  <thead>
                    <tr>
                      <th scope="col">{c.colIndicator}</th>
                      <th scope="col" className="num">
                        {c.colThisYear(year)}
                      </th>
                      <th scope="col" className="num">
                        {c.colLastYear(year - 1)}
                      </th>
                      <th scope="col" className="num">
                        {c.colChange}
                      </th>
                      <th scope="col" className="num">
                        {c.colPct}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {group.indicators.map((indicator) => {
                      const cur = report.values[indicator.code];
                      const prev = previousYearValues[indicator.code];
                      const change = compareWithPrevious(cur, prev);
                      const pct = percentChange(cur, prev);
                      const warning = warningByCode.get(indicator.code);
                      const explanation = report.explanations[indicator.code];
                      const path = `values.${indicator.code}`;
                      return (
                        <tr key={indicator.code} className={warning ? 'review-row--warn' : undefined} data-field={path}>
                          <th scope="row">
                            {name(indicator)}
                            {warning ? (
                              <span className="review-warning">
                                ⚠ {warning.message}
                              </span>
                            ) : null}
                            {explanation ? (
                              <span className="review-explanation" lang="zh-CN" data-user-content>
                                {c.explanation}
                                {explanation}
                              </span>
                            ) : null}
                            {commentToggle(path, name(indicator))}
                          </th>
                          <td className="num" data-label={c.colThisYear(year)}>
                            {formatIndicatorValue(cur, indicator, labelKey) ?? <span className="unfilled">{t('report.unfilled')}</span>}
                          </td>
                          <td className="num" data-label={c.colLastYear(year - 1)}>
                            {formatIndicatorValue(prev, indicator, labelKey) ?? t('common.noValue')}
                          </td>
                          <td className="num" data-label={c.colChange}>
                            {change ? (change.direction === 'same' ? '0' : `${change.direction === 'up' ? '+' : '−'}${formatNumber(change.delta, indicator.valueType, labelKey)}`) : t('common.noValue')}
                          </td>
                          <td className="num" data-label={c.colPct}>
                            {pct === null ? (
                              t('common.noValue')
                            ) : (
                              <span className={`pct--${pct > 0 ? 'up' : pct < 0 ? 'down' : 'same'}${Math.abs(pct) >= 50 ? ' pct--big' : ''}`}>{formatPercentChange(pct)}</span>
                            )}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </CategorySection>
            ))}
          </section>

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

          {comments.length ? <PastComments comments={comments} catalogue={catalogue.data} /> : null}

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
                      {c.approveButton}
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
        <Modal title={confirm === 'approve' ? c.confirmApproveTitle : c.confirmReturnTitle} onClose={() => setConfirm(null)} className="modal--narrow">
          <p className="modal__text">{confirm === 'approve' ? c.confirmApproveBody : c.confirmReturnBody(commentCount)}</p>
          <div className="form-actions">
            <button type="button" className={confirm === 'approve' ? 'button' : 'button button--danger'} data-autofocus onClick={() => decide.mutate(confirm)} disabled={decide.isPending}>
              {decide.isPending ? (confirm === 'approve' ? c.approving : c.returning) : confirm === 'approve' ? c.approveButton : c.returnButton}
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

function PastComments({ comments, catalogue }: { comments: ReportView['comments']; catalogue: readonly Indicator[] }) {
  const { c, label, labelKey } = useReviewCopy();
  const fieldName = (path: string) => {
    if (!path) return c.wholeReport;
    const [kind, key] = path.split('.', 2) as [string, string | undefined];
    if (kind === 'values') {
      const i = catalogue.find((x) => x.code === key);
      return i ? (labelKey === 'en' ? i.nameEn : i.nameZh) : path;
    }
    if (kind === 'narrative' && key) return label(narrativeSectionLabels[key as NarrativeSection]);
    return c.honoursTitle;
  };
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
