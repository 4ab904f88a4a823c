import { z } from 'zod';
import { zodMessage as m } from '../i18n/locale';
import { indicatorCodeSchema } from '../catalogue/indicator';
import { idSchema, int4CountSchema, safeRecord, safeText } from '../validation/safe-input';

export const reportingYearSchema = z.number().int().min(2000).max(2100);

export const isoDateSchema = z.iso.date();

export const reportingYearInfoSchema = z.object({
  year: reportingYearSchema,
  deadline: isoDateSchema,
  isOpen: z.boolean(),
  /** 1: the district approves; 2: a cluster reviewer approves first, the district accepts. */
  reviewSteps: z.union([z.literal(1), z.literal(2)]),
});
export type ReportingYearInfo = z.infer<typeof reportingYearInfoSchema>;

/** Stored statuses. "Not started" is derived: no report row exists yet. */
export const reportStatuses = ['draft', 'submitted', 'returned', 'cluster_approved', 'approved'] as const;
export const reportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatusSchema>;
export type ReportProgress = ReportStatus | 'not_started';

export const reportProgressLabels: Record<ReportProgress, { zh: string; en: string }> = {
  not_started: { zh: '未开始', en: 'Not started' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  cluster_approved: { zh: '片区已初审', en: 'Approved by cluster' },
  approved: { zh: '已通过', en: 'Approved' },
};

export const narrativeSections = ['achievements', 'shortcomings', 'plans'] as const;
export type NarrativeSection = (typeof narrativeSections)[number];
export const narrativeSectionLabels: Record<NarrativeSection, { zh: string; en: string }> = {
  achievements: { zh: '主要工作与成绩', en: 'Main work and achievements' },
  shortcomings: { zh: '存在的不足', en: 'Shortcomings' },
  plans: { zh: '下一步计划', en: 'Plans for next year' },
};
// Not trimmed: a 总结 often starts its first paragraph with full-width spaces (U+3000) like every other one.
export const narrativeSchema = z.object({
  achievements: safeText({ max: 50_000, trim: false }),
  shortcomings: safeText({ max: 20_000, trim: false }),
  plans: safeText({ max: 20_000, trim: false }),
});
export type Narrative = z.infer<typeof narrativeSchema>;

export const honourLevels = ['national', 'provincial', 'municipal', 'county', 'school'] as const;
export const honourLevelSchema = z.enum(honourLevels);
export type HonourLevel = z.infer<typeof honourLevelSchema>;
export const honourLevelLabels: Record<HonourLevel, { zh: string; en: string }> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  county: { zh: '区县级', en: 'District/county' },
  school: { zh: '校级', en: 'School' },
};

export const honourKinds = ['collective', 'individual'] as const;
export const honourKindSchema = z.enum(honourKinds);
export type HonourKind = z.infer<typeof honourKindSchema>;
export const honourKindLabels: Record<HonourKind, { zh: string; en: string }> = {
  collective: { zh: '集体', en: 'Collective' },
  individual: { zh: '个人', en: 'Individual' },
};

export const honourSchema = z.object({
  title: safeText({ min: 1, max: 200, minMessage: { zh: '请填写荣誉名称', en: 'Enter the honour' } }),
  level: honourLevelSchema,
  kind: honourKindSchema,
  recipient: safeText({ max: 100 }).default(''),
});
export type Honour = z.infer<typeof honourSchema>;

/**
 * Indicator values keyed by indicator code; null means "not filled in".
 * Each value's own rules (type, unit, range, known code) need the year's
 * catalogue and live in one place: validateReportValues / indicatorValueSchema.
 */
export const indicatorValuesSchema = safeRecord(indicatorCodeSchema, z
    .number({ error: m(() => ({ zh: '必须是数字', en: 'must be a number' })) })
    .finite({ error: m(() => ({ zh: '必须是有限的数字', en: 'must be a finite number' })) })
    .nullable());

/** Chairs' explanations of questioned values, by indicator code. */
export const indicatorExplanationsSchema = safeRecord(indicatorCodeSchema, safeText({ max: 500 }));

/** A report's version for compare-and-set saves (0 = not created yet). */
export const reportVersionSchema = int4CountSchema;
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;

export const yearlyReportSchema = z.object({
  schoolId: idSchema,
  year: reportingYearSchema,
  status: reportStatusSchema,
  version: reportVersionSchema.min(1),
  values: indicatorValuesSchema,
  narrative: narrativeSchema,
  honours: z.array(honourSchema).max(500),
});
export type YearlyReport = z.infer<typeof yearlyReportSchema>;
