import { starLabelsZh, starsFor } from '../rubric';
import { scoreItem, type ScoringInput } from '../scoring';
import { itemMaximum } from './maximum';
import type { RubricV2Item } from './model';
import type { RaterItemInput, Ratings } from './ratings';
import type { RubricV2 } from './schema';

export interface RubricV2ScoringInput {
  /** The report's figures, for automatic items (none needed when the rubric has none). */
  figures?: ScoringInput;
  ratings: Ratings;
  /** The 复核 by the level above: the stars it confirms (it may lower them). */
  review?: { stars: number };
}

export interface ItemResult {
  itemId: string;
  kind: RubricV2Item['kind'];
  categoryId: string;
  /** The item's most; null = no cap (逐项累加). */
  max: number | null;
  earned: number;
  /** False for a manual or deduction item this rater has not scored yet (counted as 0). */
  rated: boolean;
  /** Whether this rater found the veto condition (veto items only). */
  vetoed: boolean;
  /** 查漏补缺 lines, e.g. 「台帐未归档：-5」, 「省级模范教工之家：+5」. */
  lines: string[];
}

export interface CategoryResult {
  categoryId: string;
  /** Sum of its items before the cap. */
  raw: number;
  earned: number;
  lines: string[];
}

export interface RaterResult {
  raterId: string;
  labelZh: string;
  weight: number;
  items: ItemResult[];
  categories: CategoryResult[];
  total: number;
  /** Every manual and deduction item scored. */
  complete: boolean;
  lines: string[];
}

export type StarReviewState = 'not_required' | 'pending' | 'done';

