import type { z } from 'zod';
import type { rubricV2ObjectSchema, RubricCategory, RubricV2Item } from './model';

type RubricShape = Pick<z.infer<typeof rubricV2ObjectSchema>, 'categories' | 'items'>;

export interface CategoryMaximum {
  categoryId: string;
  titleZh: string;
  kind: RubricCategory['kind'];
  /** Points towards 满分: items other than bonuses, within the category's cap; 0 for a bonus category. */
  base: number;
  /** The most the category can give including bonuses; null = 上不封顶. */
  withBonus: number | null;
}

export interface RubricV2Maximum {
  /** 满分 without bonuses (what `totalPoints` must equal). */
  base: number;
  /** The highest score possible with every bonus; null when some bonus has no cap. */
  withBonus: number | null;
  categories: CategoryMaximum[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Points an item counts towards 满分 (bonuses and vetoes count none). */
export function itemBasePoints(item: RubricV2Item): number {
  return item.kind === 'bonus' || item.kind === 'veto' ? 0 : Math.max(0, item.points);
}

/** The most an item can give; null for an uncapped per-award bonus (逐项累加). */
export function itemMaximum(item: RubricV2Item): number | null {
  switch (item.kind) {
    case 'automatic':
    case 'manual':
    case 'deduction':
      return Math.max(0, item.points);
    case 'veto':
      return 0;
    case 'bonus': {
      const top = Math.max(0, ...item.rule.tiers.map((t) => t.points));
      const uncapped = item.rule.basis === 'level' && item.rule.perAward ? null : top;
      if (item.cap === null) return uncapped;
      return uncapped === null ? Math.max(0, item.cap) : Math.min(Math.max(0, item.cap), uncapped);
    }
  }
}

const minCap = (value: number | null, cap: number | null) => (cap === null ? value : value === null ? Math.max(0, cap) : Math.min(Math.max(0, cap), value));

/**
 * The live maximum of a rubric, recomputed as it is edited: 满分 per category
 * and in all, with and without bonuses.
 */
export function rubricV2Maximum(rubric: RubricShape): RubricV2Maximum {
  const categories = rubric.categories.map((category): CategoryMaximum => {
    const items = rubric.items.filter((i) => i.category === category.id);
    const maxima = items.map(itemMaximum);
    const all = maxima.some((m) => m === null) ? null : round2(maxima.reduce<number>((s, m) => s + (m ?? 0), 0));
    const base = category.kind === 'bonus' ? 0 : round2(minCap(items.reduce((s, i) => s + itemBasePoints(i), 0), category.cap)!);
    return { categoryId: category.id, titleZh: category.titleZh, kind: category.kind, base, withBonus: minCap(all, category.cap) };
  });
  const base = round2(categories.reduce((s, c) => s + c.base, 0));
  const withBonus = categories.some((c) => c.withBonus === null) ? null : round2(categories.reduce((s, c) => s + (c.withBonus ?? 0), 0));
  return { base, withBonus, categories };
}
