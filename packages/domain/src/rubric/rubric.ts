import { z } from 'zod';
import { localize, zodMessage as m, type Localized } from '../i18n/locale';
import { categoryCodes, categoryCodeSchema, indicatorCodeSchema, type CategoryCode } from '../catalogue/indicator';
import { honourLevelSchema, type HonourLevel } from '../report/report';
import { maxIndicatorValue } from '../validation/indicator-value';
import { safeText } from '../validation/safe-input';

/**
 * The district's assessment table (考核评估表): items with points, each scored
 * by one method on the report's data. Versioned per reporting year.
 */
// Targets are compared with indicator values, so no target needs to exceed the largest value an indicator may hold.
const positive = (what: Localized) =>
  z
    .number({ error: m(() => ({ zh: `${what.zh}必须是数字`, en: `${what.en} must be a number` })) })
    .positive({ error: m(() => ({ zh: `${what.zh}必须大于 0`, en: `${what.en} must be more than 0` })) })
    .max(maxIndicatorValue, { error: m(() => ({ zh: `${what.zh}过大，请检查是否多输了数字`, en: `${what.en} is too large; check for an extra digit` })) });
const target = { zh: '目标值', en: 'The target' };

export const scoringMethodSchema = z.discriminatedUnion('kind', [
  /** Full points at or above the target, nothing below. */
  z.object({ kind: z.literal('reach_target'), indicator: indicatorCodeSchema, target: positive(target) }),
  /** Points in proportion to the value, full at the target. */
  z.object({ kind: z.literal('linear_to_target'), indicator: indicatorCodeSchema, target: positive(target) }),
  /** Like linear, on the value per 100 staff (compares schools of any size). */
  z.object({ kind: z.literal('rate_per_100_staff'), indicator: indicatorCodeSchema, target: positive({ zh: '每百人目标值', en: 'The target per 100 staff' }) }),
  /** A share such as 提案办结率 (resolved ÷ collected), full points at the target share (0–1]. */
  z.object({
    kind: z.literal('ratio_to_target'),
    numerator: indicatorCodeSchema,
    denominator: indicatorCodeSchema,
    target: z
      .number()
      .positive({ error: m(() => ({ zh: '目标比例必须大于 0', en: 'The target share must be more than 0' })) })
      .max(1, { error: m(() => ({ zh: '目标比例不能超过 100%', en: 'The target share cannot be above 100%' })) }),
  }),
  /** Honours at or above a level, in proportion up to the target count. */
  z.object({ kind: z.literal('honours'), minLevel: honourLevelSchema, target: positive({ zh: '荣誉目标数', en: 'The target number of honours' }) }),
  /** Mentions of keywords in the narrative (evidence of work done), up to the target count. */
  z.object({
    kind: z.literal('narrative_evidence'),
    keywords: z.array(safeText({ min: 1, max: 50, minMessage: { zh: '关键词不能为空', en: 'A keyword cannot be empty' } }))
      .min(1, { error: m(() => ({ zh: '请至少填写一个关键词', en: 'Enter at least one keyword' })) })
      .max(20),
    target: positive({ zh: '目标次数', en: 'The target count' }),
  }),
]);
export type ScoringMethod = z.infer<typeof scoringMethodSchema>;

export const rubricItemSchema = z.object({
  id: z.string().regex(/^[a-z0-9_-]{1,40}$/, { error: m(() => ({ zh: '评分项编号只能包含小写字母、数字、下划线和短横线', en: 'An item id has only lower-case letters, digits, underscores and hyphens' })) }),
  category: categoryCodeSchema,
  titleZh: safeText({ min: 1, max: 100, minMessage: { zh: '请填写评分项名称', en: 'Enter the item title' } }),
  points: z
    .number()
    .positive({ error: m(() => ({ zh: '分值必须大于 0', en: 'Points must be more than 0' })) })
    .max(100),
  method: scoringMethodSchema,
});
export type RubricItem = z.infer<typeof rubricItemSchema>;

export const starLevelSchema = z.object({ minScore: z.number().min(0).max(1000), stars: z.number().int().min(1).max(5) });

export const RUBRIC_TOTAL_POINTS = 100;

export const rubricSchema = z
  .object({
    totalPoints: z.number().positive().max(1000).default(RUBRIC_TOTAL_POINTS),
    items: z.array(rubricItemSchema).min(1, { error: m(() => ({ zh: '评估表至少需要一个评分项', en: 'The rubric needs at least one item' })) }).max(200),
    starLevels: z.array(starLevelSchema).max(5),
  })
  .superRefine((rubric, ctx) => {
    const sum = rubric.items.reduce((s, i) => s + i.points, 0);
    if (Math.abs(sum - rubric.totalPoints) > 1e-9) {
      ctx.addIssue({ code: 'custom', path: ['items'], message: localize({ zh: `各评分项分值合计为 ${sum} 分，应为 ${rubric.totalPoints} 分`, en: `The items add up to ${sum} points; they should add up to ${rubric.totalPoints}` }) });
    }
    const ids = new Set<string>();
    rubric.items.forEach((item, index) => {
      if (ids.has(item.id)) ctx.addIssue({ code: 'custom', path: ['items', index, 'id'], message: localize({ zh: `评分项编号 ${item.id} 重复`, en: `Item id ${item.id} is used twice` }) });
      ids.add(item.id);
    });
    const thresholds = rubric.starLevels.map((s) => s.minScore);
    if (thresholds.some((t) => t > rubric.totalPoints)) {
      ctx.addIssue({ code: 'custom', path: ['starLevels'], message: localize({ zh: '星级分数线不能高于总分', en: 'A star threshold cannot be above the total points' }) });
    }
  });
export type Rubric = z.infer<typeof rubricSchema>;

export const honourLevelRank: Record<HonourLevel, number> = { national: 5, provincial: 4, municipal: 3, county: 2, school: 1 };

/** 1–5 stars for a score, by the rubric's thresholds (highest met); 0 when none is met. */
export function starsFor(rubric: Pick<Rubric, 'starLevels'>, score: number): number {
  let best = 0;
  for (const level of rubric.starLevels) if (score >= level.minScore && level.stars > best) best = level.stars;
  return best;
}

export const starLabelsZh: Record<number, string> = { 0: '未评星', 1: '一星', 2: '二星', 3: '三星', 4: '四星', 5: '五星' };
export const starLabels: Record<number, Localized> = Object.fromEntries(
  Object.entries(starLabelsZh).map(([n, zh]) => [n, { zh, en: n === '0' ? 'No star' : `${n} star${n === '1' ? '' : 's'}` }]),
);

/** Points available per category, in catalogue order; categories without items are left out. */
export function pointsByCategory(rubric: Pick<Rubric, 'items'>): { code: CategoryCode; maxPoints: number }[] {
  const totals = new Map<CategoryCode, number>();
  for (const item of rubric.items) totals.set(item.category, (totals.get(item.category) ?? 0) + item.points);
  return categoryCodes.filter((c) => totals.has(c)).map((code) => ({ code, maxPoints: totals.get(code)! }));
}
