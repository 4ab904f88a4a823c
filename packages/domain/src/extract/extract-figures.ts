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
import { indicatorCues, type IndicatorCue } from './indicator-cues';
import { normaliseText, toOriginalSpan } from './normalise-text';
import { sectionAt, sectionSpans, sectionsOfOriginal } from './sections';
import { splitSentences, type Sentence, type Span } from './segment';
import type { ExtractionResult, Suggestion } from './suggestion';

import { partsOfTotals } from './figure-groups';
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
const HEAD_VERB = /进行|给予|予以|送去|送上|送出/;
/** A clause that only sets the time of the next one: 春节期间， 教师节前夕， 三八节当天， 元旦前后。 */
const TIME_FRAME = /^[^，。；\d]{1,12}(?:期间|前夕|之际|前后|当天|当日|来临时|来临之际|节前)[，,]$/;
const MONEY_WORD = /金额|资金|经费|支出|费用|款|慰问金|发放|投入|投资|使用|用于|花费|共计|合计|共需|需要/;

interface Candidate {
  code: string;
  score: number;
  meanWeight: number;
  contextOnly: boolean;
  exactUnit: boolean;
  /** Offsets in the normalised text where a cue matched inside the words after the figure. */
  headMatches: number[];
}

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

/** Figures of each clause, keyed by sentence and clause, built once (looking them up per figure keeps the work linear). */
type FiguresByClause = ReadonlyMap<string, readonly Figure[]>;
const clauseKey = (sentenceIndex: number, clauseIndex: number) => `${sentenceIndex}:${clauseIndex}`;

function figuresByClause(figures: readonly Figure[]): FiguresByClause {
  const map = new Map<string, Figure[]>();
  for (const figure of figures) {
    const key = clauseKey(figure.sentenceIndex, figure.clauseIndex);
    const list = map.get(key);
    if (list) list.push(figure);
    else map.set(key, [figure]);
  }
  return map;
}

/** Below this a suggestion is not shown at all. */
export const MIN_CONFIDENCE = 0.5;
/**
 * From this confidence on a suggestion is 'confident' (pre-filled, ticked);
 * below it is 'possible' (shown unticked under 「可能相关」). Calibrated on the
 * development corpora: see the extract README section in packages/bench.
 */
export const CONFIDENT_THRESHOLD = 0.75;

function includesAny(text: string, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const word of words) if (text.includes(word) && (best === null || word.length > best.length)) best = word;
  return best;
}

/** Regions around a figure where cue words are looked for, closest first, with their weight. */
interface Region extends Span {
  weight: number;
  local: boolean;
  inClause: boolean;
}

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

    const regions = regionsFor(figure, byClause, sentences, text);
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
      const sentenceSpan = toOriginalSpan(normalised, sentence.start, sentence.end);
      const figureSpan = toOriginalSpan(normalised, figure.numeral.start, figure.end);
      suggestions.push({
        indicatorCode: indicator.code,
        value: valueInUnit(figure, indicator),
        unit: indicator.unit,
        approx: figure.approx,
        isPlan: plan,
        evidence: { ...sentenceSpan, sentence: original.slice(sentenceSpan.start, sentenceSpan.end), figure: figureSpan },
        confidence,
        tier: confidence >= CONFIDENT_THRESHOLD ? 'confident' : 'possible',
        sentenceIndex: figure.sentenceIndex,
        numeralStart: figure.numeral.start,
        money: figure.family === 'money',
        backReference: backReference(text, scope),
      });
      const draft = suggestions.at(-1)!;
      if (candidate.code === 'proposals_collected' && byIndicator.has('proposals_resolved') && allResolved(text, figure.end, sentence.end)) {
        suggestions.push({ ...draft, indicatorCode: 'proposals_resolved', unit: byIndicator.get('proposals_resolved')!.unit });
      }
    }
  }

  return {
    suggestions: mentionedOnce(yearTotalsOverParts(text, dropSubsets(text, suggestions))).map(({ sentenceIndex: _s, numeralStart: _n, money: _m, backReference: _b, ...suggestion }) => suggestion),
    sections: sectionsOfOriginal(normalised, spans),
  };
}

