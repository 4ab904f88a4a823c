// Reads a 工会工作总结 and suggests indicator values, each with the sentence
// it comes from. Rules are built from how union reports write figures:
//   verb/what + number + unit (+ what):  慰问生病教职工16人次, 组织11个团队
// A figure is a numeral followed by a unit/classifier; the indicator is chosen
// from the cue words around it (indicator-cues.ts), with the unit as a hard
// constraint (人次 vs 人, money in 元). Figures that are not indicator values
// (dates, years, ordinals, list numbers, frequencies, per-capita amounts,
// ratios, placeholders, negated or other organisations' figures) are dropped
// (find-figures.ts); scope rules (scope-rules.ts, figure-groups.ts) then decide
// plan vs done, sub-counts, populations, parts and repeats. Each suggestion gets
// a confidence and a tier: 'confident' (pre-filled) or 'possible' (「可能相关」).
import type { Indicator } from '../catalogue/indicator';
import { indicatorCues } from './indicator-cues';
import { jointReadings, regionsFor, scoreCandidate, type Candidate } from './score-readings';
import { normaliseText, toOriginalSpan } from './normalise-text';
import { sectionAt, sectionSpans, sectionsOfOriginal } from './sections';
import { splitSentences, type Sentence } from './segment';
import type { ExtractionResult, Suggestion } from './suggestion';

import { partsOfTotals } from './figure-groups';
import { columnReading, enumeratedOnes, figuresByClause, listScope } from './figure-neighbours';
import { allResolved, yearTotalsOverParts } from './restated-figures';
import { findFigures, type Figure } from './find-figures';
import type { Family } from './measure-words';
import {
  activityCost,
  backReference,
  budgetStatement,
  countsNonStaff,
  governedByEventVerb,
  inPostStaff,
  honourGivenByOwnUnit,
  isBranchUnionText,
  isCalendarPlan,
  isPlanDocument,
  headcountStatedAsFact,
  markedAsTotal,
  perCapita,
  filedProposals,
  plannedByTense,
  previousPeriod,
  quotesParentBody,
  remainder,
  servesRetirees,
  subCountMarker,
  SUB_POPULATION_INDICATORS,
  type FigureScope,
} from './scope-rules';

// Not done: negated, or still pending (理赔申请仍在审核中).
const NEGATION = /尚未|没有|未能|仍未|还未|并未|不曾|未曾|未予|没能|仍在(?:审核|办理|处理)|正在(?:审核|办理)|待(?:审核|办理|理赔)/;
const OTHER_ORGANISATION = /(?:全县|全省|全国|全区|全市|各县|各地)[^，。；]{0,12}(?:共|有|累计|总计|达到|达)|兄弟学校|其他学校|各校|参赛的|参赛队伍/;
const OWN_ORGANISATION = /我校|本校|校工会|园工会|我园|我们|学校工会|工会组织/;
/** Cumulative history, not the reporting year: 建校以来, 历年, 累计. */
const CUMULATIVE = /建校以来|建园以来|成立以来|多年来|历年|近年来|近几年/;


export interface ExtractOptions {
  /** Suggestions below this confidence are dropped. Default MIN_CONFIDENCE. */
  minConfidence?: number;
  /** Counts the extractor's work, so tests can check it grows linearly with the text. */
  meter?: ExtractionMeter;
}

/** Work done: context regions built, and characters of them searched for cues. */
export interface ExtractionMeter {
  regions: number;
  charsSearched: number;
}

/** Below this a suggestion is not shown at all. */
export const MIN_CONFIDENCE = 0.5;
/**
 * From this confidence on a suggestion is 'confident' (pre-filled, ticked);
 * below it is 'possible' (shown unticked under 「可能相关」). Calibrated on the
 * development corpora: see the extract README section in packages/bench.
 */
export const CONFIDENT_THRESHOLD = 0.75;



