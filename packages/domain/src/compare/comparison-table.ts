import type { Indicator } from '../catalogue/indicator';
import { sizeBandOf, type SchoolType, type SizeBand } from '../school/school';
import { scalesPerHundredStaff } from '../catalogue/indicator-kinds';
import { medianOf, per100Staff, percentileRanks, ranksDescending, yearOverYear, type YearOverYear } from './comparison';
import type { GroupSet } from '../school-groups/groups';
import type { GroupSummary } from '../school-groups/group-summary';
import type { LeagueEntry, LeagueMovement } from '../school-groups/league-table';

/**
 * The comparison table travels column by column: a city has thousands of
 * schools, and one array per field is a tenth of the size of one object per
 * cell (4.4 MB → under 0.5 MB for 2,000 schools × 10 indicators), which is
 * what the browser waits for. `comparisonRows` turns it back into rows.
 */
export interface PackedComparison {
  year: number;
  perHundredStaff: boolean;
  indicators: Indicator[];
  schools: {
    id: number[];
    code: string[];
    name: string[];
    clusterName: (string | null)[];
    schoolType: SchoolType[];
    staffCount: number[];
    score: (number | null)[];
    previousScore: (number | null)[];
    rank: (number | null)[];
    /** League table: last year's rank (over last year's schools under the same filter; a merged school's inherited). */
    previousRank: (number | null)[];
    rankChange: (number | null)[];
    movement: (LeagueMovement | null)[];
    inheritedRank: boolean[];
  };
  /** Group-by rows (学段, 城乡, 公办/民办, district groups) when asked for. */
  groupBy: GroupSet | null;
  groups: GroupSummary[];
  /** By indicator code; every array is parallel to `schools`. `shown` is per 100 staff when asked for. */
  columns: Record<string, { value: (number | null)[]; shown: (number | null)[]; previous: (number | null)[]; percentile: (number | null)[] }>;
  medians: Record<string, number | null>;
}

export interface ComparisonCell {
  value: number | null;
  /** Per 100 staff when asked for, else the raw value. */
  shown: number | null;
  previous: number | null;
  yoy: YearOverYear | null;
  percentile: number | null;
}

export interface ComparisonRow {
  schoolId: number;
  schoolCode: string;
  schoolName: string;
  clusterName: string | null;
  schoolType: SchoolType;
  staffCount: number;
  sizeBand: SizeBand;
  cells: Record<string, ComparisonCell>;
  score: number | null;
  scoreYoy: YearOverYear | null;
  rank: number | null;
  previousRank: number | null;
  rankChange: number | null;
  movement: LeagueMovement | null;
  inheritedRank: boolean;
}

export interface ComparisonView extends Omit<PackedComparison, 'schools' | 'columns'> {
  rows: ComparisonRow[];
}

/** What one school brings to the comparison: its figures this year and last. */
export interface ComparisonSchoolInput {
  id: number;
  code: string;
  name: string;
  clusterName: string | null;
  schoolType: SchoolType;
  /** Staff from the school record, used when a report has no staff_total. */
  staffCount: number;
  figures: Readonly<Record<string, number>> | null;
  previousFigures: Readonly<Record<string, number>> | null;
  score: number | null;
  previousScore: number | null;
}

// Enough digits for display and sorting, without the 17-digit tails of division.
const trim = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/**
 * Schools × indicators for one year: per-100-staff values, last year's,
 * percentiles among the schools given, score ranks and medians.
 */
export function buildComparison(options: {
  year: number;
  perHundredStaff: boolean;
  indicators: Indicator[];
  schools: readonly ComparisonSchoolInput[];
  /** Rank changes (leagueTable over the same schools); without it every rank is new. */
  league?: readonly LeagueEntry[];
  groupBy?: GroupSet | null;
  groups?: GroupSummary[];
}): PackedComparison {
  const { schools, indicators } = options;
  const league = new Map((options.league ?? []).map((e) => [e.schoolId, e]));
  const staff = schools.map((s) => s.figures?.staff_total ?? s.staffCount);
  const previousStaff = schools.map((s) => s.previousFigures?.staff_total ?? s.staffCount);
  const columns: PackedComparison['columns'] = {};
  const medians: PackedComparison['medians'] = {};
  for (const indicator of indicators) {
    const code = indicator.code;
    const normalise = options.perHundredStaff && scalesPerHundredStaff(indicator);
    const value = schools.map((s) => s.figures?.[code] ?? null);
    const previousRaw = schools.map((s) => s.previousFigures?.[code] ?? null);
    const shown = normalise ? value.map((v, i) => trim(per100Staff(v, staff[i]))) : value;
    const previous = normalise ? previousRaw.map((v, i) => trim(per100Staff(v, previousStaff[i]))) : previousRaw;
    columns[code] = { value, shown, previous, percentile: percentileRanks(shown).map((p) => (p === null ? null : Math.round(p * 10) / 10)) };
    medians[code] = medianOf(shown);
  }
  const score = schools.map((s) => s.score);
  return {
    year: options.year,
    perHundredStaff: options.perHundredStaff,
    indicators,
    schools: {
      id: schools.map((s) => s.id),
      code: schools.map((s) => s.code),
      name: schools.map((s) => s.name),
      clusterName: schools.map((s) => s.clusterName),
      schoolType: schools.map((s) => s.schoolType),
      staffCount: staff,
      score,
      previousScore: schools.map((s) => s.previousScore),
      rank: ranksDescending(score),
      previousRank: schools.map((s) => league.get(s.id)?.previousRank ?? null),
      rankChange: schools.map((s) => league.get(s.id)?.change ?? null),
      movement: schools.map((s) => (s.score === null ? null : (league.get(s.id)?.movement ?? 'new'))),
      inheritedRank: schools.map((s) => league.get(s.id)?.inherited ?? false),
    },
    groupBy: options.groupBy ?? null,
    groups: options.groups ?? [],
    columns,
    medians,
  };
}

/** The packed comparison as one row per school (what tables, charts and exports read). */
export function comparisonRows(packed: PackedComparison): ComparisonView {
  const { schools, columns, indicators } = packed;
  const rows: ComparisonRow[] = schools.id.map((schoolId, i) => {
    const cells: Record<string, ComparisonCell> = {};
    for (const indicator of indicators) {
      const column = columns[indicator.code]!;
      const shown = column.shown[i] ?? null;
      const previous = column.previous[i] ?? null;
      cells[indicator.code] = { value: column.value[i] ?? null, shown, previous, yoy: yearOverYear(shown, previous), percentile: column.percentile[i] ?? null };
    }
    const score = schools.score[i] ?? null;
    return {
      schoolId,
      schoolCode: schools.code[i]!,
      schoolName: schools.name[i]!,
      clusterName: schools.clusterName[i] ?? null,
      schoolType: schools.schoolType[i]!,
      staffCount: schools.staffCount[i]!,
      sizeBand: sizeBandOf(schools.staffCount[i]!),
      cells,
      score,
      scoreYoy: yearOverYear(score, schools.previousScore[i] ?? null),
      rank: schools.rank[i] ?? null,
      previousRank: schools.previousRank[i] ?? null,
      rankChange: schools.rankChange[i] ?? null,
      movement: schools.movement[i] ?? null,
      inheritedRank: schools.inheritedRank[i] ?? false,
    };
  });
  return { year: packed.year, perHundredStaff: packed.perHundredStaff, indicators, medians: packed.medians, groupBy: packed.groupBy, groups: packed.groups, rows };
}
