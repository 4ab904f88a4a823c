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

/**
 * The figure-based part of a v2 rubric in the v1 shape, for the views that
 * still read v1 (dashboards' category points, the paper report, the v1
 * editor): its automatic items whose category is a catalogue category, with
 * their own total. Null when none is left (a rubric of manual items only).
 */
export function rubricV2AutomaticView(rubric: RubricV2): Rubric | null {
  const items = rubric.items.flatMap((item) =>
    item.kind === 'automatic' && categoryCodeSchema.safeParse(item.category).success
      ? [{ id: item.id, category: categoryCodeSchema.parse(item.category), titleZh: item.titleZh, points: item.points, method: item.method }]
      : [],
  );
  if (items.length === 0) return null;
  const totalPoints = Math.round(items.reduce((s, i) => s + i.points, 0) * 100) / 100;
  const parsed = rubricSchema.safeParse({ totalPoints, items, starLevels: rubric.starLevels.filter((s) => s.minScore <= totalPoints) });
  return parsed.success ? parsed.data : null;
}
