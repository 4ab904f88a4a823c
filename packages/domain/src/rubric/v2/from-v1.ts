import { categoryCodes, categoryLabels } from '../../catalogue/indicator';
import { rubricSchema, type Rubric } from '../rubric';
import { RUBRIC_V2_SCHEMA_VERSION } from './model';
import { rubricV2Schema, type RubricV2 } from './schema';

/** v1's two assessments beside the automatic total: the chair's 自评 and the district's 验收. */
export const V1_RATERS = [
  { id: 'self', labelZh: '自评', weight: 0, by: 'school' },
  { id: 'acceptance', labelZh: '验收', weight: 100, by: 'district' },
] as const;

/**
 * A v1 rubric as v2: every item automatic (same id, points, method), one
 * category per catalogue category used (catalogue order, no cap), and v1's two
 * raters. Automatic items score the same for every rater, so the 综评分 is
 * v1's total whatever the weights; 验收 carries them, as it is the district's word.
 */
export function rubricV1ToV2(rubric: Rubric): RubricV2 {
  const used = new Set(rubric.items.map((i) => i.category));
  return rubricV2Schema.parse({
    schemaVersion: RUBRIC_V2_SCHEMA_VERSION,
    totalPoints: rubric.totalPoints,
    categories: categoryCodes.filter((c) => used.has(c)).map((code) => ({ id: code, titleZh: categoryLabels[code].zh })),
    items: rubric.items.map((item) => ({ kind: 'automatic', id: item.id, category: item.category, titleZh: item.titleZh, points: item.points, method: item.method })),
    raters: V1_RATERS.map((r) => ({ ...r })),
    starLevels: rubric.starLevels,
  });
}

/**
 * Reads a stored rubric definition of either version: v2 as it is, v1 (no
 * `schemaVersion`) migrated. Throws the zod error of the version it claims.
 */
export function parseRubricDefinition(definition: unknown): RubricV2 {
  const version = typeof definition === 'object' && definition !== null ? (definition as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (version === RUBRIC_V2_SCHEMA_VERSION) return rubricV2Schema.parse(definition);
  return rubricV1ToV2(rubricSchema.parse(definition));
}
