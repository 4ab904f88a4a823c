import type { Indicator } from '../catalogue/indicator';
import { isAmountIndicator, scalesPerHundredStaff } from '../catalogue/indicator-kinds';
import { medianOf } from '../compare/comparison';
import type { Localized } from '../i18n/locale';

/**
 * A group-by row of the comparison (学段, 城乡, 公办/民办, district groups):
 * how many schools, the score median, and per indicator the total, the
 * median of the schools' figures and — for counts and money only — the
 * group's figure per 100 staff (Σ figure ÷ Σ staff of the reporting schools,
 * not an average of the schools' rates). The schools are those already
 * counted (open that year, in scope, after the filter).
 */
export interface GroupSummary {
  key: string;
  label: Localized;
  schoolCount: number;
  scoredSchools: number;
  scoreMedian: number | null;
  indicators: Record<string, { reporting: number; total: number | null; median: number | null; perHundredStaff: number | null }>;
}

export interface SummarisedSchool {
  groupKeys: readonly string[];
  staff: number;
  score: number | null;
  figures: Readonly<Record<string, number>> | null;
}

const trim = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export function summariseGroups(groups: readonly { key: string; label: Localized }[], schools: readonly SummarisedSchool[], indicators: readonly Indicator[]): GroupSummary[] {
  return groups
    .map(({ key, label }) => {
      const members = schools.filter((s) => s.groupKeys.includes(key));
      const scores = members.map((s) => s.score).filter((x): x is number => x !== null);
      const summary: GroupSummary = { key, label, schoolCount: members.length, scoredSchools: scores.length, scoreMedian: medianOf(scores), indicators: {} };
      for (const indicator of indicators) {
        const reporting = members.filter((s) => s.figures?.[indicator.code] !== undefined);
        const values = reporting.map((s) => s.figures![indicator.code]!);
        const total = values.length ? values.reduce((a, b) => a + b, 0) : null;
        const staff = reporting.reduce((a, s) => a + s.staff, 0);
        summary.indicators[indicator.code] = {
          reporting: reporting.length,
          // A total of percentages or scores means nothing.
          total: isAmountIndicator(indicator) ? trim(total) : null,
          median: trim(medianOf(values)),
          perHundredStaff: scalesPerHundredStaff(indicator) && total !== null && staff > 0 ? trim((total * 100) / staff) : null,
        };
      }
      return summary;
    })
    // Empty groups (no 中职 in this district, no school left in a group) are left out.
    .filter((g) => g.schoolCount > 0);
}