/**
 * A total that opens its sentence (…；合计约5.4万元) closes a list cut by ；: its scope for
 * budget words reaches back over the list's sentences in the paragraph.
 */
function listScope(text: string, sentences: readonly Sentence[], figure: Figure, scope: FigureScope): FigureScope {
  const sentence = sentences[figure.sentenceIndex]!;
  if (!/^(?:合计|共计|总计|累计|以上合计|总共)/.test(text.slice(sentence.start, figure.numeral.start))) return scope;
  let start = sentence.start;
  for (let s = figure.sentenceIndex - 1; s >= 0 && figure.sentenceIndex - s <= 4; s -= 1) {
    const other = sentences[s]!;
    if (other.paragraph !== sentence.paragraph || !/[；;]$/.test(text.slice(other.start, other.end))) break;
    start = other.start;
  }
  return { ...scope, sentence: { start, end: sentence.end } };
}

/**
 * 一次亲子登山、一次包饺子比赛: single events listed one by one are items of a
 * list, not the count of anything (the count, if any, is written elsewhere).
 */
function enumeratedOnes(byClause: FiguresByClause, figure: Figure): boolean {
  const clause = byClause.get(clauseKey(figure.sentenceIndex, figure.clauseIndex)) ?? [];
  return figure.family === 'times' && clause.filter((f) => f.value === 1 && f.numeral.raw === '一' && f.family === 'times').length >= 2;
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

/** Where to look for cue words, closest first. Context owned by another figure of the same kind counts less. */
function regionsFor(figure: Figure, byClause: FiguresByClause, sentences: readonly Sentence[], text: string): Region[] {
  const sentence = sentences[figure.sentenceIndex]!;
  const clause = sentence.clauses[figure.clauseIndex]!;
  const inSameClause = byClause.get(clauseKey(figure.sentenceIndex, figure.clauseIndex)) ?? [];
  const index = inSameClause.indexOf(figure);
  const previous = inSameClause[index - 1];
  const next = inSameClause[index + 1];
  // A table row names every number in it: the label cell comes first. A leading time frame
  // (春节期间，…走访慰问教职工87人次) belongs to the clause it opens.
  const frame = figure.clauseIndex > 0 ? sentence.clauses[figure.clauseIndex - 1]! : null;
  const framed = frame !== null && TIME_FRAME.test(text.slice(frame.start, frame.end));
  const localStart = previous && !figure.table ? previous.end : framed ? frame.start : clause.start;
  // In a list (一等奖8人、二等奖7人) the words after 、 name the next item, not this one.
  const itemEnd = next ? next.numeral.start : clause.end;
  const listBreak = text.slice(figure.end, itemEnd).indexOf('、');
  const localEnd = listBreak >= 0 ? figure.end + listBreak : itemEnd;
  const owned = (sentenceIndex: number, clauseIndex: number) =>
    (byClause.get(clauseKey(sentenceIndex, clauseIndex)) ?? []).some((f) => f !== figure && f.family === figure.family);

  const regions: Region[] = [{ start: localStart, end: localEnd, weight: 1, local: true, inClause: true }];
  const header = figure.table?.header;
  if (header) regions.push({ ...header, weight: 0.9, local: false, inClause: true });
  if (localStart > clause.start) regions.push({ start: clause.start, end: localStart, weight: 0.7, local: false, inClause: true });
  if (localEnd < clause.end) regions.push({ start: localEnd, end: clause.end, weight: 0.7, local: false, inClause: true });
  // 工会组织教职工疗休养，共分四批，…，参加教职工共198人次: participants with no activity
  // named in their clause take part in the activity the sentence opens with.
  const joins = /参加|参与/.test(text.slice(clause.start, figure.numeral.start));
  for (let c = figure.clauseIndex - 1, distance = 1; c >= 0; c -= 1, distance += 1) {
    const other = sentence.clauses[c]!;
    const base = joins && c === 0 ? 0.75 : Math.max(0.4, 0.75 - 0.1 * (distance - 1));
    const weight = base * (owned(figure.sentenceIndex, c) ? 0.4 : 1);
    regions.push({ ...other, weight, local: false, inClause: false });
  }
  // An object fronted with 对 (对上次大会的17件提案，学校已全部落实) is governed by the verb of the next clause.
  const fronted = /^对(?:于)?/.test(text.slice(clause.start, clause.start + 2));
  for (let c = figure.clauseIndex + 1; c < sentence.clauses.length; c += 1) {
    const other = sentence.clauses[c]!;
    const weight = fronted && c === figure.clauseIndex + 1 ? 0.7 : owned(figure.sentenceIndex, c) ? 0.15 : 0.35;
    regions.push({ ...other, weight, local: false, inClause: false });
  }
  // Earlier sentences of the same paragraph, and the heading above it. A total that opens its
  // sentence (…；合计约5.4万元) sums the items of the list before it, cut by ；: their words name it.
  const sumsList = /^(?:合计|共计|总计|累计|以上合计|总共)/.test(text.slice(sentence.start, figure.numeral.start));
  for (let s = figure.sentenceIndex - 1, distance = 1; s >= 0 && distance <= 4; s -= 1, distance += 1) {
    const other = sentences[s]!;
    if (other.paragraph !== sentence.paragraph) {
      if (other.heading && other.paragraph === sentence.paragraph - 1) regions.push({ start: other.start, end: other.end, weight: 0.3, local: false, inClause: false });
      break;
    }
    const listItem = sumsList && /[；;]$/.test(text.slice(other.start, other.end));
    regions.push({ start: other.start, end: other.end, weight: listItem ? 0.7 : distance === 1 ? 0.35 : 0.28, local: false, inClause: false });
  }
  return regions;
}

function scoreCandidate(text: string, figure: Figure, indicator: Indicator, cue: IndicatorCue, regions: readonly Region[], clause: Span, sentenceStart: number): Candidate | null {
  const classifier = figure.classifier;
  if (!cue.classifiers.includes(classifier) && classifier !== indicator.unit) return null;
  if ((indicator.valueType === 'money') !== (figure.family === 'money')) return null;
  if ((indicator.valueType === 'percent') !== (figure.family === 'percent')) return null;
  if (indicator.valueType === 'integer' && !Number.isInteger(figure.value)) return null;
  if (indicator.max !== undefined && figure.value > indicator.max) return null;

  const local = regions[0]!;
  const localText = text.slice(local.start, local.end);
  // The counted noun right after the measure word (…等3项岗位练兵活动, 3次文体活动) names
  // the indicator more surely than any word around it, and overrides its exclusions.
  // A verb after the figure ends the counted noun: 对困难教职工4人进行了慰问 — 慰问 there is
  // what was done to them, not what is counted.
  const rawHead = text.slice(figure.end, Math.min(local.end, figure.end + 16));
  const verbAt = rawHead.search(HEAD_VERB);
  const head = verbAt >= 0 ? rawHead.slice(0, verbAt) : rawHead;
  const headNames = cue.all.some((group) => includesAny(head.slice(0, 8), group) !== null);
  if (cue.not && includesAny(headNames ? head.slice(0, 8) : localText, cue.not)) return null;
  // The clause just before often names the activity ("坚持开展帮困送温暖活动，全年共慰问219人次").
  const previousClause = regions.find((r) => !r.inClause && r.end <= local.start && r.weight >= 0.7);

  // What is counted must be named next to a generic classifier.
  const headStart = figure.end;
  if (cue.nouns && !['人', '人次', '名', '位', '元', '%', '分', '户'].includes(classifier)) {
    const before = text.slice(Math.max(local.start, figure.numeral.start - 10), figure.numeral.start);
    // 两个效果: a count noun written after 个/项/件 … is what is counted; 活动3次 names it before.
    const nounFollows = (figure.family === 'things' || figure.family === 'items') && /^[\u3400-\u9fff“"《]/.test(head);
    // 组织女教工健步走1次, 组织退休教师春游一次: an organising verb makes the count one of events.
    const organised = figure.family === 'times' && /组织|开展|举办|举行/.test(text.slice(local.start, figure.numeral.start));
    // 篮球赛、广场舞比赛、趣味运动会，一共3场: a bare total counts the list of the clause before.
    const bareTotal = /(?:一共|共计|总共|合计|共)$/.test(text.slice(local.start, figure.numeral.start)) && !/^[\u3400-\u9fff]/.test(head);
    const listBefore = bareTotal ? regions.find((r) => !r.inClause && r.end <= local.start && r.weight >= 0.7) : undefined;
    const named =
      cue.nouns.includes(classifier) || includesAny(head.slice(0, 6), cue.nouns) || (!nounFollows && includesAny(before, cue.nouns)) || organised || (listBefore !== undefined && includesAny(text.slice(listBefore.start, listBefore.end), cue.nouns) !== null);
    if (!named) return null;
  }

  const weights: number[] = [];
  const previousClauseText = previousClause ? text.slice(previousClause.start, previousClause.end) : '';
  const headMatches: number[] = [];
  let matchedLength = 0;
  for (const group of cue.all) {
    let weight = 0;
    for (const region of regions) {
      if (region.weight <= weight) continue;
      const word = includesAny(text.slice(region.start, region.end), group);
      if (word) {
        weight = region.weight;
        matchedLength += word.length;
        if (region.local) {
          const at = head.indexOf(word);
          if (at >= 0) headMatches.push(headStart + at);
        }
      }
    }
    weights.push(weight);
  }
  // When the reading leans on the clause before, that clause must not rule it out
  // ("坚持开展帮困送温暖活动，全年共慰问219人次" is hardship aid, not a holiday visit).
  if (cue.not && weights.some((w) => w < 0.7) && includesAny(previousClauseText, cue.not)) return null;
  // An amount whose reading borrows a cue from outside its own words must not be
  // contradicted earlier in its sentence (…患病困难教职工等，发放慰问金共计…元).
  if (figure.family === 'money' && cue.not && !headNames && weights.some((w) => w < 1) && includesAny(text.slice(Math.max(sentenceStart, figure.numeral.start - 300), figure.numeral.start), cue.not)) return null;
  // A headcount names whom it counts in its own words (现有教职工86人); borrowed from an
  // activity clause before (组织女教职工踏青，共有32人) it counts the participants.
  if (cue.stock && weights[0]! < 1) return null;
  const minWeight = Math.min(...weights);
  const maxWeight = Math.max(...weights);
  const meanWeight = weights.reduce((a, b) => a + b, 0) / weights.length;
  const clauseText = text.slice(clause.start, clause.end);
  const moneyClause = figure.family === 'money' && MONEY_WORD.test(clauseText);
  if (minWeight < 0.25) return null;
  const contextOnly = maxWeight < 0.7;
  if (contextOnly && !moneyClause) return null;
  if (meanWeight < 0.45) return null;

  const exactUnit = classifier === indicator.unit || (indicator.unit === '个' && cue.classifiers[0] === classifier);
  // Closeness counts more than the number of cue groups; a second group adds a little.
  let score = meanWeight * (1 + 0.25 * Math.max(0, weights.filter((w) => w >= 0.7).length - 1)) + (exactUnit ? 0.3 : cue.classifiers.includes(classifier) ? 0.15 : 0);
  // A reading complete within the figure's own words beats one that borrows from other clauses.
  if (weights.every((w) => w >= 1)) score += 0.3;
  if (headNames) score += 0.3;
  if (cue.any && includesAny(clauseText, cue.any)) score += 0.15;
  score += Math.min(0.2, 0.02 * matchedLength);
  return { code: indicator.code, score, meanWeight, contextOnly, exactUnit, headMatches };
}

/**
 * One figure, two indicators: "三次全校教职工大会及教职工代表大会" names two
 * kinds of meeting joined by 及/和/暨; both get the figure.
 */
function jointReadings(text: string, best: Candidate, others: readonly Candidate[], figure: Figure): Candidate[] {
  if (best.headMatches.length === 0) return [];
  const joint: Candidate[] = [];
  for (const other of others) {
    if (other.headMatches.length === 0 || other.score < best.score - 0.6) continue;
    const a = Math.min(...best.headMatches);
    const b = Math.min(...other.headMatches);
    if (a === b) continue;
    const between = text.slice(Math.min(a, b), Math.max(a, b));
    if (/及|和|与|暨|、/.test(between) && between.length <= 14 && text.slice(figure.end, Math.max(a, b)).length < 16) joint.push(other);
  }
  return joint;
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
