import { z } from 'zod';
import { safeText } from '../../validation/safe-input';
import { scoringMethodSchema, starLevelSchema } from '../rubric';

/**
 * Rubric model v2 (考核评估表 v2), one per reporting year. Real 工会工作考核细则
 * are mostly items an inspector checks against evidence, with deductions,
 * tiered bonuses, a veto and several raters; v1's figure-based items are the
 * `automatic` kind here, scored exactly as before.
 *
 * Field schemas check types and bounds; the rules that need the item's name
 * in the message (points ≥ 0, tiers ascending, weights summing to 100 %…)
 * are in the rubric's refinement, so every message names what is wrong.
 */
export const RUBRIC_V2_SCHEMA_VERSION = 2;

const POINTS_LIMIT = 1000;
const number = (what: string) =>
  z.number({ error: `${what}必须是数字` }).refine(Number.isFinite, { error: `${what}必须是数字` }).refine((n) => Math.abs(n) <= POINTS_LIMIT, { error: `${what}过大` });
const slug = (what: string) => z.string({ error: `${what}必须是文字` }).regex(/^[a-z0-9_-]{1,40}$/, { error: `${what}只能包含小写字母、数字、下划线和短横线` });
const optionalText = (max: number) => safeText({ max, maxMessage: `最多 ${max} 个字` }).default('');

/** How an inspector checks a manual item (核查方式). */
export const verificationMethods = ['ledger', 'site_visit', 'interview', 'documents'] as const;
export const verificationMethodSchema = z.enum(verificationMethods, { error: '核查方式应为查台账、实地查看、座谈或查资料' });
export type VerificationMethod = z.infer<typeof verificationMethodSchema>;
export const verificationMethodLabels: Record<VerificationMethod, { zh: string; en: string }> = {
  ledger: { zh: '查台账', en: 'Check records' },
  site_visit: { zh: '实地查看', en: 'Site visit' },
  interview: { zh: '座谈', en: 'Interviews' },
  documents: { zh: '查资料', en: 'Check documents' },
};

const itemBase = {
  id: slug('评分项编号'),
  category: slug('所属类别编号'),
  titleZh: safeText({ min: 1, max: 100, minMessage: '请填写评分项名称', maxMessage: '评分项名称最多 100 个字' }),
  /** The table's 注 column, shown as written. */
  noteZh: optionalText(500),
};
/** 评分依据 and 核查方式 of the items an inspector scores. */
const evidence = {
  basisZh: optionalText(500),
  verification: z.array(verificationMethodSchema).max(4).default([]),
};

/** Scored from the report's figures by one of v1's methods; the same for every rater. */
export const automaticItemSchema = z.object({ ...itemBase, kind: z.literal('automatic'), points: number('分值'), method: scoringMethodSchema });

/** 0…points, given by each rater; an optional 不得分 condition scores it 0. */
export const manualItemSchema = z.object({ ...itemBase, ...evidence, kind: z.literal('manual'), points: number('分值'), forfeitZh: optionalText(200) });

/** Full points less `perOccurrence` for each occurrence (缺一次扣 1), never below `floor`; or 不得分 on a condition. */
export const deductionItemSchema = z.object({
  ...itemBase,
  ...evidence,
  kind: z.literal('deduction'),
  points: number('分值'),
  perOccurrence: number('每次扣分'),
  /** What one occurrence is, e.g. 缺席, 组织不全. */
  occurrenceZh: safeText({ min: 1, max: 50, minMessage: '请填写扣分情形（如“缺席”）' }),
  floor: number('最低得分').default(0),
  forfeitZh: optionalText(200),
});

const levelTierSchema = z.object({ labelZh: safeText({ min: 1, max: 50, minMessage: '请填写加分档次名称' }), points: number('档次加分') });
const countTierSchema = z.object({ minCount: number('档次起点'), points: number('档次加分') });

/**
 * Tiered bonus. By level (昆山/苏州/省模范教工之家 +1/+3/+5): the highest tier
 * reached counts once, or with `perAward` every award counts (获奖按等级加分,
 * 逐项累加). By count: the highest tier whose `minCount` is reached.
 * `cap` null = no cap of its own.
 */
