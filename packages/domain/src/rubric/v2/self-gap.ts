import type { Rater } from './model';
import type { Ratings } from './ratings';
import type { RubricV2 } from './schema';
import type { RubricV2Score } from './scoring';

/**
 * 自评 vs 考评: the column the school fills against the district's inspection.
 * Self = the first rater filled by the school; inspected = the district rater
 * with the largest weight (the first on a tie) — 考评 in every table we know.
 * Null for either when the rubric has none (a v1 rubric has no self column
 * that scores differently: its items are automatic).
 */
export function selfGapRaters(rubric: Pick<RubricV2, 'raters'>): { self: Rater | null; inspected: Rater | null } {
  const self = rubric.raters.find((r) => r.by === 'school') ?? null;
  let inspected: Rater | null = null;
  for (const r of rubric.raters) if (r.by === 'district' && (!inspected || r.weight > inspected.weight)) inspected = r;
  return { self, inspected };
}

export interface ItemSelfGap {
  itemId: string;
  titleZh: string;
  self: number;
  inspected: number;
  /** self − inspected: positive = the school rated itself higher. */
  gap: number;
}

export interface ReportSelfGap {
  selfRaterId: string;
  inspectedRaterId: string;
  selfTotal: number;
  inspectedTotal: number;
  /** selfTotal − inspectedTotal: positive = over-rated itself. */
  gap: number;
  /** Items where the two columns differ, largest over-rating first. */
  items: ItemSelfGap[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const hasColumn = (ratings: Ratings, raterId: string) => Object.keys(ratings[raterId] ?? {}).length > 0;

/**
 * The gap between a report's self column and its inspected column, in total
 * and per item, from its v2 score. Null unless both columns were filled in
 * (an empty column is "not rated yet", not "rated 0").
 */
export function reportSelfGap(rubric: RubricV2, score: RubricV2Score, ratings: Ratings): ReportSelfGap | null {
  const { self, inspected } = selfGapRaters(rubric);
  if (!self || !inspected || !hasColumn(ratings, self.id) || !hasColumn(ratings, inspected.id)) return null;
  const s = score.raters.find((r) => r.raterId === self.id);
  const i = score.raters.find((r) => r.raterId === inspected.id);
  if (!s || !i) return null;
  const items = rubric.items
    .map((item, index): ItemSelfGap => {
      const own = s.items[index]!.earned;
      const theirs = i.items[index]!.earned;
      return { itemId: item.id, titleZh: item.titleZh, self: own, inspected: theirs, gap: round2(own - theirs) };
    })
    .filter((g) => g.gap !== 0)
    .sort((a, b) => b.gap - a.gap);
  return { selfRaterId: self.id, inspectedRaterId: inspected.id, selfTotal: s.total, inspectedTotal: i.total, gap: round2(s.total - i.total), items };
}

/** Largest over-rating first; equal gaps by name so the order is stable. */
export function rankSelfGaps<T extends { gap: number; schoolName: string }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => b.gap - a.gap || a.schoolName.localeCompare(b.schoolName, 'zh-CN'));
}
