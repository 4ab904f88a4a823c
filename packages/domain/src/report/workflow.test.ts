import { describe, expect, it } from 'vitest';
import { reportStatuses } from './report';
import { isEditableByChair, nextReportStatus, type ReportAction } from './workflow';

describe('report workflow', () => {
  it('follows save → submit → return → submit → approve → reopen', () => {
    let status = nextReportStatus('save', 'not_started')!;
    expect(status).toBe('draft');
    status = nextReportStatus('submit', status)!;
    expect(status).toBe('submitted');
    status = nextReportStatus('return', status)!;
    expect(status).toBe('returned');
    expect(nextReportStatus('save', status)).toBe('returned');
    status = nextReportStatus('submit', status)!;
    status = nextReportStatus('approve', status)!;
    expect(status).toBe('approved');
    expect(nextReportStatus('reopen', status)).toBe('returned');
  });

  it('refuses every other transition', () => {
    const allowed = new Set([
      'save:not_started', 'save:draft', 'save:returned', 'submit:draft', 'submit:returned',
      'return:submitted', 'return:cluster_approved', 'cluster_approve:submitted',
      'approve:submitted', 'approve:cluster_approved', 'reopen:approved',
    ]);
    const actions: ReportAction[] = ['save', 'submit', 'return', 'cluster_approve', 'approve', 'reopen'];
    for (const action of actions) {
      for (const from of ['not_started', ...reportStatuses] as const) {
        expect(nextReportStatus(action, from) !== null).toBe(allowed.has(`${action}:${from}`));
      }
    }
  });

  it('locks submitted and approved reports for the chair', () => {
    expect(isEditableByChair('submitted')).toBe(false);
    expect(isEditableByChair('approved')).toBe(false);
    expect(isEditableByChair('cluster_approved')).toBe(false);
    expect(isEditableByChair('returned')).toBe(true);
  });
});
