import { categoryCodeSchema } from '../../catalogue/indicator';
import { rubricSchema, type Rubric } from '../rubric';
import type { RubricV2 } from './schema';

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
