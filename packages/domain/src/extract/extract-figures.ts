// Reads a 工会工作总结 and suggests indicator values, each with the sentence
// it comes from. Rules are built from how union reports write figures:
//   verb/what + number + unit (+ what):  慰问生病教职工16人次, 组织11个团队
// A figure is a numeral followed by a unit/classifier; the indicator is chosen
// from the cue words around it (indicator-cues.ts), with the unit as a hard
// constraint (人次 vs 人, money in 元). Figures that are not indicator values
// (dates, years, ordinals, list numbers, frequencies, per-capita amounts,
// ratios, placeholders, negated or other organisations' figures) are dropped.
import type { Indicator } from '../catalogue/indicator';
import { findNumerals, type NumeralMatch } from './chinese-number';
import { CueSearch, FiguresByClause, regionsFor, type ExtractionMeter, type Family, type Figure, type Region } from './figure-regions';
import { indicatorCues, type IndicatorCue } from './indicator-cues';
import { normaliseText, toOriginalSpan } from './normalise-text';
import { sectionAt, sectionSpans, sectionsOfOriginal } from './sections';
import { splitSentences, type Sentence, type Span } from './segment';
import type { ExtractionResult, Suggestion } from './suggestion';

/** Classifiers a figure can carry, longest first, with the family used for context ownership. */
const CLASSIFIERS: readonly [string, Family][] = [
  ['人次', 'persons'],
  ['元', 'money'],
  ['人', 'persons'],
  ['名', 'persons'],
  ['位', 'persons'],
  ['户', 'persons'],
  ['次', 'times'],
  ['场', 'times'],
  ['回', 'times'],
  ['轮', 'times'],
  ['期', 'times'],
  ['份', 'items'],
  ['件', 'items'],
  ['篇', 'items'],
  ['条', 'items'],
  ['项', 'items'],
  ['部', 'items'],
  ['则', 'items'],
  ['个', 'things'],
  ['支', 'things'],
  ['队', 'things'],
  ['批', 'things'],
  ['团', 'things'],
  ['对', 'things'],
  ['付', 'things'],
  ['副', 'things'],
  ['台', 'things'],
  ['套', 'things'],
  ['张', 'things'],
  ['只', 'things'],
  ['种', 'things'],
  ['组', 'things'],
  ['块', 'things'],
  ['版', 'things'],
  ['分', 'score'],
];

/** Classifier + following characters that make a different word (名额, 期间, 组织, 分钟, 元旦 …). */
const NOT_A_CLASSIFIER: Readonly<Record<string, RegExp>> = {
  人: /^(?:民|生|才|们|事|心|格|性|文|工|家|间|物|口|类|力|员|士|品|情)/,
  名: /^(?:义|单|称|誉|牌|校|著|额|列|言|字|片|声|次|利|师|优|胜)/,
  位: /^(?:于|置|数)/,
  户: /^(?:口|籍|外)/,
  次: /^(?:日|年|月|要|序|数|性|之)/,
  场: /^(?:所|地|馆|合|景|面|上)/,
  回: /^(?:顾|家|校|来|答|访|报|应|归|复|忆|馈|去|到)/,
  轮: /^(?:流|换)/,
  期: /^(?:间|待|望|末|中|初|盼|限|满|刊物)/,
  份: /^(?:额|子)/,
  件: /^(?:事)/,
  篇: /^(?:章|幅)/,
  条: /^(?:件|例|款|腿|心|路|线(?!路))/,
  项: /^(?:目标|链)/,
  部: /^(?:门|分|署|长|署|位|队)/,
  则: /^(?:是|要|为|必)/,
  个: /^(?:月|小时|星期|学期|年|工作日|季度|多月|半月|人(?!次)|别|性|体|案)/,
  支: /^(?:持|出|援|部|付|撑|配|教)/,
  队: /^(?:员|长|伍(?!中))/,
  批: /^(?:准|评|示|判|复)/,
  团: /^(?:结|体|队|员|聚|圆|长)/,
  对: /^(?:于|待|照|象|比|接|口|称|应|外|策|话|学|教|此|其|全|我|工|学校|他|她|本|每|这|那|老|青|广|新|各|社|家|困|生|党|领|退|女|优|师(?!徒)|手|面|联)/,
  付: /^(?:出|款|清|费|诸)/,
  副: /^(?:校长|主席|组长|书记|主任|院长|局长|县长|市长|部长|科长|处长|区长|会长|教授)/,
  台: /^(?:阶|风|上|湾|州)/,
  套: /^(?:餐)/,
  张: /^(?:贴|扬|罗|开)/,
  只: /^(?:要|有|是|能|为|在|不|好)/,
  种: /^(?:植|子|地)/,
  组: /^(?:织|建|成|长|员|合|委)/,
  块: /^(?:钱)/,
  版: /^(?:本|面|权)/,
  分: /^(?:钟|别|配|享|析|类|工|布|期|批|成|为|之|子|担|会|散|管|头|层|校|院|组|发|解|开|享|歧|明|外|数线|量|兵|赴|流|摊|部|队|享)/,
  元: /^(?:旦|素|月|宵|老|帅|年|首)/,
};

