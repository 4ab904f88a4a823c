import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, Navigate } from 'react-router';
import { useTRPC } from '../../app/trpc';
import { useDescribeError } from '../../ui/form';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/StatusBadge';
import { homePath, useMe } from '../auth/me';
import { formatDeadline } from '../../ui/format';
import { latestComments } from '../reports/ReportForm';
import { formatDateTime } from '../reports/ValueHistoryDialog';
import '../reports/reporting.css';
import { downloadBase64 } from '../../ui/files';
import { daysUntilDeadline } from './deadline';
import { useHomeCopy } from './messages';

/** The chair's landing page: this year's status and deadline, the district's comments, reminders, links. */
export function ChairHomePage() {
  const me = useMe();
  if (me.role !== 'school_chair') return <Navigate to={homePath(me)} replace />;
  return <ChairHome />;
}

function ChairHome() {
  const { c, labelKey } = useHomeCopy();
  const me = useMe();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const describe = useDescribeError();
  const schoolId = me.schoolId;
  const years = useQuery(trpc.reports.years.queryOptions());
  const year = years.data?.find((y) => y.isOpen) ?? null;
  const view = useQuery({ ...trpc.reports.get.queryOptions({ schoolId: schoolId ?? 0, year: year?.year ?? 2000 }), enabled: schoolId !== null && year !== null, staleTime: 0 });
  const reminders = useQuery({ ...trpc.reminders.mine.queryOptions(), staleTime: 0 });
  const markRead = useMutation({
    ...trpc.reminders.markRead.mutationOptions(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.reminders.mine.queryKey() }),
  });
  const exportHistory = useMutation(trpc.excel.exportSchoolHistory.mutationOptions());
  useDocumentTitle(c.title);

  if (schoolId === null) {
    return (
      <Page title={c.title}>
        <EmptyState title={c.noSchool} />
      </Page>
    );
  }
  const reportLink = year ? `/schools/${schoolId}/reports/${year.year}` : `/schools/${schoolId}`;

  let yearCard;
  if (years.isError) yearCard = <ErrorState error={years.error} onRetry={() => void years.refetch()} />;
  else if (years.isPending) yearCard = <LoadingState />;
  else if (!year) yearCard = <p>{c.noOpenYear}</p>;
  else if (view.isError) yearCard = <ErrorState error={view.error} onRetry={() => void view.refetch()} />;
  else if (view.isPending) yearCard = <LoadingState />;
  else {
    const status = view.data.status;
    const days = daysUntilDeadline(year.deadline);
    const handedIn = status === 'submitted' || status === 'cluster_approved' || status === 'approved';
    const comments = status === 'returned' ? latestComments(view.data.comments) : new Map();
    const overall = comments.get('') ?? [];
    const fieldCount = [...comments.entries()].filter(([k]) => k !== '').reduce((n, [, v]) => n + v.length, 0);
    const action = status === 'not_started' ? c.fill : status === 'draft' ? c.continueFill : status === 'returned' ? c.fixReturned : c.viewReport;
    yearCard = (
      <>
        <p className="home-status">
          <span>{c.status}</span>
          <StatusBadge status={status} />
        </p>
        <p>
          {c.deadline(formatDeadline(year.deadline, labelKey))}
          {!handedIn ? (
            <>
              {' · '}
              <strong className={days < 0 ? 'days--late' : days <= 7 ? 'days--soon' : undefined}>{days > 0 ? c.daysLeft(days) : days === 0 ? c.dueToday : c.overdue(-days)}</strong>
            </>
          ) : null}
        </p>
        <p className="muted">{c.hint[status]}</p>
        {overall.length || fieldCount ? (
          <div className="rf-report-comments">
            <h3>{c.commentsTitle}</h3>
            {overall.map((cm: { body: string }, i: number) => (
              <blockquote key={i} lang="zh-CN">
                {cm.body}
              </blockquote>
            ))}
            {fieldCount ? <p className="muted">{c.fieldComments(fieldCount)}</p> : null}
          </div>
        ) : null}
        <p>
          <Link className="button" to={reportLink}>
            {action}
          </Link>
        </p>
      </>
    );
  }

  const unread = reminders.data?.filter((r) => !r.read) ?? [];
  const readOnes = reminders.data?.filter((r) => r.read).slice(0, 3) ?? [];

  return (
    <Page title={c.greeting(me.displayName || me.username)} lead={view.data ? <p>{view.data.school.name}</p> : null}>
      <div className="home-grid">
        <section className="panel home-card" aria-labelledby="home-year">
          <h2 id="home-year">{year ? c.yearCard(year.year) : c.title}</h2>
          {yearCard}
        </section>
        <section className="panel home-card" aria-labelledby="home-reminders">
          <h2 id="home-reminders">{c.remindersTitle}</h2>
          {reminders.isError ? (
            <ErrorState error={reminders.error} onRetry={() => void reminders.refetch()} />
          ) : reminders.isPending ? (
            <LoadingState />
          ) : unread.length + readOnes.length === 0 ? (
            <p className="muted">{c.remindersEmpty}</p>
          ) : (
            <ul className="home-reminders">
              {[...unread, ...readOnes].map((r) => {
                const when = formatDateTime(r.createdAt, labelKey);
                return (
                  <li key={r.id} className={r.read ? undefined : 'unread'}>
                    <p className="muted">{when}</p>
                    <p lang="zh-CN">{r.message}</p>
                    {r.read ? (
                      <span className="muted">{c.read}</span>
                    ) : (
                      <button type="button" className="button button--small button--secondary" aria-label={c.markReadFor(when)} disabled={markRead.isPending} onClick={() => markRead.mutate({ id: r.id })}>
                        {c.markRead}
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section className="panel home-card" aria-labelledby="home-links">
          <h2 id="home-links">{c.linksTitle}</h2>
          <div className="home-links">
            <Link to={reportLink}>{c.fill}</Link>
            <Link to={`/schools/${schoolId}/reports/${(year?.year ?? new Date().getFullYear()) - 1}`}>{c.history}</Link>
            <button
              type="button"
              className="link-button"
              disabled={exportHistory.isPending}
              onClick={() => exportHistory.mutate({ schoolId }, { onSuccess: (file) => downloadBase64(file.filename, file.base64) })}
            >
              {exportHistory.isPending ? c.exporting : c.exportHistory}
            </button>
            {exportHistory.isError ? (
              <p className="form-field__error" role="alert">
                {describe(exportHistory.error)?.message}
              </p>
            ) : null}
          </div>
        </section>
      </div>
    </Page>
  );
}
