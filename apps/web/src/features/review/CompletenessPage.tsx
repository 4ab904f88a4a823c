import { useMutation, useQuery } from '@tanstack/react-query';
import { reportProgressLabels, type ReportProgress } from '@union/domain';
import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { isAdmin } from '../../app/access';
import { useTRPC } from '../../app/trpc';
import { useDescribeError } from '../../ui/form';
import { Page, useDocumentTitle } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { StatusBadge } from '../../ui/StatusBadge';
import { useMe } from '../auth/me';
import { formatDeadline } from '../../ui/format';
import { formatDateTime } from '../reports/ValueHistoryDialog';
import '../reports/reporting.css';
import { downloadBase64 } from '../../ui/files';
import { useReviewCopy } from './messages';
import { RemindDialog } from './RemindDialog';
import { useChosenYear, YearField } from './YearField';

const statuses: ReportProgress[] = ['not_started', 'draft', 'returned', 'submitted', 'approved'];

/** Completeness and timeliness of a year: every school, rates, reminders, export. */
export function CompletenessPage() {
  const { c, label, labelKey } = useReviewCopy();
  const trpc = useTRPC();
  const me = useMe();
  const mayRemind = isAdmin(me.role);
  const describe = useDescribeError();
  const { years, list, year, setYear } = useChosenYear();
  const data = useQuery({ ...trpc.review.completeness.queryOptions({ year: year ?? 0 }), enabled: year !== null, staleTime: 0 });
  const [filter, setFilter] = useState<ReportProgress | ''>('');
  const [remindOpen, setRemindOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const exportYear = useMutation(trpc.excel.exportYear.mutationOptions());
  const filterId = useId();
  useDocumentTitle(c.compTitle);

  const rows = useMemo(() => (data.data ? data.data.schools.filter((s) => !filter || s.status === filter) : []), [data.data, filter]);
  // A closed year's reports never started are missing (缺报).
  const closed = list.find((y) => y.year === year)?.isOpen === false;
  const pending = data.data ? data.data.counts.not_started + data.data.counts.draft + data.data.counts.returned : 0;

  const daysText = (s: { status: ReportProgress; daysFromDeadline: number }) => {
    const handedIn = s.status === 'submitted' || s.status === 'approved';
    const d = s.daysFromDeadline;
    if (handedIn) return d < 0 ? c.submittedEarly(-d) : d === 0 ? c.submittedOnDay : c.submittedLate(d);
    return d < 0 ? c.daysBefore(-d) : d === 0 ? c.deadlineToday : c.daysLate(d);
  };
  const daysClass = (s: { status: ReportProgress; daysFromDeadline: number }) => {
    const handedIn = s.status === 'submitted' || s.status === 'approved';
    if (s.daysFromDeadline > 0) return 'days--late';
    if (!handedIn && s.daysFromDeadline >= -7) return 'days--soon';
    return undefined;
  };

  let body;
  if (years.isError) body = <ErrorState error={years.error} onRetry={() => void years.refetch()} />;
  else if (years.isPending) body = <LoadingState />;
  else if (year === null) body = <EmptyState title={c.noYears} />;
  else if (data.isError) body = <ErrorState error={data.error} onRetry={() => void data.refetch()} />;
  else if (data.isPending) body = <LoadingState />;
  else {
    const d = data.data;
    body = (
      <>
        <dl className="stat-cards">
          <div className="stat-card">
            <dt>{c.schoolsTotal}</dt>
            <dd>{d.total}</dd>
          </div>
          <div className="stat-card">
            <dt>{c.completionRate}</dt>
            <dd>{c.pct(d.completionRate)}</dd>
          </div>
          <div className="stat-card">
            <dt>{c.onTimeRate}</dt>
            <dd>{c.pct(d.onTimeRate)}</dd>
          </div>
          {statuses.map((s) => (
            <div className="stat-card" key={s}>
              <dt>{label(reportProgressLabels[s])}</dt>
              <dd>{d.counts[s]}</dd>
            </div>
          ))}
        </dl>
        {rows.length === 0 ? (
          <EmptyState title={c.compEmpty} />
        ) : (
          <table className="data-table card-table completeness-table">
            <caption className="visually-hidden">{c.compCaption(year)}</caption>
            <thead>
              <tr>
                <th scope="col">{c.colSchool}</th>
                <th scope="col">{c.colCluster}</th>
                <th scope="col">{c.colStatus}</th>
                <th scope="col">{c.colLastChange}</th>
                <th scope="col">{c.colDays}</th>
                <th scope="col">{c.colOnTime}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.schoolId}>
                  <th scope="row">
                    {s.status === 'submitted' ? <Link to={`/review/${year}/${s.schoolId}`}>{s.schoolName}</Link> : <Link to={`/schools/${s.schoolId}/reports/${year}`}>{s.schoolName}</Link>}
                  </th>
                  <td data-label={c.colCluster}>{s.clusterName ?? c.noCluster}</td>
                  <td data-label={c.colStatus}>
                    <StatusBadge status={s.status} closed={closed} />
                  </td>
                  <td data-label={c.colLastChange}>{s.lastChangeAt ? formatDateTime(s.lastChangeAt, labelKey) : c.never}</td>
                  <td data-label={c.colDays} className={daysClass(s)}>
                    {daysText(s)}
                  </td>
                  <td data-label={c.colOnTime}>{s.onTime === null ? c.never : s.onTime ? <span className="tag tag--ok">{c.onTime}</span> : <span className="tag tag--warn">{c.late}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  }

  return (
    <Page
      title={c.compTitle}
      lead={
        <p>
          {c.compIntro} {data.data ? <strong>{c.deadline(formatDeadline(data.data.deadline, labelKey))}</strong> : null}
        </p>
      }
    >
      {list.length > 0 && year !== null ? (
        <div className="filters">
          <YearField list={list} year={year} onChange={setYear} />
          <div className="field">
            <label htmlFor={filterId}>{c.statusFilter}</label>
            <select id={filterId} value={filter} onChange={(e) => setFilter(e.target.value as ReportProgress | '')}>
              <option value="">{c.allStatuses}</option>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {label(reportProgressLabels[s])}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--action">
            <button
              type="button"
              className="button button--secondary"
              disabled={exportYear.isPending}
              onClick={() => {
                setNotice(null);
                exportYear.mutate({ year }, { onSuccess: (file) => downloadBase64(file.filename, file.base64) });
              }}
            >
              {exportYear.isPending ? c.exporting : c.exportYear}
            </button>
          </div>
          {mayRemind ? (
            <div className="field field--action">
              <button type="button" className="button" disabled={!data.data || pending === 0} onClick={() => setRemindOpen(true)}>
                {c.remind}
              </button>
            </div>
          ) : null}
        </div>
      ) : null}
      {exportYear.isError ? (
        <div className="form-error" role="alert">
          <p className="form-error__title">{describe(exportYear.error)?.message}</p>
        </div>
      ) : null}
      {notice ? (
        <p className="form-success" role="status">
          {notice}
        </p>
      ) : null}
      {body}
      {remindOpen && year !== null && data.data ? (
        <RemindDialog
          year={year}
          deadline={formatDeadline(data.data.deadline, 'zh')}
          pending={pending}
          onClose={() => setRemindOpen(false)}
          onSent={(n) => {
            setRemindOpen(false);
            setNotice(c.remindDone(n));
          }}
        />
      ) : null}
    </Page>
  );
}
