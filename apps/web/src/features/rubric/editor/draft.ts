// The v2 editor's working copy: the rubric itself plus a stable React key on
// each row. Numbers stay numbers (NaN while a field is empty), so the live
// maximum and the domain schema read the draft directly.
import { rubricV2Maximum, rubricV2Schema, type Rater, type RubricCategory, type RubricV2, type RubricV2Item, type RubricV2ItemKind, type RubricV2Maximum } from '@union/domain';

export type DraftCategory = RubricCategory & { key: string };
export type DraftItem = RubricV2Item & { key: string };
export type DraftRater = Rater & { key: string };
export type Draft = Omit<RubricV2, 'categories' | 'items' | 'raters'> & { categories: DraftCategory[]; items: DraftItem[]; raters: DraftRater[] };

let seq = 0;
const nextKey = () => `r${++seq}`;

export function toDraft(rubric: RubricV2): Draft {
  return {
    ...structuredClone(rubric),
    categories: rubric.categories.map((c) => ({ ...structuredClone(c), key: nextKey() })),
    items: rubric.items.map((i) => ({ ...structuredClone(i), key: nextKey() })),
    raters: rubric.raters.map((r) => ({ ...r, key: nextKey() })),
  };
}

const strip = <T extends { key: string }>({ key: _key, ...rest }: T) => rest;

/** What is validated and sent: items grouped by category (in category order), so error paths index this order. */
export function toDefinition(draft: Draft): { value: RubricV2; itemKeys: string[]; categoryKeys: string[]; raterKeys: string[] } {
  const order = new Map(draft.categories.map((c, i) => [c.id, i]));
  const items = [...draft.items].sort((a, b) => (order.get(a.category) ?? 1e9) - (order.get(b.category) ?? 1e9));
  return {
    value: { ...draft, categories: draft.categories.map(strip), items: items.map((i) => strip(i) as RubricV2Item), raters: draft.raters.map(strip) },
    itemKeys: items.map((i) => i.key),
    categoryKeys: draft.categories.map((c) => c.key),
    raterKeys: draft.raters.map((r) => r.key),
  };
}

const finite = (n: number) => (Number.isFinite(n) ? n : 0);

/** The live maximum while editing: empty numbers count 0. */
export function draftMaximum(draft: Draft): RubricV2Maximum {
  const items = draft.items.map((item): RubricV2Item => {
    switch (item.kind) {
      case 'bonus':
        return { ...item, cap: item.cap === null ? null : finite(item.cap), rule: { ...item.rule, tiers: item.rule.tiers.map((t) => ({ ...t, points: finite(t.points) })) } as typeof item.rule };
      case 'veto':
        return item;
      default:
        return { ...item, points: finite(item.points) };
    }
  });
  return rubricV2Maximum({ categories: draft.categories.map((c) => ({ ...c, cap: c.cap === null ? null : finite(c.cap) })), items });
}

