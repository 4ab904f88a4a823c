import { reportProgressLabels, type ReportProgress } from '@union/domain';
import { StatusBadge } from '../../../ui/StatusBadge';
import { formatRatio } from '../format';
import type { Overview } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

const order: ReportProgress[] = ['approved', 'submitted', 'returned', 'draft', 'not_started'];

/** How many schools are at each step of the year's report, and the share submitted. */
export function CompletionPanel({ overview }: { overview: Overview }) {
  const { c, labelKey, label } = useDashboardCopy();
  const done = overview.statusCounts.submitted + overview.statusCounts.approved;
  return (
    <section className="dash-section" aria-labelledby="completion-title">
      <h2 id="completion-title" className="dash-section__title">
        {c.overview.completion}
      </h2>
      <div className="completion">
        <div className="completion__rate">
          <span className="big-number">{formatRatio(overview.completionRate, labelKey, 0)}</span>
          <span className="muted">{c.overview.completionRate}</span>
          <div className="meter" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(overview.completionRate * 100)} aria-label={c.overview.completionRate}>
            <span style={{ width: `${overview.completionRate * 100}%` }} />
          </div>
          <p className="muted">{c.overview.completionHint(done, overview.schoolCount)}</p>
        </div>
        <dl className="status-counts">
          {order.map((status) => (
            <div key={status}>
              <dt>
                <StatusBadge status={status} />
                <span className="visually-hidden">{label(reportProgressLabels[status])}</span>
              </dt>
              <dd>{c.common.schoolsCount(overview.statusCounts[status])}</dd>
            </div>
          ))}
        </dl>
      </div>
    </section>
  );
}
