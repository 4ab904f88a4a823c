import { z } from 'zod';
import { zodMessage as m } from '../i18n/locale';
import { idSchema, safeText } from '../validation/safe-input';

export const schoolTypes = ['kindergarten', 'primary', 'junior', 'senior', 'nine_year', 'vocational'] as const;
export const schoolTypeSchema = z.enum(schoolTypes);
export type SchoolType = z.infer<typeof schoolTypeSchema>;

export const schoolTypeLabels: Record<SchoolType, { zh: string; en: string }> = {
  kindergarten: { zh: '幼儿园', en: 'Kindergarten' },
  primary: { zh: '小学', en: 'Primary school' },
  junior: { zh: '初中', en: 'Junior secondary' },
  senior: { zh: '高中', en: 'Senior secondary' },
  nine_year: { zh: '九年一贯制', en: 'Nine-year school' },
  vocational: { zh: '职业学校', en: 'Vocational school' },
};

/**
 * Size bands by staff count, for comparing like with like. Boundaries follow
 * the usual split in district statistics (small < 50, medium < 120, large).
 */
export const sizeBands = ['small', 'medium', 'large'] as const;
export type SizeBand = (typeof sizeBands)[number];
export const sizeBandLabels: Record<SizeBand, { zh: string; en: string }> = {
  small: { zh: '小规模（50人以下）', en: 'Small (< 50 staff)' },
  medium: { zh: '中等规模（50–119人）', en: 'Medium (50–119 staff)' },
  large: { zh: '大规模（120人及以上）', en: 'Large (120+ staff)' },
};
export function sizeBandOf(staffCount: number): SizeBand {
  if (staffCount < 50) return 'small';
  if (staffCount < 120) return 'medium';
  return 'large';
}

export const schoolSchema = z
  .object({
    id: idSchema,
    code: safeText({ min: 1, max: 40 }),
    name: safeText({ min: 2, max: 80 }),
    schoolType: schoolTypeSchema,
    staffCount: z.number().int().min(0).max(100_000),
    memberCount: z.number().int().min(0).max(100_000),
    clusterId: idSchema.nullable(),
    districtId: idSchema,
  })
  .refine((s) => s.memberCount <= s.staffCount, {
    error: m(() => ({ zh: '工会会员数不能超过教职工总数', en: 'Union members cannot be more than total staff' })),
    path: ['memberCount'],
  });
export type School = z.infer<typeof schoolSchema>;