const unusedId = (used: Iterable<string>, prefix: string) => {
  const taken = new Set(used);
  let n = 1;
  while (taken.has(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
};

export function newCategory(draft: Draft, titleZh: string): DraftCategory {
  return { key: nextKey(), id: unusedId(draft.categories.map((c) => c.id), 'cat'), titleZh, kind: 'base', cap: null };
}

export function newRater(draft: Draft, labelZh: string): DraftRater {
  return { key: nextKey(), id: unusedId(draft.raters.map((r) => r.id), 'rater'), labelZh, weight: 0, by: 'district' };
}

/** An item of a kind with sensible defaults, keeping what the old one had in common (title, note, evidence, points). */
export function itemOfKind(kind: RubricV2ItemKind, base: DraftItem | (Pick<DraftItem, 'key' | 'id' | 'category' | 'titleZh' | 'noteZh'> & { kind?: undefined })): DraftItem {
  const common = { key: base.key, id: base.id, category: base.category, titleZh: base.titleZh, noteZh: base.noteZh };
  const points = base.kind === 'automatic' || base.kind === 'manual' || base.kind === 'deduction' ? base.points : 5;
  const evidence = base.kind !== undefined && base.kind !== 'automatic' ? { basisZh: base.basisZh, verification: base.verification } : { basisZh: '', verification: [] };
  const forfeitZh = base.kind === 'manual' || base.kind === 'deduction' ? base.forfeitZh : '';
  switch (kind) {
    case 'automatic':
      return { ...common, kind, points, method: base.kind === 'automatic' ? base.method : { kind: 'reach_target', indicator: '', target: 1 } };
    case 'manual':
      return { ...common, ...evidence, kind, points, forfeitZh };
    case 'deduction':
      return { ...common, ...evidence, kind, points, perOccurrence: 1, occurrenceZh: '缺', floor: 0, forfeitZh };
    case 'bonus':
      return { ...common, ...evidence, kind, cap: null, rule: { basis: 'level', perAward: false, tiers: [{ labelZh: '区级', points: 1 }] } };
    case 'veto':
      return { ...common, ...evidence, kind, conditionZh: '', effect: { kind: 'zero' } };
  }
}

export function newItem(draft: Draft, category: string, kind: RubricV2ItemKind, titleZh: string): DraftItem {
  return itemOfKind(kind, { key: nextKey(), id: unusedId(draft.items.map((i) => i.id), 'item'), category, titleZh, noteZh: '' });
}

/**
 * Where an error goes: `item:<key>:<field path>` (`points`, `rule.tiers.1.points`,
 * `method.indicator`), `cat:<key>:<field>`, `rater:<key>:<field>`, `raters`,
 * `stars`, `total` — or `form`. `path` is relative to the definition.
 */
export function errorKey(path: readonly (string | number)[], sent: Pick<ReturnType<typeof toDefinition>, 'itemKeys' | 'categoryKeys' | 'raterKeys'>): string {
  const [head, index, ...rest] = path;
  const field = rest.join('.');
  if (head === 'items' && typeof index === 'number' && sent.itemKeys[index]) return `item:${sent.itemKeys[index]}:${field}`;
  if (head === 'categories' && typeof index === 'number' && sent.categoryKeys[index]) return `cat:${sent.categoryKeys[index]}:${field}`;
  if (head === 'raters' && typeof index === 'number' && sent.raterKeys[index]) return `rater:${sent.raterKeys[index]}:${field}`;
  if (head === 'raters') return 'raters';
  if (head === 'starLevels' || head === 'starReview') return 'stars';
  if (head === 'items' || head === 'totalPoints') return 'total';
  return 'form';
}

export interface DraftErrors {
  /** By errorKey; the first message for each place. */
  byKey: Record<string, string>;
  /** Every message, in order, for the summary. */
  all: string[];
}

/** The domain's full check of the draft, keyed for display (Chinese messages naming the item). */
export function checkDraft(draft: Draft, numberRequired: string): { errors: DraftErrors; value: RubricV2 | null } {
  const sent = toDefinition(draft);
  const parsed = rubricV2Schema.safeParse(sent.value);
  if (parsed.success) return { errors: { byKey: {}, all: [] }, value: parsed.data };
  const errors: DraftErrors = { byKey: {}, all: [] };
  for (const issue of parsed.error.issues) {
    const message = issue.code === 'invalid_type' && issue.expected === 'number' ? numberRequired : issue.message;
    const key = errorKey(issue.path as (string | number)[], sent);
    errors.byKey[key] ??= message;
    errors.all.push(message);
  }
  return { errors, value: null };
}

/** Splits a server path (`definition.items.3.points`) into the definition's path. */
export function definitionPath(path: string): (string | number)[] {
  return path
    .split('.')
    .filter((p, i) => !(i === 0 && p === 'definition'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export const weightSum = (draft: Pick<Draft, 'raters'>) => Math.round(draft.raters.reduce((s, r) => s + finite(r.weight), 0) * 100) / 100;
