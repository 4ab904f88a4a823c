import { describe, expect, it } from 'vitest';
import { defaultCatalogue, honourSchema, indicatorValueSchema, isOpenIn, schoolTypes } from '@union/domain';
import { DEMO_PASSWORD, demoOutliers, generateDemoDistrict, type DemoReport } from './demo-district';

const demo = generateDemoDistrict();
const catalogueCodes = defaultCatalogue.map((indicator) => indicator.code);

function valueOf(report: DemoReport, code: string): number {
  const value = report.values[code];
  if (value === undefined) throw new Error(`${report.schoolCode}/${report.year} has no ${code}`);
  return value;
}

function reportsOf(year: number): DemoReport[] {
  return demo.reports.filter((report) => report.year === year);
}

const completeReports = demo.reports.filter((report) => report.status !== 'draft');

describe('generateDemoDistrict', () => {
  it('is deterministic for a seed and varies with the seed', () => {
    expect(generateDemoDistrict()).toEqual(demo);
    expect(generateDemoDistrict({ seed: 7 })).toEqual(generateDemoDistrict({ seed: 7 }));
    const other = generateDemoDistrict({ seed: 7 });
    expect(other.reports.map((r) => r.values)).not.toEqual(demo.reports.map((r) => r.values));
    expect(other.schools.map((s) => s.staffCount)).not.toEqual(demo.schools.map((s) => s.staffCount));
  });

  it('builds district → three clusters → 31 schools of every type, with believable sizes', () => {
    expect(demo.district).toEqual({ kind: 'district', code: 'D001', name: '示范区教育工会' });
    expect(demo.clusters).toHaveLength(3);
    expect(demo.schools).toHaveLength(31);
    expect(demo.schools.map((s) => s.code)).toEqual(Array.from({ length: 31 }, (_, i) => `S${String(i + 1).padStart(2, '0')}`));
    expect(new Set(demo.schools.map((s) => s.name)).size).toBe(31);
    expect(new Set(demo.schools.map((s) => s.schoolType))).toEqual(new Set(schoolTypes));

    const clusterCodes = new Set(demo.clusters.map((c) => c.code));
    const underDistrict = demo.schools.filter((s) => s.clusterCode === null);
    expect(underDistrict.length).toBeGreaterThanOrEqual(2);
    for (const school of demo.schools) {
      if (school.clusterCode !== null) expect(clusterCodes).toContain(school.clusterCode);
      expect(school.staffCount).toBeGreaterThanOrEqual(18);
      expect(school.staffCount).toBeLessThanOrEqual(260);
      expect(school.memberCount).toBeLessThanOrEqual(school.staffCount);
      expect(school.memberCount).toBeGreaterThanOrEqual(Math.floor(school.staffCount * 0.9));
    }
    const largestKindergarten = Math.max(...demo.schools.filter((s) => s.schoolType === 'kindergarten').map((s) => s.staffCount));
    const smallestSenior = Math.min(...demo.schools.filter((s) => s.schoolType === 'senior').map((s) => s.staffCount));
    expect(largestKindergarten).toBeLessThan(smallestSenior);
  });

  it('has reporting years 2022–2026 with only 2026 open, and 2026 reviewed in two steps', () => {
    expect(demo.reportingYears).toEqual(
      [2022, 2023, 2024, 2025, 2026].map((year) => ({ year, deadline: `${year + 1}-01-15`, isOpen: year === 2026, reviewSteps: year === 2026 ? 2 : 1 })),
    );
  });

  it('gives every value that passes its indicator schema, and every complete report the whole catalogue', () => {
    const byCode = new Map(defaultCatalogue.map((indicator) => [indicator.code, indicatorValueSchema(indicator)]));
    for (const report of demo.reports) {
      for (const [code, value] of Object.entries(report.values)) {
        const schema = byCode.get(code);
        expect(schema, `unknown indicator ${code}`).toBeDefined();
        expect(schema?.safeParse(value).success, `${report.schoolCode}/${report.year} ${code}=${value}`).toBe(true);
      }
    }
    for (const report of completeReports) expect(Object.keys(report.values)).toEqual(catalogueCodes);
    const drafts = demo.reports.filter((r) => r.status === 'draft');
    expect(drafts.some((r) => Object.keys(r.values).length < catalogueCodes.length)).toBe(true);
  });

  it('keeps the figures of every report consistent with each other', () => {
    for (const report of completeReports) {
      const v = (code: string) => valueOf(report, code);
      const where = `${report.schoolCode}/${report.year}`;
      expect(v('union_members'), where).toBeLessThanOrEqual(v('staff_total'));
      expect(v('female_staff'), where).toBeLessThanOrEqual(v('staff_total'));
      expect(v('proposals_resolved'), where).toBeLessThanOrEqual(v('proposals_collected'));
      expect(v('outstanding_proposals'), where).toBeLessThanOrEqual(v('proposals_collected'));
      expect(v('outstanding_delegates'), where).toBeLessThanOrEqual(v('congress_delegates'));
      expect(v('female_checkup_participants'), where).toBeLessThanOrEqual(v('female_staff'));
      expect(v('retiree_checkup_participants'), where).toBeLessThanOrEqual(v('retired_staff'));
      expect(v('congress_sessions'), where).toBeGreaterThanOrEqual(1);
      expect(v('congress_sessions'), where).toBeLessThanOrEqual(3);
      expect(v('affairs_disclosure_score'), where).toBeGreaterThanOrEqual(60);
      expect(v('affairs_disclosure_score'), where).toBeLessThanOrEqual(100);
      expect(v('mutual_insurance_amount') > 0, where).toBe(v('mutual_insurance_claimants') > 0);
    }
  });

  it('keeps staff_total close to the school staff count', () => {
    for (const school of demo.schools) {
      for (const report of completeReports.filter((r) => r.schoolCode === school.code)) {
        expect(Math.abs(valueOf(report, 'staff_total') - school.staffCount) / school.staffCount).toBeLessThan(0.2);
      }
    }
  });

  it('has zero-heavy indicators and money mostly in whole yuan', () => {
    const zeroShare = (code: string) => completeReports.filter((r) => valueOf(r, code) === 0).length / completeReports.length;
    expect(zeroShare('mutual_insurance_claimants')).toBeGreaterThan(0.3);
    expect(zeroShare('union_papers')).toBeGreaterThan(0.5);
    expect(zeroShare('staff_total')).toBe(0);
    const moneyCodes = defaultCatalogue.filter((i) => i.valueType === 'money').map((i) => i.code);
    const money = completeReports.flatMap((r) => moneyCodes.map((code) => valueOf(r, code)));
    expect(money.filter(Number.isInteger).length / money.length).toBeGreaterThan(0.6);
  });

  it('opens one school in 2024, closes one after 2024 and merges two into a new one in 2025', () => {
    const span = (code: string) => {
      const s = demo.schools.find((x) => x.code === code)!;
      return [s.openedYear, s.closedYear];
    };
    expect([span('S23'), span('S29'), span('S13'), span('S14'), span('S31'), span('S01')]).toEqual([
      [2024, null], [2022, 2024], [2022, 2024], [2022, 2024], [2025, null], [2022, null],
    ]);
    expect(demo.merges).toEqual([
      { predecessorCode: 'S13', successorCode: 'S31', year: 2025 },
      { predecessorCode: 'S14', successorCode: 'S31', year: 2025 },
    ]);
    // Reports only in open years; the merged school starts with its predecessors' staff.
    for (const report of demo.reports) expect(isOpenIn(demo.schools.find((s) => s.code === report.schoolCode)!, report.year)).toBe(true);
    const staff = (code: string) => demo.schools.find((s) => s.code === code)!.staffCount;
    expect(staff('S31')).toBe(staff('S13') + staff('S14'));
  });

  it('leaves some past reports missing or unreviewed, and mixes statuses in the open year', () => {
    const pastPairsWithoutReport = [2022, 2023, 2024, 2025].flatMap((year) =>
      demo.schools.filter((s) => isOpenIn(s, year) && !reportsOf(year).some((r) => r.schoolCode === s.code)).map((s) => `${s.code}/${year}`),
    );
    expect(pastPairsWithoutReport.length).toBeGreaterThanOrEqual(2);
    expect(pastPairsWithoutReport.length).toBeLessThanOrEqual(4);
    const pastStatuses = demo.reports.filter((r) => r.year < 2026).map((r) => r.status);
    expect(pastStatuses.filter((s) => s === 'submitted').length).toBeGreaterThanOrEqual(1);
    expect(pastStatuses.filter((s) => s === 'submitted').length).toBeLessThanOrEqual(2);
    expect(pastStatuses.every((s) => s === 'approved' || s === 'submitted')).toBe(true);

    const openYear = reportsOf(2026);
    const count = (status: string) => openYear.filter((r) => r.status === status).length;
    const statusCounts = { approved: count('approved'), cluster_approved: count('cluster_approved'), submitted: count('submitted'), returned: count('returned'), draft: count('draft') };
    expect(statusCounts).toEqual({
      approved: 8,
      cluster_approved: 3,
      submitted: 4,
      returned: 2,
      draft: 7,
    });
    expect(demo.schools.filter((s) => isOpenIn(s, 2026)).length - openYear.length).toBe(4);
  });

  it('has one report per school and year, with timestamps in a sensible order', () => {
    const keys = demo.reports.map((r) => `${r.schoolCode}/${r.year}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const report of demo.reports) {
      const where = `${report.schoolCode}/${report.year}`;
      expect(report.createdAt <= report.updatedAt, where).toBe(true);
      expect(report.updatedAt <= '2026-11-23', where).toBe(true);
      expect(report.submittedAt === null, where).toBe(report.status === 'draft');
      expect(report.approvedAt !== null, where).toBe(report.status === 'approved');
      if (report.submittedAt !== null) expect(report.createdAt < report.submittedAt, where).toBe(true);
      if (report.submittedAt !== null && report.approvedAt !== null) expect(report.submittedAt < report.approvedAt, where).toBe(true);
    }
  });

  it('places each outlier far above the same school’s other years', () => {
    expect(demoOutliers.length).toBeGreaterThanOrEqual(2);
    for (const outlier of demoOutliers) {
      const series = demo.reports.filter((r) => r.schoolCode === outlier.schoolCode && outlier.indicatorCode in r.values);
      const outlying = series.find((r) => r.year === outlier.year);
      if (!outlying) throw new Error(`no report for outlier ${outlier.schoolCode}/${outlier.year}`);
      expect(outlying.status).toBe('approved');
      const others = series.filter((r) => r.year !== outlier.year).map((r) => valueOf(r, outlier.indicatorCode));
      expect(others.length).toBeGreaterThanOrEqual(3);
      expect(valueOf(outlying, outlier.indicatorCode)).toBeGreaterThanOrEqual(4 * Math.max(1, ...others));
    }
  });

  it('writes a Chinese narrative that quotes the report’s own figures', () => {
    for (const report of completeReports) {
      const { achievements, shortcomings, plans } = report.narrative;
      for (const text of [achievements, shortcomings, plans]) expect(text).toMatch(/[\u4e00-\u9fff]{10}/);
      const staff = valueOf(report, 'staff_total');
      expect(achievements).toMatch(new RegExp(`全[校园]${staff}名教职工|有教职工${staff}人`));
      expect(achievements).toContain(`教代会共有正式代表${valueOf(report, 'congress_delegates')}人`);
      const sickVisits = valueOf(report, 'sick_visits');
      if (sickVisits > 0) expect(achievements).toContain(`${sickVisits}人次`);
    }
  });

  it('gives 0–5 valid honours per report, counted in the collective-honours indicator', () => {
    for (const report of demo.reports) {
      expect(report.honours.length).toBeLessThanOrEqual(5);
      for (const honour of report.honours) {
        expect(honourSchema.parse(honour)).toEqual(honour);
        expect(honour.recipient === '').toBe(honour.kind === 'collective');
      }
    }
    for (const report of completeReports) {
      const collective = report.honours.filter((h) => h.kind === 'collective').length;
      expect(valueOf(report, 'union_collective_honours')).toBe(collective);
    }
    expect(demo.reports.some((r) => r.honours.length > 0)).toBe(true);
  });

  it('has an admin, a viewer, a reviewer per cluster and one chair per school, all with the demo password', () => {
    expect(demo.users.find((u) => u.username === 'admin')).toMatchObject({ role: 'district_admin', orgUnitCode: 'D001' });
    expect(demo.users.filter((u) => u.role === 'cluster_reviewer').map((u) => [u.username, u.orgUnitCode])).toEqual([
      ['reviewer_east', 'C01'],
      ['reviewer_west', 'C02'],
      ['reviewer_north', 'C03'],
    ]);
    expect(demo.users.find((u) => u.username === 'viewer')).toMatchObject({ role: 'district_viewer', orgUnitCode: 'D001' });
    const chairs = demo.users.filter((u) => u.role === 'school_chair');
    expect(chairs.map((u) => [u.username, u.orgUnitCode])).toEqual(demo.schools.map((s, i) => [`chair${String(i + 1).padStart(2, '0')}`, s.code]));
    expect(new Set(demo.users.map((u) => u.username)).size).toBe(demo.users.length);
    expect(demo.users.every((u) => u.password === DEMO_PASSWORD && u.displayName.length > 0)).toBe(true);
  });
});