const PLAN_CUE =
  /(?<![按依照据的成订定初有作])计划(?!书|表|内|中|生育|地|的|性)|拟(?:于|在|将|投|购|组织|开展|举办|召开|新增|建|为|对)|预计|力争|争取(?!到|了)|打算|将要|将于|将会|将在|将继续|将进一步|将组织|将开展|将举办|将投入|将投资|将新增|将召开|将购置|将评选|下一步|明年|来年|下学期|下学年|新学年|下一年|今后/;
const NEGATION = /尚未|没有|未能|仍未|还未|并未|不曾|未曾|未予|没能/;
const OTHER_ORGANISATION = /(?:全县|全省|全国|全区|全市|各县|各地)[^，。；]{0,12}(?:共|有|累计|总计|达到|达)|兄弟学校|其他学校|各校|参赛的|参赛队伍/;
const OWN_ORGANISATION = /我校|本校|校工会|园工会|我园|我们|学校工会|工会组织/;
/** Per-capita and frequency statements: 每位会员每月缴纳会费10元, 人均500元. */
const PER_CAPITA = /每(?:人|位|名|个|户|月|年|学期|学年|次|周|天)|人均|平均/;
/** Cumulative history, not the reporting year: 建校以来, 历年, 累计. */
const CUMULATIVE = /建校以来|建园以来|成立以来|多年来|历年|近年来|近几年|累计/;
const MONEY_WORD = /金额|资金|经费|支出|费用|款|慰问金|发放|投入|投资|使用|用于|花费|共计|合计/;

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
  /** Suggestions below this confidence are dropped. Default 0.5. */
  minConfidence?: number;
  /** Counts the work done (tests of linearity). */
  meter?: ExtractionMeter;
}

function classifierAfter(text: string, position: number, numeral: NumeralMatch): { classifier: string; family: Family; length: number } | null {
  if (numeral.percent) return { classifier: '%', family: 'percent', length: 0 };
  const rest = text.slice(position, position + 6);
  for (const [classifier, family] of CLASSIFIERS) {
    if (!rest.startsWith(classifier)) continue;
    const after = rest.slice(classifier.length);
    if (NOT_A_CLASSIFIER[classifier]?.test(after)) return null;
    return { classifier, family, length: classifier.length };
  }
  return null;
}

