import type { ReportProgress } from '@union/domain';

export type StatusCounts = Record<ReportProgress, number> & { total: number };

/** Counts schools by the status of their report for the selected year. */
export function countStatuses(schools: readonly { reportStatus: ReportProgress }[]): StatusCounts {
  const counts: StatusCounts = { total: 0, not_started: 0, draft: 0, submitted: 0, returned: 0, cluster_approved: 0, approved: 0 };
  for (const s of schools) {
    counts.total += 1;
    counts[s.reportStatus] += 1;
  }
  return counts;
}