export const bonusItemSchema = z.object({
  ...itemBase,
  ...evidence,
  kind: z.literal('bonus'),
  cap: number('加分上限').nullable().default(null),
  rule: z.discriminatedUnion(
    'basis',
    [
      z.object({ basis: z.literal('level'), perAward: z.boolean().default(false), tiers: z.array(levelTierSchema).min(1, { error: '请至少设置一个加分档次' }).max(10) }),
      z.object({ basis: z.literal('count'), tiers: z.array(countTierSchema).min(1, { error: '请至少设置一个加分档次' }).max(10) }),
    ],
    { error: '加分方式应为按等级或按数量' },
  ),
});

/** 一票否决: when any rater finds the condition, the 综评分 is 0 or the stars are capped. */
export const vetoItemSchema = z.object({
  ...itemBase,
  ...evidence,
  kind: z.literal('veto'),
  conditionZh: safeText({ min: 1, max: 200, minMessage: '请填写否决情形' }),
  effect: z.discriminatedUnion('kind', [z.object({ kind: z.literal('zero') }), z.object({ kind: z.literal('cap_stars'), maxStars: z.number().int().min(0).max(4) })], {
    error: '否决后果应为总分记 0 或限定星级',
  }),
});

export const rubricV2ItemSchema = z.discriminatedUnion('kind', [automaticItemSchema, manualItemSchema, deductionItemSchema, bonusItemSchema, vetoItemSchema], {
  error: '评分项类型应为自动、人工评分、扣分、加分或一票否决',
});
export type RubricV2Item = z.infer<typeof rubricV2ItemSchema>;
export type RubricV2ItemKind = RubricV2Item['kind'];
export type BonusItem = z.infer<typeof bonusItemSchema>;

/** A category (一级指标). Base categories make up 满分; bonus ones (工作成效加分) come on top. `cap` null = sum of its items / 上不封顶. */
export const rubricCategorySchema = z.object({
  id: slug('类别编号'),
  titleZh: safeText({ min: 1, max: 50, minMessage: '请填写类别名称' }),
  kind: z.enum(['base', 'bonus'], { error: '类别应为基础分或加分' }).default('base'),
  cap: number('类别上限').nullable().default(null),
});
export type RubricCategory = z.infer<typeof rubricCategorySchema>;

/**
 * Who fills a rater column in the platform: the school's chair (自评) or the
 * district. Chairs never see other schools, so 互评 sheets are entered by the district.
 */
export const raterParties = ['school', 'district'] as const;

/** A rater column (自评 / 考评 / 互评 …); weights in percent give the 综评分. */
export const raterSchema = z.object({
  id: slug('评分人编号'),
  labelZh: safeText({ min: 1, max: 20, minMessage: '请填写评分人名称' }),
  weight: number('权重'),
  by: z.enum(raterParties, { error: '评分人应由学校或区教育工会填写' }).default('district'),
});
export type Rater = z.infer<typeof raterSchema>;

/** Star levels from this many stars up are final only after 复核 by the level above. */
export const starReviewSchema = z.object({ fromStars: z.number().int().min(1).max(5), byZh: safeText({ min: 1, max: 50, minMessage: '请填写复核单位' }) });

export const rubricV2ObjectSchema = z.object({
  schemaVersion: z.literal(RUBRIC_V2_SCHEMA_VERSION),
  titleZh: optionalText(100),
  /** The declared 满分 of the base categories. */
  totalPoints: number('满分'),
  categories: z.array(rubricCategorySchema).min(1, { error: '评估表至少需要一个类别' }).max(30),
  items: z.array(rubricV2ItemSchema).min(1, { error: '评估表至少需要一个评分项' }).max(300),
  raters: z.array(raterSchema).min(1, { error: '至少需要一个评分人' }).max(6),
  starLevels: z.array(starLevelSchema).max(5),
  starReview: starReviewSchema.nullable().default(null),
});
