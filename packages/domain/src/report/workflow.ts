import { localize, type Localized } from '../i18n/locale';
import type { ReportProgress, ReportStatus } from './report';

/**
 * The report life cycle. A chair saves and submits; the district returns
 * (with comments) or approves; only an admin reopens an approved report.
 *   not_started/draft --save--> draft        returned --save--> returned
 *   draft/returned --submit--> submitted --return--> returned
 *   submitted --approve--> approved --reopen--> returned
 * Two-step years (DHIS2's approve → accept) put a cluster step in between:
 *   submitted --cluster_approve--> cluster_approved --approve (accept)--> approved
 *   cluster_approved --return--> returned
 * Who may take which step is `reviewDecision`'s business (review-steps.ts).
 */
export type ReportAction = 'save' | 'submit' | 'return' | 'cluster_approve' | 'approve' | 'reopen';

const transitions: Record<ReportAction, Partial<Record<ReportProgress, ReportStatus>>> = {
  save: { not_started: 'draft', draft: 'draft', returned: 'returned' },
  submit: { draft: 'submitted', returned: 'submitted' },
  return: { submitted: 'returned', cluster_approved: 'returned' },
  cluster_approve: { submitted: 'cluster_approved' },
  approve: { submitted: 'approved', cluster_approved: 'approved' },
  reopen: { approved: 'returned' },
};

export function nextReportStatus(action: ReportAction, from: ReportProgress): ReportStatus | null {
  return transitions[action][from] ?? null;
}

const refusals: Record<ReportAction, Localized> = {
  save: { zh: '报告已提交或已通过，不能再修改', en: 'The report has been submitted or approved and can no longer be changed' },
  submit: { zh: '只有草稿或已退回的报告可以提交', en: 'Only a draft or a returned report can be submitted' },
  return: { zh: '只有已提交或片区已初审的报告可以退回', en: 'Only a submitted or cluster-approved report can be returned' },
  cluster_approve: { zh: '只有已提交的报告可以初审通过', en: 'Only a submitted report can pass the cluster review' },
  approve: { zh: '只有已提交的报告可以审核通过', en: 'Only a submitted report can be approved' },
  reopen: { zh: '只有已通过的报告可以重新打开', en: 'Only an approved report can be reopened' },
};

/** Why an action is not possible now, for the user (in the caller's locale). */
export function refusalMessage(action: ReportAction): string {
  return localize(refusals[action]);
}

export const isEditableByChair = (status: ReportProgress): boolean => nextReportStatus('save', status) !== null;