/** Reasons a numeral is not an indicator value, judged from the characters around it. */
function excludedByContext(text: string, numeral: NumeralMatch, classifierEnd: number, clause: Span): boolean {
  const before = text.slice(Math.max(clause.start, numeral.start - 4), numeral.start);
  const after = text.slice(classifierEnd, classifierEnd + 4);
  // Ordinals and session numbers: 第四届, 九届一次, 第五名.
  if (/第$|届$|第[^，。；]{0,1}$/.test(before)) return true;
  // Per-capita, each, averages, frequencies: 每人一只, 各一次, 人均500元, 一年一次, 一天一公布.
  if (/(?:每|各|均|平均|人均)[人个位名年月周天次学期]?$/.test(before)) return true;
  if (/(?:年|月|周|天|日|学期|学年|季度)$/.test(before) && numeral.value <= 10) return true;
  // Enumerations of parts: 一期是…, 另一期
  if (/^(?:是|为)/.test(after) && numeral.value <= 10) return true;
  if (/另$/.test(before)) return true;
  // A ratio or per-capita pair: 两人一个, 1人1份.
  if (/^[\d一二两三四五六七八九十]/.test(after)) return true;
  if (/[\d一二两三四五六七八九十][人个]$/.test(before)) return true;
  // Times and dates written with 点/号: 7点30分.
  if (/\d[点:：]\d/.test(text.slice(numeral.start - 3, classifierEnd))) return true;
  // Back references: 以上两个效果, 上述三项, 这两次.
  if (/(?:以上|上述|前述|这|那|此)$/.test(before)) return true;
  // 一 as an article: 一支优秀的教师队伍, 一个宽松和谐的氛围.
  if (numeral.raw === '一' && /^[^，。；、]{0,6}的/.test(text.slice(classifierEnd, classifierEnd + 8))) return true;
  // Grades and classes: 初三, 高二, 三年级.
  if (/[初高]$/.test(before) && numeral.value <= 6) return true;
  // Slogans: 一帮一, 三个代表, 八荣八耻 — a 一 between words, or the famous ones.
  const around = text.slice(Math.max(0, numeral.start - 3), classifierEnd + 3);
  if (/三个代表|三个文明|两个确保|四个意识|一帮一|一对一|一对多|一帮多|三关心|八荣八耻|十一五|十二五|五个一/.test(around)) return true;
  return false;
}

