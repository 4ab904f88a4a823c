import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { categoryLabels, pointsByCategory, type CategoryCode, rubricV2IsRated, rubricV2ToV1, type Rubric, type RubricV2 } from '@union/domain';
import { loadRubricDefinition } from './rubric-definitions';

export interface ScoreCategory {
  /** A catalogue category code (v1), or the v2 rubric's own category id. */
  code: string;
  /** The v2 category's title (data, shown as entered); null for catalogue categories, which the UI names in its language. */
  titleZh: string | null;
  maxPoints: number;
}

export interface YearScoring {
  rubric: RubricV2;
  /** The same rubric in v1 form when it has one (figures-only scoring): the v1 views (查漏补缺 from figures) use it. */
  v1: Rubric | null;
  /** 'combined': stored totals are the 综评分 of raters' columns; 'automatic': from the report's figures only. */
  scoreKind: 'combined' | 'automatic';
  /** The categories a stored score is split into, with their full points. */
  categories: ScoreCategory[];
}

/**
 * How a year's stored scores read: v1 years exactly as before (catalogue
 * categories and points); v2 years by the rubric's own categories — a base
 * category counts its 满分 (bonuses may go over it), a bonus category only
 * when capped, a veto category not at all.
 */
export async function yearScoring(db: Kysely<Database>, year: number): Promise<YearScoring> {
  const { rubric, maximum } = await loadRubricDefinition(db, year);
  const v1 = rubricV2ToV1(rubric);
  const scoreKind = rubricV2IsRated(rubric) ? 'combined' : 'automatic';
  if (v1) return { rubric, v1, scoreKind, categories: pointsByCategory(v1).map((c) => ({ code: c.code, titleZh: null, maxPoints: c.maxPoints })) };
  const used = new Set(rubric.items.map((i) => i.category));
  const categories = maximum.categories.flatMap((c): ScoreCategory[] => {
    const max = c.kind === 'base' ? c.base : c.withBonus;
    return used.has(c.categoryId) && max !== null && max > 0 ? [{ code: c.categoryId, titleZh: c.titleZh, maxPoints: max }] : [];
  });
  return { rubric, v1, scoreKind, categories };
}

/** The category's name in Chinese (documents, exports): the v2 title, or the catalogue's label. */
export function scoreCategoryNameZh(category: Pick<ScoreCategory, 'code' | 'titleZh'>): string {
  return category.titleZh ?? (Object.hasOwn(categoryLabels, category.code) ? categoryLabels[category.code as CategoryCode].zh : category.code);
}
