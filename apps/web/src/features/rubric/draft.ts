// The editor's working copy of a rubric: numbers kept as typed (strings) until saved.
import { categoryCodes, type CategoryCode, type HonourLevel, type Rubric, type ScoringMethod } from '@union/domain';

export type MethodKind = ScoringMethod['kind'];
export const methodKinds: readonly MethodKind[] = ['reach_target', 'linear_to_target', 'rate_per_100_staff', 'ratio_to_target', 'honours', 'narrative_evidence'];

export interface DraftItem {
  /** React key, stable across edits. */
  key: string;
  id: string;
  category: CategoryCode;
  titleZh: string;
  points: string;
  kind: MethodKind;
  indicator: string;
  numerator: string;
  denominator: string;
  /** For ratio_to_target: a percentage (90 for 0.9). */
  target: string;
  minLevel: HonourLevel;
  keywords: string;
}

export interface Draft {
  totalPoints: number;
  items: DraftItem[];
  /** Minimum score by star count, as typed. */
  starLevels: { stars: number; minScore: string }[];
}

let keySeq = 0;
const nextKey = () => `k${++keySeq}`;

const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()));
const str = (n: number): string => String(Math.round(n * 1e6) / 1e6);

export function toDraft(rubric: Rubric): Draft {
  return {
    totalPoints: rubric.totalPoints,
    items: rubric.items.map((item) => {
      const m = item.method;
      return {
        key: nextKey(),
        id: item.id,
        category: item.category,
        titleZh: item.titleZh,
        points: str(item.points),
        kind: m.kind,
        indicator: 'indicator' in m ? m.indicator : '',
        numerator: m.kind === 'ratio_to_target' ? m.numerator : '',
        denominator: m.kind === 'ratio_to_target' ? m.denominator : '',
        target: str(m.kind === 'ratio_to_target' ? m.target * 100 : m.target),
        minLevel: m.kind === 'honours' ? m.minLevel : 'county',
        keywords: m.kind === 'narrative_evidence' ? m.keywords.join('、') : '',
      };
    }),
    starLevels: [...rubric.starLevels].sort((a, b) => b.stars - a.stars).map((s) => ({ stars: s.stars, minScore: str(s.minScore) })),
  };
}

/** A fresh item in a category, with an id not used yet. */
export function newItem(draft: Draft, category: CategoryCode, titleZh: string): DraftItem {
  const used = new Set(draft.items.map((i) => i.id));
  let n = draft.items.length + 1;
  while (used.has(`item_${n}`)) n += 1;
  return { key: nextKey(), id: `item_${n}`, category, titleZh, points: '', kind: 'reach_target', indicator: '', numerator: '', denominator: '', target: '1', minLevel: 'county', keywords: '' };
}

function methodOf(item: DraftItem): Record<string, unknown> {
  const target = num(item.target);
  switch (item.kind) {
    case 'reach_target':
    case 'linear_to_target':
    case 'rate_per_100_staff':
      return { kind: item.kind, indicator: item.indicator, target };
    case 'ratio_to_target':
      return { kind: item.kind, numerator: item.numerator, denominator: item.denominator, target: target / 100 };
    case 'honours':
      return { kind: item.kind, minLevel: item.minLevel, target };
    case 'narrative_evidence':
      return {
        kind: item.kind,
        keywords: item.keywords
          .split(/[,，、;；\s]+/)
          .map((k) => k.trim())
          .filter(Boolean),
        target,
      };
  }
}

/** The rubric to validate and send; items in category order, in their order within it. */
export function fromDraft(draft: Draft): { items: DraftItem[]; value: unknown } {
  const order = new Map(categoryCodes.map((c, i) => [c, i]));
  const items = [...draft.items].sort((a, b) => (order.get(a.category) ?? 0) - (order.get(b.category) ?? 0));
  return {
    items,
    value: {
      totalPoints: draft.totalPoints,
      items: items.map((i) => ({ id: i.id, category: i.category, titleZh: i.titleZh, points: num(i.points), method: methodOf(i) })),
      starLevels: draft.starLevels.map((s) => ({ stars: s.stars, minScore: num(s.minScore) })),
    },
  };
}

export function draftTotal(draft: Draft): number {
  return draft.items.reduce((s, i) => {
    const p = num(i.points);
    return Number.isFinite(p) ? s + p : s;
  }, 0);
}

/**
 * Errors keyed for display: `item:<key>:<field>` (field: titleZh, points,
 * indicator, numerator, denominator, target, keywords, method, id), `star:<i>`,
 * `total`, or `form` for the rest. `path` is relative to the rubric
 * (`items.3.points`); `items` is the order that was validated.
 */
export function keyError(path: (string | number)[], items: DraftItem[]): string {
  const [head, index, field, sub] = path;
  if (head === 'items' && index === undefined) return 'total';
  if (head === 'items' && typeof index === 'number') {
    const item = items[index];
    if (!item) return 'form';
    if (field === 'method') {
      const f = sub === undefined ? 'method' : String(sub);
      return `item:${item.key}:${f}`;
    }
    return `item:${item.key}:${field === undefined ? 'method' : String(field)}`;
  }
  if (head === 'starLevels') return typeof index === 'number' ? `star:${index}` : 'stars';
  return 'form';
}

/** Splits a server path such as `rubric.items.3.points` into its segments (numbers as numbers). */
export function splitPath(path: string): (string | number)[] {
  return path
    .split('.')
    .filter((p, i) => !(i === 0 && p === 'rubric'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