export function extractSuggestions(original: string, catalogue: readonly Indicator[], options: ExtractOptions = {}): ExtractionResult {
  const minConfidence = options.minConfidence ?? 0.5;
  const normalised = normaliseText(original);
  const text = normalised.text;
  const sentences = splitSentences(text);
  const spans = sectionSpans(text, sentences);
  const figures = findFigures(text, sentences);
  const byClause = new FiguresByClause(figures);
  const cues = new CueSearch(text, options.meter);
  const byIndicator = new Map(catalogue.map((indicator) => [indicator.code, indicator]));

  const suggestions: (Suggestion & { sentenceIndex: number; numeralStart: number })[] = [];
  for (const figure of figures) {
    const sentence = sentences[figure.sentenceIndex]!;
    const clause = sentence.clauses[figure.clauseIndex]!;
    if (NEGATION.test(text.slice(clause.start, clause.end))) continue;
    const clauseText = text.slice(clause.start, clause.end);
    if (OTHER_ORGANISATION.test(clauseText) && !OWN_ORGANISATION.test(clauseText)) continue;
    if (PER_CAPITA.test(text.slice(clause.start, figure.numeral.start))) continue;
    if (CUMULATIVE.test(text.slice(sentence.start, figure.numeral.start))) continue;

    const regions = regionsFor(figure, byClause, sentences, options.meter);
    // Everything the regions cover: a cue group found nowhere in it needs no region-by-region look.
    const around: Span = { start: Math.min(...regions.map((r) => r.start)), end: Math.max(...regions.map((r) => r.end)) };
    const moneyClause = figure.family === 'money' && MONEY_WORD.test(clauseText);
    const candidates: Candidate[] = [];
    for (const indicator of catalogue) {
      const cue = indicatorCues[indicator.code];
      if (!cue) continue;
      const candidate = scoreCandidate(text, cues, figure, indicator, cue, { regions, around }, clause, moneyClause);
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
    const sentencePrefix = text.slice(sentence.start, figure.numeral.start);
    const isPlan = section === 'plans' || PLAN_CUE.test(sentencePrefix);

    for (const candidate of chosen) {
      const indicator = byIndicator.get(candidate.code)!;
      let confidence = 0.3 + 0.5 * candidate.meanWeight + (candidate.exactUnit ? 0.2 : 0.1);
      if (second && second.score > candidate.score - 0.3) confidence *= 0.85;
      if (candidate.contextOnly) confidence *= 0.85;
      if (section === 'shortcomings') confidence *= 0.75;
      if (figure.value === 1 && /^[一]$/.test(figure.numeral.raw)) confidence *= 0.9;
      confidence = Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
      if (confidence < minConfidence) continue;
      const sentenceSpan = toOriginalSpan(normalised, sentence.start, sentence.end);
      const figureSpan = toOriginalSpan(normalised, figure.numeral.start, figure.end);
      suggestions.push({
        indicatorCode: indicator.code,
        value: valueInUnit(figure, indicator),
        unit: indicator.unit,
        approx: figure.approx,
        isPlan,
        evidence: { ...sentenceSpan, sentence: original.slice(sentenceSpan.start, sentenceSpan.end), figure: figureSpan },
        confidence,
        sentenceIndex: figure.sentenceIndex,
        numeralStart: figure.numeral.start,
      });
    }
  }

  return {
    suggestions: dropSubsets(text, suggestions).map(({ sentenceIndex: _s, numeralStart: _n, ...suggestion }) => suggestion),
    sections: sectionsOfOriginal(normalised, spans),
  };
}

function valueInUnit(figure: Figure, indicator: Indicator): number {
  // Money is already in 元 (万/千 are part of the numeral); counts and percentages as written.
  return indicator.valueType === 'integer' ? Math.round(figure.value) : figure.value;
}

function findFigures(text: string, sentences: readonly Sentence[]): Figure[] {
  const figures: Figure[] = [];
  let sentenceIndex = 0;
  for (const numeral of findNumerals(text)) {
    while (sentenceIndex < sentences.length && sentences[sentenceIndex]!.end <= numeral.start) sentenceIndex += 1;
    const sentence = sentences[sentenceIndex];
    if (!sentence || numeral.start < sentence.start) continue;
    const clauseIndex = sentence.clauses.findIndex((c) => numeral.start >= c.start && numeral.start < c.end);
    if (clauseIndex < 0) continue;
    // Skip whitespace between the number and its unit ("16 人次").
    let position = numeral.end;
    while (text[position] === ' ') position += 1;
    const unit = classifierAfter(text, position, numeral);
    if (!unit) continue;
    let end = position + unit.length;
    let approx = numeral.approx;
    const tail = /^(?:左右|上下|以上|之多|有余|多)/.exec(text.slice(end));
    if (tail) {
      approx = true;
      end += tail[0].length;
    }
    if (numeral.percent && unit.family !== 'percent') continue;
    if (!Number.isFinite(numeral.value) || numeral.value < 0) continue;
    // Plain counts are whole numbers; a decimal count is a measure (3.5个月) or a typo.
    if (unit.family !== 'money' && unit.family !== 'score' && unit.family !== 'percent' && !Number.isInteger(numeral.value)) continue;
    // Years written as a count (2012人) are not counts a school reports.
    if (unit.family !== 'money' && numeral.value >= 100000) continue;
    const clause = sentence.clauses[clauseIndex]!;
    if (excludedByContext(text, numeral, end, clause)) continue;
    figures.push({ numeral, classifier: unit.classifier, family: unit.family, end, approx, value: numeral.value, sentenceIndex, clauseIndex });
  }
  return figures;
}

function scoreCandidate(
  text: string,
  cues: CueSearch,
  figure: Figure,
  indicator: Indicator,
  cue: IndicatorCue,
  { regions, around }: { regions: readonly Region[]; around: Span },
  clause: Span,
  moneyClause: boolean,
): Candidate | null {
  const classifier = figure.classifier;
  if (!cue.classifiers.includes(classifier) && classifier !== indicator.unit) return null;
  if ((indicator.valueType === 'money') !== (figure.family === 'money')) return null;
  if ((indicator.valueType === 'percent') !== (figure.family === 'percent')) return null;
  if (indicator.valueType === 'integer' && !Number.isInteger(figure.value)) return null;
  if (indicator.max !== undefined && figure.value > indicator.max) return null;

  const local = regions[0]!;
  const localText = text.slice(local.start, local.end);
  if (cue.not && cues.inText(localText, cue.not)) return null;
  // The clause just before often names the activity ("坚持开展帮困送温暖活动，全年共慰问219人次").
  const previousClause = regions.find((r) => !r.inClause && r.end <= local.start && r.weight >= 0.7);

  // What is counted must be named next to a generic classifier.
  const head = text.slice(figure.end, Math.min(local.end, figure.end + 16));
  const headStart = figure.end;
  if (cue.nouns && !['人', '人次', '名', '位', '元', '%', '分', '户'].includes(classifier)) {
    const before = text.slice(Math.max(local.start, figure.numeral.start - 10), figure.numeral.start);
    // 两个效果: a count noun written after 个/项/件 … is what is counted; 活动3次 names it before.
    const nounFollows = (figure.family === 'things' || figure.family === 'items') && /^[\u3400-\u9fff“"《]/.test(head);
    const named =
      cue.nouns.includes(classifier) || cues.inText(head.slice(0, 6), cue.nouns) || (!nounFollows && cues.inText(before, cue.nouns));
    if (!named) return null;
  }

  const weights: number[] = [];
  const headMatches: number[] = [];
  let matchedLength = 0;
  for (const group of cue.all) {
    if (!cues.inSpan(around, group)) return null;
    let weight = 0;
    for (const region of regions) {
      if (region.weight <= weight) continue;
      // Whole clauses and sentences recur for every figure nearby: look them up once.
      const word = region.inClause ? cues.inText(text.slice(region.start, region.end), group) : cues.inSpan(region, group);
      if (word) {
        weight = region.weight;
        matchedLength += word.length;
        if (region.local) {
          const at = text.indexOf(word, headStart);
          if (at >= headStart && at < headStart + head.length) headMatches.push(at);
        }
      }
    }
    weights.push(weight);
    // The verdict of `minWeight < 0.25` below, given without looking at the other groups.
    if (weight < 0.25) return null;
  }
  // When the reading leans on the clause before, that clause must not rule it out
  // ("坚持开展帮困送温暖活动，全年共慰问219人次" is hardship aid, not a holiday visit).
  if (cue.not && weights.some((w) => w < 0.7) && previousClause && cues.inSpan(previousClause, cue.not)) return null;
  const minWeight = Math.min(...weights);
  const maxWeight = Math.max(...weights);
  const meanWeight = weights.reduce((a, b) => a + b, 0) / weights.length;
  if (minWeight < 0.25) return null;
  const contextOnly = maxWeight < 0.7;
  if (contextOnly && !moneyClause) return null;
  if (meanWeight < 0.45) return null;

  const exactUnit = classifier === indicator.unit || (indicator.unit === '个' && cue.classifiers[0] === classifier);
  // Closeness counts more than the number of cue groups; a second group adds a little.
  let score = meanWeight * (1 + 0.25 * Math.max(0, weights.filter((w) => w >= 0.7).length - 1)) + (exactUnit ? 0.3 : cue.classifiers.includes(classifier) ? 0.15 : 0);
  // A reading complete within the figure's own words beats one that borrows from other clauses.
  if (weights.every((w) => w >= 1)) score += 0.3;
  if (cue.any && cues.inSpan(clause, cue.any)) score += 0.15;
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
  // Every earlier suggestion counts, kept or not; a set keeps this linear.
  const earlier = new Set<string>();
  return suggestions.filter((suggestion) => {
    const key = `${suggestion.sentenceIndex}|${suggestion.indicatorCode}`;
    const seen = earlier.has(key);
    earlier.add(key);
    const before = text.slice(Math.max(0, suggestion.numeralStart - 4), suggestion.numeralStart);
    return !(seen && /其中|内含|包括/.test(before));
  });
}
