import { z } from 'zod';
import { localize, zodMessage } from '../i18n/locale';

/** Catalogue categories in the order the form and dashboards show them. */
export const categoryCodes = [
  'basics',
  'ethics',
  'democracy',
  'aid',
  'health',
  'culture',
  'development',
  'women',
  'retirees',
  'self_building',
  'honours',
] as const;
export const categoryCodeSchema = z.enum(categoryCodes);
export type CategoryCode = z.infer<typeof categoryCodeSchema>;

export const categoryLabels: Record<CategoryCode, { zh: string; en: string }> = {
  basics: { zh: '基本情况', en: 'Basics' },
  ethics: { zh: '师德建设', en: 'Teacher ethics' },
  democracy: { zh: '民主管理', en: 'Democratic management' },
  aid: { zh: '维权帮扶', en: 'Rights and hardship aid' },
  health: { zh: '健康关怀', en: 'Health care' },
  culture: { zh: '文体活动', en: 'Culture and sports' },
  development: { zh: '业务提升', en: 'Professional development' },
  women: { zh: '女工工作', en: 'Women staff' },
  retirees: { zh: '退休教工', en: 'Retirees' },
  self_building: { zh: '自身建设', en: 'Union self-building' },
  honours: { zh: '荣誉', en: 'Honours' },
};

export const indicatorValueTypes = ['integer', 'money', 'decimal', 'percent'] as const;
export const indicatorValueTypeSchema = z.enum(indicatorValueTypes);
export type IndicatorValueType = z.infer<typeof indicatorValueTypeSchema>;

/**
 * What a school's yearly figure can plausibly be, beyond its type's range:
 * `max` an absolute ceiling, `perStaff` a ceiling of k × 教职工总数, `notAbove`
 * other indicators it cannot exceed (participants ≤ the group they belong to).
 * Data of the catalogue, so a district can tighten or relax one indicator.
 */
export const plausibleBoundsSchema = z.object({
  max: z.number().positive().optional(),
  perStaff: z.number().positive().optional(),
  notAbove: z.array(z.string().regex(/^[a-z][a-z0-9_]{1,62}$/)).max(10).optional(),
});
export type PlausibleBounds = z.infer<typeof plausibleBoundsSchema>;

/** Stable code: lower snake case, never reused once retired, so years stay comparable. */
export const indicatorCodeSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{1,62}$/, {
    error: zodMessage(() => ({
      zh: '指标代码只能包含小写字母、数字和下划线，且以字母开头',
      en: 'An indicator code has lower-case letters, digits and underscores only, and starts with a letter',
    })),
  });

export const indicatorSchema = z
  .object({
    code: indicatorCodeSchema,
    category: categoryCodeSchema,
    nameZh: z.string().min(1).max(60),
    nameEn: z.string().min(1).max(120),
    unit: z.string().min(1).max(10),
    valueType: indicatorValueTypeSchema,
    descriptionZh: z.string().max(500),
    /** The help text in English (the default catalogue's; a district's own indicators may have none). */
    descriptionEn: z.string().max(1000).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    /** Hard plausibility bounds (see report/plausibility.ts); left out = the defaults for the unit. */
    plausible: plausibleBoundsSchema.optional(),
  })
  .refine((i) => i.min === undefined || i.max === undefined || i.min <= i.max, {
    error: zodMessage(() => ({ zh: '最小值不能大于最大值', en: 'The minimum cannot be above the maximum' })),
    path: ['max'],
  });
export type Indicator = z.infer<typeof indicatorSchema>;

/** English renderings of the units the catalogue uses, for the second locale. */
export const unitLabelsEn: Record<string, string> = {
  人: 'persons',
  人次: 'person-times',
  次: 'times',
  场: 'sessions',
  份: 'items',
  项: 'items',
  个: 'units',
  支: 'teams',
  对: 'pairs',
  元: 'yuan',
  '%': '%',
  分: 'points',
};

/** An indicator's unit in the current locale (Chinese as stored; English from `unitLabelsEn`). */
export function unitOf(indicator: Pick<Indicator, 'unit'>): string {
  return localize({ zh: indicator.unit, en: unitLabelsEn[indicator.unit] ?? indicator.unit });
}