export function extractSuggestions(original: string, catalogue: readonly Indicator[], options: ExtractOptions = {}): ExtractionResult {
  const minConfidence = options.minConfidence ?? MIN_CONFIDENCE;
  const normalised = normaliseText(original);
  const text = normalised.text;
  const sentences = splitSentences(text);
  const spans = sectionSpans(text, sentences);
  const figures = findFigures(text, sentences);
  const byIndicator = new Map(catalogue.map((indicator) => [indicator.code, indicator]));
  const branchUnion = isBranchUnionText(text);
  const calendarPlan = isCalendarPlan(text) || isPlanDocument(text);
  const byClause = figuresByClause(figures);

  const scopes = figures.map((figure) => scopeOf(figure, sentences));
  // A per-capita amount (每位200元) is no reading of its own, so it owns no words: the total
  // after it (…的慰问品，共计发放4.1万元) is named by them.
  const owners = figuresByClause(figures.filter((_, index) => !perCapita(text, scopes[index]!)));
  const parts = partsOfTotals(
    figures.map((figure, index) => ({
      value: figure.value,
      money: figure.family === 'money',
      sentenceIndex: figure.sentenceIndex,
      markedTotal: markedAsTotal(text, scopes[index]!),
      remainder: remainder(text, scopes[index]!),
      balance: figure.family === 'money' && /结余|结存|余额|节余/.test(text.slice(scopes[index]!.clause.start, figure.numeral.start)),
    })),
  );
  // First figure of each unit family in the current sentence and the indicator it was read as:
  // a 其中 after it opens a sub-count, which is not a second value of that indicator.
  const firstOfFamily = new Map<Family, { start: number; code: string | null }>();
  // The indicator each figure was suggested for (its first reading).
  const codeOf: (string | undefined)[] = [];
  let familySentence = -1;
  // The sentence's first figure: a headcount under 其中/含 is one only below another headcount
  // (教职工86人，其中女教职工50人), not below a quota or an activity (名额20个（含退休教师3名）).
  let sentenceLead: { start: number; code: string | null } = { start: -1, code: null };

  const suggestions: Draft[] = [];
  const draftOf = (figure: Figure, indicator: Indicator, isPlan: boolean, confidence: number, backRef: boolean): Draft => {
    const sentence = sentences[figure.sentenceIndex]!;
    const sentenceSpan = toOriginalSpan(normalised, sentence.start, sentence.end);
    const figureSpan = toOriginalSpan(normalised, figure.numeral.start, figure.end);
    return {
      indicatorCode: indicator.code,
      value: valueInUnit(figure, indicator),
      unit: indicator.unit,
      approx: figure.approx,
      isPlan,
      evidence: { ...sentenceSpan, sentence: original.slice(sentenceSpan.start, sentenceSpan.end), figure: figureSpan },
      confidence,
      tier: confidence >= CONFIDENT_THRESHOLD ? 'confident' : 'possible',
      sentenceIndex: figure.sentenceIndex,
      numeralStart: figure.numeral.start,
      money: figure.family === 'money',
      backReference: backRef,
    };
  };
  // `numeralStart|code` of table rows replaced by their column's 合计 row.
  const dropped = new Set<string>();
  for (const [index, figure] of figures.entries()) {
    const sentence = sentences[figure.sentenceIndex]!;
    const clause = sentence.clauses[figure.clauseIndex]!;
    const scope = scopes[index]!;
    if (familySentence !== figure.sentenceIndex) {
      firstOfFamily.clear();
      familySentence = figure.sentenceIndex;
      sentenceLead = { start: figure.numeral.start, code: null };
    }
    const firstSameFamily = firstOfFamily.get(figure.family);
    const first = firstSameFamily ?? { start: figure.numeral.start, code: null };
    if (firstSameFamily === undefined) firstOfFamily.set(figure.family, first);

    const clauseText = text.slice(clause.start, clause.end);
    if (NEGATION.test(clauseText)) continue;
    if (OTHER_ORGANISATION.test(clauseText) && !OWN_ORGANISATION.test(clauseText)) continue;
    if (perCapita(text, scope) || remainder(text, scope) || filedProposals(text, scope)) continue;
    // A part of a total is not a second value of the total's indicator; parts before a
    // total (一等奖8人、二等奖7人，共15人) or of a total read as nothing are dropped.
    const totalIndex = parts.get(index);
    const partOf = totalIndex === undefined ? undefined : totalIndex > index ? null : (codeOf[totalIndex] ?? null);
    if (partOf === null) continue;
    if (CUMULATIVE.test(text.slice(sentence.start, figure.numeral.start))) continue;
    if (previousPeriod(text, scope)) continue;
    if (countsNonStaff(text, scope)) continue;
    if (branchUnion && quotesParentBody(text, scope)) continue;
    const marker = subCountMarker(text, scope, sentence.clauses[figure.clauseIndex - 1]);
    const totalCode = marker >= 0 && firstSameFamily !== undefined && firstSameFamily.start < marker ? firstSameFamily.code : null;
    const underOtherTotal = marker >= 0 && sentenceLead.start < marker && !(sentenceLead.code && indicatorCues[sentenceLead.code]?.stock);

    const regions = regionsFor(figure, byClause, sentences, text, owners);
    if (options.meter) {
      options.meter.regions += regions.length;
      for (const region of regions) options.meter.charsSearched += region.end - region.start;
    }
    const retirees = servesRetirees(text, scope);
    const candidates: Candidate[] = [];
    for (const indicator of catalogue) {
      const cue = indicatorCues[indicator.code];
      if (!cue) continue;
      if ((totalCode === indicator.code && !SUB_POPULATION_INDICATORS.has(indicator.code)) || partOf === indicator.code) continue;
      if (cue.stock && (underOtherTotal || governedByEventVerb(text, regions[0]!.start, scope))) continue;
      if (cue.honour && honourGivenByOwnUnit(text, scope)) continue;
      // An indicator about staff in post (its exclusions name 退休) does not count retirees.
      if (retirees && cue.not?.includes('退休')) continue;
      if (cue.retirees && inPostStaff(text, scope)) continue;
      if (cue.yearTotal && activityCost(text, scope)) continue;
      const candidate = scoreCandidate(text, figure, indicator, cue, regions, clause, sentence.start);
      if (candidate) candidates.push(candidate);
    }
    // | 合计 | 3 | totals the column: it is what the rows above it were read as, and replaces them.
    const columnTotal = figure.table?.totalRow ? columnReading(figures, codeOf, index) : null;
    if (columnTotal) {
      const indicator = byIndicator.get(columnTotal.code);
      if (!indicator) continue;
      for (const part of columnTotal.rows) dropped.add(`${part}|${columnTotal.code}`);
      codeOf[index] = columnTotal.code;
      const isPlan = calendarPlan || sectionAt(spans, figure.numeral.start) === 'plans';
      suggestions.push(draftOf(figure, indicator, isPlan, 0.8, false));
      continue;
    }
    if (candidates.length === 0) continue;
    candidates.sort((a, b) => b.score - a.score);
    const best = candidates[0]!;
    const chosen = [best, ...jointReadings(text, best, candidates.slice(1), figure)];
    // Joint readings in the order the text names them.
    if (chosen.length > 1) chosen.sort((a, b) => Math.min(...a.headMatches) - Math.min(...b.headMatches));
    const second = candidates.find((c) => !chosen.includes(c));
    const section = sectionAt(spans, figure.numeral.start);
    const isPlan = calendarPlan || section === 'plans' || plannedByTense(text, scope) || (figure.family === 'money' && budgetStatement(text, listScope(text, sentences, figure, scope)));

    for (const candidate of chosen) {
      const indicator = byIndicator.get(candidate.code)!;
      const plan = isPlan && !(indicatorCues[candidate.code]?.stock && headcountStatedAsFact(text, scope));
      let confidence = 0.3 + 0.5 * candidate.meanWeight + (candidate.exactUnit ? 0.2 : 0.1);
      if (second && second.score > candidate.score - 0.3) confidence *= 0.85;
      if (candidate.contextOnly) confidence *= 0.85;
      if (section === 'shortcomings') confidence *= 0.75;
      if (figure.value === 1 && /^[一]$/.test(figure.numeral.raw)) confidence *= enumeratedOnes(byClause, figure) ? 0.7 : 0.9;
      // 老教师/老同志 alone may be long-serving staff in post: a retiree reading needs 退休 to be sure.
      if (indicatorCues[candidate.code]?.retirees && !/退休|退管|离休/.test(text.slice(sentence.start, figure.end + 8))) confidence *= 0.8;
      confidence = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
      if (confidence < minConfidence) continue;
      if (first.start === figure.numeral.start) first.code ??= candidate.code;
      codeOf[index] ??= candidate.code;
      if (sentenceLead.start === figure.numeral.start) sentenceLead.code ??= candidate.code;
      const draft = draftOf(figure, indicator, plan, confidence, backReference(text, scope));
      suggestions.push(draft);
      if (candidate.code === 'proposals_collected' && byIndicator.has('proposals_resolved') && allResolved(text, figure.end, sentence.end)) {
        suggestions.push({ ...draft, indicatorCode: 'proposals_resolved', unit: byIndicator.get('proposals_resolved')!.unit });
      }
    }
  }

  return {
    suggestions: mentionedOnce(yearTotalsOverParts(text, dropSubsets(text, suggestions.filter((s) => !dropped.has(`${s.numeralStart}|${s.indicatorCode}`))))).map(({ sentenceIndex: _s, numeralStart: _n, money: _m, backReference: _b, ...suggestion }) => suggestion),
    sections: sectionsOfOriginal(normalised, spans),
  };
}

