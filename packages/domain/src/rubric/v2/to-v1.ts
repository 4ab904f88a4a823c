import { categoryCodeSchema } from '../../catalogue/indicator';
import { rubricSchema, type Rubric } from '../rubric';
import type { RubricV2 } from './schema';

/**
 * A v2 rubric that v1 can express (automatic items only, in catalogue
 * categories without caps, no bonus category) as v1, so the v1 views — the
 * category radar, 查漏补缺 from the figures, the v1 editor — keep working for it.
 * Null when it uses anything v1 lacks.
 */
export function rubricV2ToV1(rubric: RubricV2): Rubric | null {
  if (rubric.categories.some((c) => c.cap !== null || c.kind !== 'base' || !categoryCodeSchema.safeParse(c.id).success)) return null;
  const items = [];
  for (const item of rubric.items) {
    if (item.kind !== 'automatic') return null;
    items.push({ id: item.id, category: item.category, titleZh: item.titleZh, points: item.points, method: item.method });
  }
  const parsed = rubricSchema.safeParse({ totalPoints: rubric.totalPoints, items, starLevels: rubric.starLevels });
  return parsed.success ? parsed.data : null;
}

/** Whether scores under this rubric depend on raters (a 综评分), not only on the report's figures. */
export function rubricV2IsRated(rubric: Pick<RubricV2, 'items'>): boolean {
  return rubric.items.some((i) => i.kind !== 'automatic');
}
