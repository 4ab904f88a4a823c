import { describe, expect, it } from 'vitest';
import { reportStatuses } from './report';
import { awaitingReview, reviewDecision, type ReviewSituation } from './review-steps';

const oneStep: ReviewSituation = { reviewSteps: 1, schoolInCluster: true, by: 'district' };
const cluster: ReviewSituation = { reviewSteps: 2, schoolInCluster: true, by: 'cluster' };
const district: ReviewSituation = { reviewSteps: 2, schoolInCluster: true, by: 'district' };
const directSchool: ReviewSituation = { reviewSteps: 2, schoolInCluster: false, by: 'district' };

describe('review steps', () => {
  it('one-step year: the district approves a submitted report, as before', () => {
    expect(reviewDecision('approve', 'submitted', oneStep)).toEqual({ next: 'approved' });
    expect(reviewDecision('return', 'submitted', oneStep)).toEqual({ next: 'returned' });
    expect(reviewDecision('approve', 'draft', oneStep)).toEqual({ refusal: '只有已提交的报告可以审核通过' });
  });

  it('one-step year: a cluster reviewer has no step', () => {
    expect(reviewDecision('approve', 'submitted', { ...cluster, reviewSteps: 1 })).toEqual({ refusal: '本年度为一级审核，由区教育工会直接审核，片区无需初审' });
    expect(awaitingReview('cluster', 1, true)).toEqual([]);
  });

  it('two-step year: cluster approves, then the district accepts', () => {
    expect(reviewDecision('approve', 'submitted', cluster)).toEqual({ next: 'cluster_approved' });
    expect(reviewDecision('approve', 'cluster_approved', district)).toEqual({ next: 'approved' });
  });

  it('two-step year: the district cannot skip the cluster step', () => {
    expect(reviewDecision('approve', 'submitted', district)).toEqual({ refusal: '本年度为两级审核，须先由片区审核员初审通过，再由区教育工会确认' });
  });

  it('two-step year: either step may return; a cluster cannot return what it already passed on', () => {
    expect(reviewDecision('return', 'submitted', cluster)).toEqual({ next: 'returned' });
    expect(reviewDecision('return', 'cluster_approved', district)).toEqual({ next: 'returned' });
    expect(reviewDecision('return', 'submitted', district)).toEqual({ next: 'returned' });
    expect(reviewDecision('return', 'cluster_approved', cluster)).toEqual({ refusal: '片区已初审通过的报告只能由区教育工会退回' });
    expect(reviewDecision('approve', 'cluster_approved', cluster)).toEqual({ refusal: '该报告片区已初审通过，等待区教育工会确认' });
  });

  it('two-step year: a school directly under the district is reviewed by the district in one go', () => {
    expect(reviewDecision('approve', 'submitted', directSchool)).toEqual({ next: 'approved' });
    expect(reviewDecision('approve', 'submitted', { ...directSchool, by: 'cluster' })).toEqual({ refusal: '该学校直属区教育工会，由区教育工会审核' });
    expect(awaitingReview('district', 2, false)).toEqual(['submitted', 'cluster_approved']);
    expect(awaitingReview('district', 2, true)).toEqual(['cluster_approved']);
    expect(awaitingReview('cluster', 2, true)).toEqual(['submitted']);
  });

  it('nobody approves or returns a draft, a returned or an approved report', () => {
    for (const situation of [oneStep, cluster, district, directSchool]) {
      for (const from of reportStatuses.filter((s) => s === 'draft' || s === 'returned' || s === 'approved')) {
        expect('refusal' in reviewDecision('approve', from, situation)).toBe(true);
        expect('refusal' in reviewDecision('return', from, situation)).toBe(true);
      }
    }
  });
});