export interface RubricV2Score {
  raters: RaterResult[];
  /** 综评分: raters' totals by weight; 0 on a 一票否决 that zeroes. */
  combined: number;
  /** Weighted per item and per category (what the school sees as 综评). */
  items: { itemId: string; earned: number }[];
  categories: { categoryId: string; earned: number }[];
  starsByScore: number;
  /** After vetoes and 复核. */
  stars: number;
  review: StarReviewState;
  /** Veto items some rater found. */
  vetoes: string[];
  /** Every rater with a weight has scored every item. */
  complete: boolean;
  /** How the 综评分 came about: the formula, vetoes, review. */
  lines: string[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const fmt = (n: number) => String(round2(n));
const signed = (n: number) => (n >= 0 ? `+${fmt(n)}` : `-${fmt(-n)}`);
const clamp = (n: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, n));
const noFigures: ScoringInput = { values: {}, honours: [], narrative: { achievements: '', shortcomings: '', plans: '' }, staffCount: null };

function bonusEarned(item: Extract<RubricV2Item, { kind: 'bonus' }>, input: RaterItemInput): { earned: number; parts: string[] } {
  const rule = item.rule;
  let earned = 0;
  const parts: string[] = [];
  if (rule.basis === 'count') {
    const n = input.count ?? 0;
    const tier = [...rule.tiers].reverse().find((t) => n >= t.minCount);
    if (tier) {
      earned = tier.points;
      parts.push(`${n} 项（满 ${tier.minCount} 项）${signed(tier.points)}`);
    }
  } else {
    const counts = rule.tiers.map((_, i) => input.tierCounts?.[i] ?? 0);
    if (rule.perAward) {
      rule.tiers.forEach((tier, i) => {
        const n = counts[i]!;
        if (n > 0) {
          earned += n * tier.points;
          parts.push(`${tier.labelZh}${n > 1 ? ` ×${n}` : ''} ${signed(n * tier.points)}`);
        }
      });
    } else {
      const top = counts.map((n, i) => (n > 0 ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
      if (top >= 0) {
        earned = rule.tiers[top]!.points;
        parts.push(`${rule.tiers[top]!.labelZh} ${signed(earned)}`);
      }
    }
  }
  if (item.cap !== null && earned > item.cap) {
    parts.push(`本项最多加 ${fmt(item.cap)} 分`);
    earned = item.cap;
  }
  return { earned, parts };
}

function scoreV2Item(item: RubricV2Item, input: RaterItemInput | undefined, figures: ScoringInput): ItemResult {
  const base = { itemId: item.id, kind: item.kind, categoryId: item.category, max: itemMaximum(item), rated: true, vetoed: false };
  const given = input ?? {};
  const label = given.noteZh || item.titleZh;
  switch (item.kind) {
    case 'automatic': {
      const earned = scoreItem(item, figures).earned;
      const lost = round2(item.points - earned);
      return { ...base, earned, lines: lost > 0 ? [`${item.titleZh}：-${fmt(lost)}`] : [] };
    }
    case 'manual': {
      if (given.forfeited) return { ...base, earned: 0, lines: [`${label}：${item.forfeitZh}，不得分（-${fmt(item.points)}）`] };
      if (given.earned === undefined) return { ...base, earned: 0, rated: false, lines: [`${item.titleZh}：未评分`] };
      const earned = round2(clamp(given.earned, 0, item.points));
      const lost = round2(item.points - earned);
      return { ...base, earned, lines: lost > 0 ? [`${label}：-${fmt(lost)}`] : [] };
    }
    case 'deduction': {
      if (given.forfeited) return { ...base, earned: 0, lines: [`${label}：${item.forfeitZh}，不得分（-${fmt(item.points)}）`] };
      if (given.occurrences === undefined) return { ...base, earned: 0, rated: false, lines: [`${item.titleZh}：未评分`] };
      const n = given.occurrences;
      const earned = round2(Math.max(item.floor, item.points - n * item.perOccurrence));
      const lost = round2(item.points - earned);
      if (lost <= 0) return { ...base, earned, lines: [] };
      const floored = item.points - n * item.perOccurrence < item.floor ? `，扣至最低 ${fmt(item.floor)} 分` : '';
      return { ...base, earned, lines: [`${label}：${item.occurrenceZh} ${n} 次，-${fmt(lost)}${floored}`] };
    }
    case 'bonus': {
      const { earned, parts } = bonusEarned(item, given);
      return { ...base, earned: round2(earned), lines: earned > 0 ? [`${label}：${parts.join('，')}`] : [] };
    }
    case 'veto': {
      const vetoed = given.triggered === true;
      const effect = item.effect.kind === 'zero' ? '综评分记 0 分' : `最高评为${starLabelsZh[item.effect.maxStars]}`;
      return { ...base, earned: 0, vetoed, lines: vetoed ? [`一票否决：${given.noteZh || item.conditionZh}，${effect}`] : [] };
    }
  }
}

function scoreRater(rubric: RubricV2, rater: RubricV2['raters'][number], ratings: Ratings, figures: ScoringInput): RaterResult {
  const given = ratings[rater.id] ?? {};
  const items = rubric.items.map((item) => scoreV2Item(item, Object.hasOwn(given, item.id) ? given[item.id] : undefined, figures));
  const categories = rubric.categories.map((category): CategoryResult => {
    const raw = round2(items.filter((i) => i.categoryId === category.id).reduce((s, i) => s + i.earned, 0));
    const earned = category.cap === null ? raw : Math.min(raw, category.cap);
    const lines = earned < raw ? [`${category.titleZh}：合计 ${fmt(raw)} 分，超过本类上限 ${fmt(category.cap!)} 分，按 ${fmt(earned)} 分计`] : [];
    return { categoryId: category.id, raw, earned, lines };
  });
  const zeroed = rubric.items.some((item, i) => item.kind === 'veto' && item.effect.kind === 'zero' && items[i]!.vetoed);
  const total = zeroed ? 0 : round2(categories.reduce((s, c) => s + c.earned, 0));
  return {
    raterId: rater.id,
    labelZh: rater.labelZh,
    weight: rater.weight,
    items,
    categories,
    total,
    complete: items.every((i) => i.rated),
    // Category by category: its items' lines, then its cap.
    lines: categories.flatMap((c) => [...items.filter((i) => i.categoryId === c.categoryId).flatMap((i) => i.lines), ...c.lines]),
  };
}

/**
 * Scores one school against a v2 rubric: each rater's column (items, category
 * caps, own vetoes), then the 综评分 by the raters' weights, the stars from it
 * (capped by vetoes any rater found) and the 复核 state, each step explained.
 */
export function scoreRubricV2(rubric: RubricV2, input: RubricV2ScoringInput): RubricV2Score {
  const figures = input.figures ?? noFigures;
  const raters = rubric.raters.map((r) => scoreRater(rubric, r, input.ratings, figures));
  const weighted = (pick: (r: RaterResult) => number) => round2(raters.reduce((s, r) => s + (r.weight / 100) * pick(r), 0));
  const items = rubric.items.map((item, i) => ({ itemId: item.id, earned: weighted((r) => r.items[i]!.earned) }));
  const categories = rubric.categories.map((c, i) => ({ categoryId: c.id, earned: weighted((r) => r.categories[i]!.earned) }));

  const vetoItems = rubric.items.flatMap((item, i) => (item.kind === 'veto' && raters.some((r) => r.items[i]!.vetoed) ? [item] : []));
  const zeroed = vetoItems.some((v) => v.effect.kind === 'zero');
  const weightedTotal = weighted((r) => r.total);
  const combined = zeroed ? 0 : weightedTotal;

  const counted = raters.filter((r) => r.weight > 0);
  const formula =
    counted.length === 1 && counted[0]!.weight === 100
      ? `综评分 = ${counted[0]!.labelZh} ${fmt(counted[0]!.total)}`
      : `综评分 = ${counted.map((r) => `${r.labelZh} ${fmt(r.total)} × ${fmt(r.weight)}%`).join(' + ')} = ${fmt(weightedTotal)}`;
  const lines = [formula];
  for (const v of vetoItems) {
    const by = raters.filter((r) => r.items[rubric.items.indexOf(v)]!.vetoed).map((r) => r.labelZh);
    lines.push(`一票否决（${by.join('、')}）：${v.conditionZh}，${v.effect.kind === 'zero' ? '综评分记 0 分' : `最高评为${starLabelsZh[v.effect.maxStars]}`}`);
  }

  const starsByScore = starsFor(rubric, combined);
  let stars = starsByScore;
  for (const v of vetoItems) if (v.effect.kind === 'cap_stars') stars = Math.min(stars, v.effect.maxStars);
  let review: StarReviewState = 'not_required';
  if (rubric.starReview && stars >= rubric.starReview.fromStars) {
    if (input.review) {
      review = 'done';
      const confirmed = clamp(Math.trunc(input.review.stars), 0, stars);
      lines.push(`${rubric.starReview.byZh}复核：${confirmed < stars ? `由${starLabelsZh[stars]}调整为` : '确认'}${starLabelsZh[confirmed]}`);
      stars = confirmed;
    } else {
      review = 'pending';
      lines.push(`${starLabelsZh[stars]}待${rubric.starReview.byZh}复核`);
    }
  }
  return { raters, combined, items, categories, starsByScore, stars, review, vetoes: vetoItems.map((v) => v.id), complete: counted.every((r) => r.complete), lines };
}
