import type { z } from 'zod';
import { rubricV2ObjectSchema } from './model';
import { rubricV2Maximum } from './maximum';

type Issue = { path: (string | number)[]; message: string };
const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** The rules that need a name in their message: every issue says which item, category or rater it is about. */
export function rubricV2Issues(rubric: z.infer<typeof rubricV2ObjectSchema>): Issue[] {
  const issues: Issue[] = [];
  const add = (path: Issue['path'], message: string) => issues.push({ path, message });

  const duplicates = (list: { id: string }[], what: string, key: string) => {
    const seen = new Set<string>();
    list.forEach((x, index) => {
      if (seen.has(x.id)) add([key, index, 'id'], `${what}编号 ${x.id} 重复`);
      seen.add(x.id);
    });
  };
  duplicates(rubric.categories, '类别', 'categories');
  duplicates(rubric.items, '评分项', 'items');
  duplicates(rubric.raters, '评分人', 'raters');

  rubric.categories.forEach((c, index) => {
    if (c.cap !== null && c.cap < 0) add(['categories', index, 'cap'], `类别“${c.titleZh}”的上限不能为负`);
  });

  const categoryIds = new Set(rubric.categories.map((c) => c.id));
  rubric.items.forEach((item, index) => {
    const at = (...rest: (string | number)[]) => ['items', index, ...rest];
    const name = `评分项“${item.titleZh}”`;
    if (!categoryIds.has(item.category)) add(at('category'), `${name}所属的类别 ${item.category} 不存在`);
    if (item.kind !== 'bonus' && item.kind !== 'veto' && item.points < 0) add(at('points'), `${name}的分值不能为负`);
    if (item.kind === 'deduction') {
      if (item.perOccurrence <= 0) add(at('perOccurrence'), `${name}的每次扣分必须大于 0`);
      if (item.floor < 0 || item.floor > item.points) add(at('floor'), `${name}的最低得分应在 0 至 ${fmt(Math.max(0, item.points))} 分之间`);
    }
    if (item.kind === 'bonus') {
      if (item.cap !== null && item.cap < 0) add(at('cap'), `${name}的加分上限不能为负`);
      const tiers = item.rule.tiers;
      tiers.forEach((tier, t) => {
        if (tier.points <= 0) add(at('rule', 'tiers', t, 'points'), `${name}第 ${t + 1} 档的加分必须大于 0`);
      });
      const ascending = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);
      if (!ascending(tiers.map((t) => t.points))) add(at('rule', 'tiers'), `${name}的加分档次应从低到高排列，每档比上一档多`);
      if (item.rule.basis === 'count') {
        const counts = item.rule.tiers.map((t) => t.minCount);
        if (counts.some((c) => c < 1 || !Number.isInteger(c))) add(at('rule', 'tiers'), `${name}的档次起点应为正整数`);
        else if (!ascending(counts)) add(at('rule', 'tiers'), `${name}的档次起点应从小到大排列`);
      }
    }
  });

  rubric.raters.forEach((r, index) => {
    if (r.weight < 0 || r.weight > 100) add(['raters', index, 'weight'], `评分人“${r.labelZh}”的权重应在 0% 至 100% 之间`);
  });
  const weights = rubric.raters.reduce((s, r) => s + r.weight, 0);
  if (Math.abs(weights - 100) > 1e-9) add(['raters'], `各评分人权重合计为 ${fmt(weights)}%，应为 100%`);

  if (rubric.totalPoints < 0) add(['totalPoints'], '满分不能为负');
  // The sum means something only once every part is valid.
  else if (issues.length === 0) {
    const { base } = rubricV2Maximum(rubric);
    if (Math.abs(base - rubric.totalPoints) > 1e-9) add(['items'], `各类别基础分合计为 ${fmt(base)} 分，应为满分 ${fmt(rubric.totalPoints)} 分`);
  }
  if (rubric.starLevels.some((s) => s.minScore > rubric.totalPoints)) add(['starLevels'], '星级分数线不能高于满分');
  return issues;
}

/** A v2 rubric, checked in full (Chinese messages naming the item). */
export const rubricV2Schema = rubricV2ObjectSchema.superRefine((rubric, ctx) => {
  for (const issue of rubricV2Issues(rubric)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});
export type RubricV2 = z.infer<typeof rubricV2Schema>;
/** What an editor or a fixture writes: defaults (notes, floors, caps) may be left out. */
export type RubricV2Input = z.input<typeof rubricV2Schema>;
