import { z } from 'zod';
import { indicatorCodeSchema } from '../catalogue/indicator';

export const reportingYearSchema = z.number().int().min(2000).max(2100);

export const isoDateSchema = z.iso.date();

export const reportingYearInfoSchema = z.object({
  year: reportingYearSchema,
  deadline: isoDateSchema,
  isOpen: z.boolean(),
});
export type ReportingYearInfo = z.infer<typeof reportingYearInfoSchema>;

/** Stored statuses. "Not started" is derived: no report row exists yet. */
export const reportStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export const reportStatusSchema = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatusSchema>;
export type ReportProgress = ReportStatus | 'not_started';

export const reportProgressLabels: Record<ReportProgress, { zh: string; en: string }> = {
  not_started: { zh: '未开始', en: 'Not started' },
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '已退回', en: 'Returned' },
  approved: { zh: '已通过', en: 'Approved' },
};

export const narrativeSections = ['achievements', 'shortcomings', 'plans'] as const;
export type NarrativeSection = (typeof narrativeSections)[number];
export const narrativeSectionLabels: Record<NarrativeSection, { zh: string; en: string }> = {
  achievements: { zh: '主要工作与成绩', en: 'Main work and achievements' },
  shortcomings: { zh: '存在的不足', en: 'Shortcomings' },
  plans: { zh: '下一步计划', en: 'Plans for next year' },
};
export const narrativeSchema = z.object({
  achievements: z.string().max(50_000),
  shortcomings: z.string().max(20_000),
  plans: z.string().max(20_000),
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
  title: z.string().trim().min(1, { error: '请填写荣誉名称' }).max(200),
  level: honourLevelSchema,
  kind: honourKindSchema,
  recipient: z.string().trim().max(100).default(''),
});
export type Honour = z.infer<typeof honourSchema>;

/** Indicator values keyed by indicator code; null means "not filled in". */
export const indicatorValuesSchema = z.record(indicatorCodeSchema, z.number().finite().nullable());
export type IndicatorValues = z.infer<typeof indicatorValuesSchema>;

export const yearlyReportSchema = z.object({
  schoolId: z.number().int().positive(),
  year: reportingYearSchema,
  status: reportStatusSchema,
  version: z.number().int().min(1),
  values: indicatorValuesSchema,
  narrative: narrativeSchema,
  honours: z.array(honourSchema).max(500),
});
export type YearlyReport = z.infer<typeof yearlyReportSchema>;