type Draft = Suggestion & { sentenceIndex: number; numeralStart: number; money: boolean; backReference: boolean };

function scopeOf(figure: Figure, sentences: readonly Sentence[]): FigureScope {
  const sentence = sentences[figure.sentenceIndex]!;
  return { numeralStart: figure.numeral.start, figureEnd: figure.end, clause: sentence.clauses[figure.clauseIndex]!, sentence };
}

/**
 * The same figure mentioned twice is counted once: a later equal amount of
 * money for the same indicator, or a later count that refers back (均/以上).
 */
function mentionedOnce(suggestions: readonly Draft[]): Draft[] {
  const seen = new Set<string>();
  return suggestions.filter((s) => {
    const key = `${s.indicatorCode}|${s.value}|${s.isPlan}`;
    const repeated = seen.has(key) && (s.money || s.backReference);
    seen.add(key);
    return !repeated;
  });
}

function valueInUnit(figure: Figure, indicator: Indicator): number {
  // Money is already in 元 (万/千 are part of the numeral); counts and percentages as written.
  return indicator.valueType === 'integer' ? Math.round(figure.value) : figure.value;
}


/** "其中一篇…": a part of a figure already suggested for the same indicator in the sentence is not a new value. */
function dropSubsets<T extends Suggestion & { sentenceIndex: number; numeralStart: number }>(text: string, suggestions: readonly T[]): T[] {
  // (sentence, indicator) pairs suggested so far, so each look-back is one set lookup.
  const earlier = new Set<string>();
  return suggestions.filter((suggestion) => {
    const key = `${suggestion.sentenceIndex}|${suggestion.indicatorCode}`;
    const seenBefore = earlier.has(key);
    earlier.add(key);
    const before = text.slice(Math.max(0, suggestion.numeralStart - 4), suggestion.numeralStart);
    return !/其中|内含|包括/.test(before) || !seenBefore;
  });
}
