import {
  categoryCodes,
  MAX_SOURCE_EXCERPTS,
  MAX_SOURCE_SENTENCE,
  type CategoryCode,
  type Indicator,
  type IndicatorValues,
  type Narrative,
  type SourceExcerpt,
  type Suggestion,
  type ValueSourceInput,
} from '@union/domain';

/** What the chair decided about one suggestion (by its index in the server's list). */
export interface ItemState {
  accepted: boolean;
  rejected: boolean;
  /** The value as typed (starts as the suggested value). */
  input: string;
}

export type ConfidenceLevel = 'high' | 'medium' | 'low';

export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.85) return 'high';
  if (confidence >= 0.6) return 'medium';
  return 'low';
}

/** A number the chair typed: digits with an optional decimal part, thousands separators allowed. */
export function parseValueInput(input: string): number | null {
  const cleaned = input.replace(/[,，\s]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

/** Adds values without floating-point noise at two decimals (0.1 + 0.2 = 0.3). */
export function sumParts(values: readonly number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
}

/**
 * Among several figures for one indicator, the one that is already the total of
 * the others ("师徒结对15对，其中…8对、…7对"): its index, or -1. Adding them
 * all up would count the parts twice.
 */
export function totalOfParts(values: readonly number[]): number {
  if (values.length < 3) return -1;
  const all = sumParts(values);
  return values.findIndex((v) => Math.abs(all - v - v) < 0.005);
}

/** The draft already has a different value for this indicator. */
export function hasConflict(current: number | null | undefined, value: number): boolean {
  return current !== null && current !== undefined && Number.isFinite(current) && Math.abs(current - value) > 1e-9;
}

/**
 * Starting decisions: confident achievements are accepted unless they would
 * change a value already in the draft or are a second figure for the same
 * indicator (the chair decides whether those are parts to add up). Possible
 * ones (「可能相关」) and plans are never accepted by default.
 */
export function initialItems(suggestions: readonly Suggestion[], currentValues: IndicatorValues): ItemState[] {
  const seen = new Set<string>();
  return suggestions.map((s) => {
    const prefill = !s.isPlan && s.tier === 'confident';
    const first = prefill && !seen.has(s.indicatorCode);
    if (prefill) seen.add(s.indicatorCode);
    const accepted = first && confidenceLevel(s.confidence) !== 'low' && !hasConflict(currentValues[s.indicatorCode], s.value);
    return { accepted, rejected: false, input: String(s.value) };
  });
}

export interface IndicatorGroup {
  indicator: Indicator;
  /** Indices into the suggestions, in text order. */
  ids: number[];
}
export interface SuggestionCategoryGroup {
  category: CategoryCode;
  indicators: IndicatorGroup[];
}

export interface SuggestionGroups {
  /** This year's figures the extractor is sure of: pre-filled. */
  achievements: SuggestionCategoryGroup[];
  /** This year's figures it is less sure of (「可能相关」): shown unticked. */
  possible: SuggestionCategoryGroup[];
  /** Planned figures, whatever their tier: never pre-filled. */
  plans: SuggestionCategoryGroup[];
}

type GroupKind = keyof SuggestionGroups;

function groupKind(s: Suggestion): GroupKind {
  if (s.isPlan) return 'plans';
  return s.tier === 'confident' ? 'achievements' : 'possible';
}

/**
 * Suggestions grouped by category and indicator in catalogue order: confident
 * achievements, possible ones and plans apart. Suggestions for an indicator not
 * in the catalogue are left out.
 */
export function groupSuggestions(suggestions: readonly Suggestion[], catalogue: readonly Indicator[]): SuggestionGroups {
  const build = (kind: GroupKind): SuggestionCategoryGroup[] => {
    const byCode = new Map<string, number[]>();
    suggestions.forEach((s, i) => {
      if (groupKind(s) !== kind) return;
      const ids = byCode.get(s.indicatorCode) ?? [];
      ids.push(i);
      byCode.set(s.indicatorCode, ids);
    });
    return categoryCodes.flatMap((category) => {
      const indicators = catalogue.filter((ind) => ind.category === category && byCode.has(ind.code)).map((indicator) => ({ indicator, ids: byCode.get(indicator.code)! }));
      return indicators.length ? [{ category, indicators }] : [];
    });
  };
  return { achievements: build('achievements'), possible: build('possible'), plans: build('plans') };
}

export interface Collected {
  /** What goes into the draft: the accepted values, added up per indicator. */
  values: IndicatorValues;
  /** Suggestions accepted with a value that is not a number. */
  invalid: number[];
  /** Indicators whose draft value will change although it was filled in. */
  overwrites: string[];
}

/** The values to apply. Several accepted figures for one indicator are its parts and are added up. */
export function collectValues(suggestions: readonly Suggestion[], items: readonly ItemState[], currentValues: IndicatorValues): Collected {
  const parts = new Map<string, number[]>();
  const invalid: number[] = [];
  suggestions.forEach((s, i) => {
    const item = items[i];
    if (!item?.accepted || item.rejected) return;
    const value = parseValueInput(item.input);
    if (value === null) {
      invalid.push(i);
      return;
    }
    parts.set(s.indicatorCode, [...(parts.get(s.indicatorCode) ?? []), value]);
  });
  const values: IndicatorValues = {};
  const overwrites: string[] = [];
  for (const [code, list] of parts) {
    const value = sumParts(list);
    values[code] = value;
    if (hasConflict(currentValues[code], value)) overwrites.push(code);
  }
  return { values, invalid, overwrites };
}

/** The pasted text as the report's narrative, split by the extractor's sections (all of it under 成绩 when it has no headings). */
export function narrativeFromSections(text: string, sections: Narrative): Narrative {
  const narrative = { achievements: sections.achievements.trim(), shortcomings: sections.shortcomings.trim(), plans: sections.plans.trim() };
  if (!narrative.achievements && !narrative.shortcomings && !narrative.plans) narrative.achievements = text.trim();
  return narrative;
}

/** The draft already has narrative text that keeping the source would replace. */
export function narrativeHasText(narrative: Partial<Narrative> | null | undefined): boolean {
  return Boolean(narrative && [narrative.achievements, narrative.shortcomings, narrative.plans].some((t) => t && t.trim().length > 0));
}

/** A suggestion's sentence as a value's source: the figure's place in it, a long sentence cut to a window around the figure. */
export function excerptOf(s: Suggestion): SourceExcerpt {
  const { sentence, start, figure } = s.evidence;
  let from = Math.max(0, Math.min(sentence.length, figure.start - start));
  let to = Math.max(from, Math.min(sentence.length, figure.end - start));
  if (sentence.length <= MAX_SOURCE_SENTENCE) return { sentence, figureStart: from, figureEnd: to };
  const cut = Math.max(0, Math.min(sentence.length - MAX_SOURCE_SENTENCE, from - Math.floor((MAX_SOURCE_SENTENCE - (to - from)) / 2)));
  from -= cut;
  to = Math.min(to - cut, MAX_SOURCE_SENTENCE);
  return { sentence: sentence.slice(cut, cut + MAX_SOURCE_SENTENCE), figureStart: from, figureEnd: to };
}

/**
 * Where each applied value came from: the sentences of its accepted figures.
 * A figure the chair retyped in the review is no longer the sentence's, so its
 * indicator gets no source.
 */
export function collectSources(suggestions: readonly Suggestion[], items: readonly ItemState[], values: IndicatorValues, document: string): Record<string, ValueSourceInput> {
  const excerpts = new Map<string, SourceExcerpt[]>();
  const retyped = new Set<string>();
  suggestions.forEach((s, i) => {
    const item = items[i];
    if (!item?.accepted || item.rejected) return;
    if (parseValueInput(item.input) !== s.value) retyped.add(s.indicatorCode);
    excerpts.set(s.indicatorCode, [...(excerpts.get(s.indicatorCode) ?? []), excerptOf(s)]);
  });
  const sources: Record<string, ValueSourceInput> = {};
  for (const [code, list] of excerpts) {
    const value = values[code];
    if (value == null || retyped.has(code)) continue;
    sources[code] = { value, document: document.slice(0, 200), excerpts: list.slice(0, MAX_SOURCE_EXCERPTS) };
  }
  return sources;
}

/**
 * Four-digit years (2000–2099) the summary names, most mentioned first, e.g.
 * "2012年" or "二〇一二年" — to warn when a summary of another year is pasted.
 */
export function yearsInText(text: string): number[] {
  const digits: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
  const counts = new Map<number, number>();
  const add = (y: number) => counts.set(y, (counts.get(y) ?? 0) + 1);
  for (const m of text.matchAll(/(?<![0-9])(20[0-9]{2})(?=\s*(?:年|学年|年度|[-—–~至到]\s*20[0-9]{2}))/g)) add(Number(m[1]));
  for (const m of text.matchAll(/二[〇零]([〇零一二三四五六七八九])([〇零一二三四五六七八九])\s*年/g)) add(Number(`20${digits[m[1]!]}${digits[m[2]!]}`));
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]).map(([y]) => y);
}

/**
 * The summary seems to be of another year: it names years but never the
 * reporting year (a 2012 总结 pasted into 2026). Returns the year it names
 * most, or null.
 */
export function otherYearOf(text: string, year: number): number | null {
  const years = yearsInText(text);
  if (years.length === 0) return null;
  if (years.includes(year)) return null;
  return years[0]!;
}
