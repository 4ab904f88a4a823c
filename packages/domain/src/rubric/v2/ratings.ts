import { z } from 'zod';
import { safeRecord, safeText } from '../../validation/safe-input';
import type { RubricV2 } from './schema';

/**
 * What one rater gives one item. One shape for every kind (a form row and a
 * stored cell alike); which fields count depends on the item's kind:
 * manual → `earned`; deduction → `occurrences`; manual/deduction → `forfeited`
 * (the 不得分 condition); bonus by level → `tierCounts` (awards per tier);
 * bonus by count → `count`; veto → `triggered`. `noteZh` explains the score
 * (「台帐未归档」) and becomes the line's label.
 */
const count = z.number({ error: '次数必须是数字' }).int({ error: '次数必须是整数' }).min(0, { error: '次数不能为负' }).max(10_000, { error: '次数过大' });
export const raterItemInputSchema = z.object({
  earned: z.number({ error: '得分必须是数字' }).min(0, { error: '得分不能为负' }).max(1000, { error: '得分过大' }).optional(),
  occurrences: count.optional(),
  forfeited: z.boolean().optional(),
  tierCounts: z.array(count).max(10).optional(),
  count: count.optional(),
  triggered: z.boolean().optional(),
  noteZh: safeText({ max: 200, maxMessage: '说明最多 200 个字' }).optional(),
});
export type RaterItemInput = z.infer<typeof raterItemInputSchema>;

const key = z.string().regex(/^[a-z0-9_-]{1,40}$/, { error: '编号只能包含小写字母、数字、下划线和短横线' });
/** One rater's column: inputs by item id. */
export const raterColumnSchema = safeRecord(key, raterItemInputSchema);
/** Ratings by rater id, then item id. */
export const ratingsSchema = safeRecord(key, raterColumnSchema);
export type Ratings = Record<string, Record<string, RaterItemInput>>;

/**
 * The rules that depend on the rubric, with messages naming the rater and the
 * item (「考评：“台帐齐全归档”的得分应在 0 至 5 分之间」). Empty when fine.
 */
export function ratingIssues(rubric: RubricV2, ratings: Ratings): { path: string[]; message: string }[] {
  const issues: { path: string[]; message: string }[] = [];
  const raters = new Map(rubric.raters.map((r) => [r.id, r]));
  const items = new Map(rubric.items.map((i) => [i.id, i]));
  for (const [raterId, byItem] of Object.entries(ratings)) {
    const rater = raters.get(raterId);
    if (!rater) {
      issues.push({ path: [raterId], message: `评估表中没有评分人 ${raterId}` });
      continue;
    }
    for (const [itemId, input] of Object.entries(byItem)) {
      const item = items.get(itemId);
      const add = (field: string, message: string) => issues.push({ path: [raterId, itemId, field], message: `${rater.labelZh}：${message}` });
      if (!item) {
        add('', `评估表中没有评分项 ${itemId}`);
        continue;
      }
      const name = `“${item.titleZh}”`;
      if (item.kind === 'automatic' && (input.earned !== undefined || input.forfeited !== undefined)) add('earned', `${name}按年报数据自动计分，不能手工评分`);
      if (item.kind === 'manual' && input.earned !== undefined && input.earned > item.points) add('earned', `${name}的得分应在 0 至 ${item.points} 分之间`);
      if (item.kind === 'bonus' && item.rule.basis === 'level' && input.tierCounts && input.tierCounts.length !== item.rule.tiers.length) {
        add('tierCounts', `${name}有 ${item.rule.tiers.length} 个加分档次，填写了 ${input.tierCounts.length} 个`);
      }
      if (input.forfeited && item.kind !== 'manual' && item.kind !== 'deduction') add('forfeited', `${name}没有“不得分”情形`);
      if (input.forfeited && (item.kind === 'manual' || item.kind === 'deduction') && !item.forfeitZh) add('forfeited', `${name}没有设置“不得分”情形`);
    }
  }
  return issues;
}
