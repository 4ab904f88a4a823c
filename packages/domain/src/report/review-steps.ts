import { localize, type Localized } from '../i18n/locale';
import type { ReportStatus } from './report';
import { nextReportStatus, refusalMessage } from './workflow';

/**
 * One-step years: the district approves. Two-step years: a cluster (片区/学区)
 * reviewer approves first, then the district accepts. A school directly under
 * the district has no cluster reviewer, so in a two-step year the district
 * takes both steps at once (submitted → approved).
 */
export type ReviewSteps = 1 | 2;
export const reviewStepsValues = [1, 2] as const;

/** The two review decisions, and who is deciding. */
export type ReviewDecision = 'return' | 'approve';
export type Reviewer = 'cluster' | 'district';

export interface ReviewSituation {
  reviewSteps: ReviewSteps;
  /** Whether the report's school sits in a cluster (else directly under the district). */
  schoolInCluster: boolean;
  by: Reviewer;
}

export type ReviewOutcome = { next: ReportStatus } | { refusal: string };

const refuse = (text: Localized): ReviewOutcome => ({ refusal: localize(text) });

/**
 * The status a reviewer's decision moves a report to, or why it is refused.
 * "approve" by a cluster reviewer is the first step (cluster_approved);
 * by the district it approves (one step, or a school without a cluster) or
 * accepts a cluster-approved report.
 */
export function reviewDecision(decision: ReviewDecision, from: ReportStatus, s: ReviewSituation): ReviewOutcome {
  if (s.by === 'cluster') {
    if (s.reviewSteps === 1) return refuse({ zh: '本年度为一级审核，由区教育工会直接审核，片区无需初审', en: 'This year has one review step: the district reviews directly, without a cluster step' });
    if (!s.schoolInCluster) return refuse({ zh: '该学校直属区教育工会，由区教育工会审核', en: 'This school sits directly under the district, which reviews it' });
    if (from === 'cluster_approved') {
      return refuse(
        decision === 'approve'
          ? { zh: '该报告片区已初审通过，等待区教育工会确认', en: 'The cluster has approved this report; it waits for the district' }
          : { zh: '片区已初审通过的报告只能由区教育工会退回', en: 'Only the district can return a cluster-approved report' },
      );
    }
    const next = nextReportStatus(decision === 'approve' ? 'cluster_approve' : 'return', from);
    return next ? { next } : { refusal: refusalMessage(decision === 'approve' ? 'cluster_approve' : 'return') };
  }
  if (decision === 'approve' && from === 'submitted' && s.reviewSteps === 2 && s.schoolInCluster) {
    return refuse({ zh: '本年度为两级审核，须先由片区审核员初审通过，再由区教育工会确认', en: 'This year has two review steps: the cluster reviewer approves first, then the district accepts' });
  }
  const next = nextReportStatus(decision, from);
  if (next) return { next };
  if (decision === 'approve' && s.reviewSteps === 2) return refuse({ zh: '只有片区已初审（或直属学校已提交）的报告可以审核通过', en: 'Only a cluster-approved report (or a submitted one of a school directly under the district) can be approved' });
  return { refusal: refusalMessage(decision) };
}

/** Which reports wait for this reviewer in a year: the statuses its queue shows. */
export function awaitingReview(by: Reviewer, reviewSteps: ReviewSteps, schoolInCluster: boolean): ReportStatus[] {
  if (by === 'cluster') return reviewSteps === 2 && schoolInCluster ? ['submitted'] : [];
  return reviewSteps === 2 && schoolInCluster ? ['cluster_approved'] : ['submitted', 'cluster_approved'];
}
