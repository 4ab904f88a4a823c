// Why a suggestion was wrong (false positive) or a label was missed (false negative), judged from
// the labels, the other suggestions, the figure's sentence and the catalogue unit. A diagnostic for
// eval:extract, deliberately independent of the extractor's own rules: it only reads the text.
import { findNumerals, traditionalToSimplified, type Suggestion } from '@union/domain';
import type { ErrorClass } from './error-classes';
import { isPlanLabel, sameValue, type Label } from './score';

export interface ClassifierDocument {
  text: string;
  labels: readonly Label[];
  /** Every suggestion the extractor made for the document, right or wrong. */
  suggestions: readonly Suggestion[];
  /** Catalogue unit by indicator code (人, 人次, 元, % …). */
  units: ReadonlyMap<string, string>;
}

export interface Classified {
  errorClass: ErrorClass;
  reason: string;
}

interface Range {
  start: number;
  end: number;
}

const PLAN_MARKERS = /拟|计划|预计|预算|力争|明年|下一步|下学期|下学年|今后|打算|准备|共需|需经费|将(?:在|于|组织|开展|举办|继续|进一步|安排)/;
const SUB_COUNT_MARKERS = /其中|包括|内含|含/;
const OTHER_POPULATIONS = /学生|幼儿|家长|家属|亲属|子女|村民|居民|社区|孤寡|离休|老同志|兄弟学校|兄弟单位|外校|考察团|来宾|嘉宾|全县|全市|全区|全省|校教代会|二级教代会/;
const STAFF_SUBGROUPS = /专任|在编|研训|女代表|青年|新当选|新任|骨干|党员|班主任/;
const HONOURS_GIVEN = /校级|园级|院级|评选出|评出/;
const PER_CAPITA_BEFORE = /(?:每(?:人次|人|位|名|户|个|次|月|年|学期)?|人均|户均|生均|平均|标准)[^，。；]{0,4}$/;
const COST_LINES = /伙食费|伙食补助|交通补助|交通费|燃油费|过路费|场地费|餐费|误餐|住宿费|通讯费/;
const MEETING_AFTER = /^(?:教代会|职代会|代表大会|会员大会|全会|会议)/;
const TABLE_LAYOUT = /[|｜\t]| {2,}|\d[ \n\r]+\d|[^\s\d][ \n\r]+\d/;

const simplified = (text: string) => traditionalToSimplified(text);
const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
const isPowerOfTenApart = (a: number, b: number) => {
  if (a <= 0 || b <= 0 || sameValue(a, b)) return false;
  const exponent = Math.log10(Math.max(a, b) / Math.min(a, b));
  return Math.abs(exponent - Math.round(exponent)) < 1e-9;
};

/** Every place the label's evidence occurs in the text (labels are verbatim spans). */
export function evidenceRanges(text: string, label: Label): Range[] {
  const evidence = label.evidence ?? '';
  if (evidence === '') return [];
  const ranges: Range[] = [];
  for (let at = text.indexOf(evidence); at >= 0; at = text.indexOf(evidence, at + 1)) ranges.push({ start: at, end: at + evidence.length });
  return ranges;
}

/** The sentence around an offset: between 。！？； or line breaks. */
export function sentenceAround(text: string, offset: number): Range {
  let start = offset;
  while (start > 0 && !/[。！？；!?;\n]/.test(text[start - 1]!)) start -= 1;
  let end = offset;
  while (end < text.length && !/[。！？；!?;\n]/.test(text[end]!)) end += 1;
  return { start, end };
}

/** The clause around a figure: also cut at commas, 、, colons and brackets. */
function clauseAround(text: string, range: Range): Range {
  const stop = /[。！？；!?;\n，,、：:（(）)]/;
  let start = range.start;
  while (start > 0 && !stop.test(text[start - 1]!)) start -= 1;
  let end = range.end;
  while (end < text.length && !stop.test(text[end]!)) end += 1;
  return { start, end };
}

const figureOf = (s: Suggestion): Range => s.evidence.figure;
const labelNear = (text: string, label: Label, range: Range) => evidenceRanges(text, label).some((r) => overlaps(r, range));

/** Money, percent, score or count, from a catalogue unit or from the measure word after a numeral. */
function unitFamily(unit: string): 'money' | 'percent' | 'score' | 'count' | null {
  if (unit === '') return null;
  if (/^(?:[万千百]?元|块|万)/.test(unit)) return 'money';
  if (/^(?:%|％|成)/.test(unit)) return 'percent';
  if (/^分/.test(unit)) return 'score';
  return 'count';
}

function measureWordOf(figureText: string): string {
  const numeral = findNumerals(figureText)[0];
  if (!numeral) return '';
  if (numeral.percent) return '%';
  return figureText.slice(numeral.end).trim();
}

/**
 * Same-code suggestions in one sentence that add up to another numeral written there, outside the run:
 * parts beside a total. The longest run is tried first, so a part is not taken for a total.
 */
function partsOfATotal(doc: ClassifierDocument, sentence: Range, code: string, member?: Suggestion): number | null {
  const parts = doc.suggestions
    .filter((s) => s.indicatorCode === code && overlaps(figureOf(s), sentence))
    .sort((a, b) => a.evidence.figure.start - b.evidence.figure.start);
  const numerals = findNumerals(doc.text.slice(sentence.start, sentence.end)).map((n) => ({ value: n.value, start: n.start + sentence.start, end: n.end + sentence.start }));
  for (let length = parts.length; length >= 2; length -= 1) {
    for (let i = 0; i + length <= parts.length; i += 1) {
      const run = parts.slice(i, i + length);
      if (member && !run.includes(member)) continue;
      const sum = run.reduce((total, p) => total + p.value, 0);
      const span = { start: figureOf(run[0]!).start, end: figureOf(run[length - 1]!).end };
      if (numerals.some((n) => sameValue(n.value, sum) && !overlaps(span, n))) return sum;
    }
  }
  return null;
}

/** 其中/含 in the figure's clause or at most two clauses before it (其中女代表39人、青年代表21人). */
function subCountMarker(text: string, sentence: Range, figure: Range): string | null {
  let start = figure.start;
  let separators = 0;
  while (start > sentence.start) {
    if (/[，,、：:（(）)]/.test(text[start - 1]!)) {
      separators += 1;
      if (separators > 2) break;
    }
    start -= 1;
  }
  return SUB_COUNT_MARKERS.exec(simplified(text.slice(start, figure.start)))?.[0] ?? null;
}

const PERSON_UNITS = new Set(['人', '人次']);

export function classifyFalsePositive(doc: ClassifierDocument, suggestion: Suggestion): Classified {
  const { text } = doc;
  const code = suggestion.indicatorCode;
  const figure = figureOf(suggestion);
  const sentence = { start: suggestion.evidence.start, end: suggestion.evidence.end };
  const sameCodeAndValue = doc.labels.filter((l) => l.code === code && sameValue(l.value, suggestion.value));
  if (sameCodeAndValue.some((l) => isPlanLabel(l) === suggestion.isPlan)) return { errorClass: 'duplicate', reason: 'the labelled figure was already matched by another suggestion' };
  if (sameCodeAndValue.length > 0) return { errorClass: 'plan', reason: suggestion.isPlan ? 'suggested as a plan, labelled as done' : 'suggested as done, labelled as a plan' };

  const otherCode = doc.labels.find((l) => l.code !== code && sameValue(l.value, suggestion.value) && labelNear(text, l, figure));
  if (otherCode) return { errorClass: 'indicator', reason: `labelled ${otherCode.code}` };

  const scaled = doc.labels.find((l) => l.code === code && isPowerOfTenApart(l.value, suggestion.value) && labelNear(text, l, sentence));
  if (scaled) return { errorClass: 'unit', reason: `labelled ${scaled.value}` };
  const figureText = text.slice(figure.start, figure.end);
  const measure = measureWordOf(figureText);
  const said = unitFamily(measure);
  const wanted = unitFamily(doc.units.get(code) ?? '');
  if (said && wanted && said !== wanted) return { errorClass: 'unit', reason: `measure word ${measure} for a ${doc.units.get(code)} indicator` };

  const before = simplified(text.slice(sentence.start, figure.start));
  const after = simplified(text.slice(figure.end, Math.min(sentence.end, figure.end + 8)));
  const numeral = findNumerals(figureText)[0];
  if (/第\s*$/.test(before) || /届\s*$/.test(before) || /^\s*届/.test(simplified(measure) + after)) return { errorClass: 'ordinal', reason: '第/届 next to the numeral' };
  if (numeral && /^[一二三四五六七八九十]+$/.test(numeral.raw) && /^次/.test(simplified(measure)) && MEETING_AFTER.test(after)) {
    return { errorClass: 'ordinal', reason: `${numeral.raw}次 before a meeting name reads as a session number` };
  }

  const clause = clauseAround(text, figure);
  const clauseText = simplified(text.slice(clause.start, clause.end));
  const clauseBefore = simplified(text.slice(clause.start, figure.start));
  if (PER_CAPITA_BEFORE.test(before.slice(-8)) || /^(?:\/|／)人|^每人/.test(after)) return { errorClass: 'per-capita', reason: 'per-capita or standard marker before the figure' };
  if (COST_LINES.test(clauseText)) return { errorClass: 'per-capita', reason: `cost line (${COST_LINES.exec(clauseText)![0]})` };

  const partsSum = partsOfATotal(doc, sentence, code, suggestion);
  if (partsSum !== null) return { errorClass: 'duplicate', reason: `one of the parts of the total ${partsSum}` };

  const population = OTHER_POPULATIONS.exec(clauseText);
  if (population) return { errorClass: 'population', reason: `counts ${population[0]}` };
  const retireeCode = /retire/.test(code);
  if (retireeCode && /在职/.test(clauseText)) return { errorClass: 'population', reason: 'counts serving staff for a retiree indicator' };
  if (!retireeCode && /退休|离退休/.test(clauseText)) return { errorClass: 'population', reason: 'counts retirees for a staff indicator' };
  const marker = subCountMarker(text, sentence, figure);
  if (marker) {
    // A subset of people is a population question; a subset of events, items or money is a part.
    if (PERSON_UNITS.has(doc.units.get(code) ?? '')) return { errorClass: 'population', reason: `sub-count (${marker})` };
    return { errorClass: 'duplicate', reason: `a part listed after ${marker}` };
  }
  const subgroup = STAFF_SUBGROUPS.exec(clauseBefore);
  if (subgroup) return { errorClass: 'population', reason: `a subgroup (${subgroup[0]})` };
  if (/honours|awards/.test(code) && HONOURS_GIVEN.test(simplified(text.slice(sentence.start, sentence.end)))) {
    return { errorClass: 'population', reason: 'honours given by the school, not received' };
  }

  if (!suggestion.isPlan && PLAN_MARKERS.test(before)) return { errorClass: 'plan', reason: `plan marker ${PLAN_MARKERS.exec(before)![0]} before the figure` };

  const sameCodeNear = doc.labels.find((l) => l.code === code && labelNear(text, l, sentenceAround(text, figure.start)));
  if (sameCodeNear) return { errorClass: 'confusable', reason: `the passage's ${code} is ${sameCodeNear.value}` };
  return { errorClass: 'other', reason: sameCodeAndValue.length === 0 && !doc.labels.some((l) => l.code === code) ? `no ${code} label in the document` : 'not labelled' };
}

export function classifyFalseNegative(doc: ClassifierDocument, label: Label): Classified {
  const { text } = doc;
  const ranges = evidenceRanges(text, label);
  const near = (s: Suggestion) => ranges.some((r) => overlaps(r, figureOf(s)));
  const inSentence = (s: Suggestion) => ranges.some((r) => overlaps(sentenceAround(text, r.start), figureOf(s)));

  const oppositePlan = doc.suggestions.find((s) => s.indicatorCode === label.code && sameValue(s.value, label.value) && s.isPlan !== isPlanLabel(label));
  if (oppositePlan) return { errorClass: 'plan', reason: oppositePlan.isPlan ? 'suggested as a plan, labelled as done' : 'suggested as done, labelled as a plan' };
  const otherCode = doc.suggestions.find((s) => s.indicatorCode !== label.code && sameValue(s.value, label.value) && near(s));
  if (otherCode) return { errorClass: 'indicator', reason: `suggested as ${otherCode.indicatorCode}` };
  const scaled = doc.suggestions.find((s) => isPowerOfTenApart(s.value, label.value) && (near(s) || (s.indicatorCode === label.code && inSentence(s))));
  if (scaled) return { errorClass: 'unit', reason: `suggested ${scaled.value}` };

  for (const range of ranges) {
    const sentence = sentenceAround(text, range.start);
    const sum = partsOfATotal(doc, sentence, label.code);
    if (sum !== null && sameValue(sum, label.value)) return { errorClass: 'duplicate', reason: 'the parts were suggested instead of the total' };
  }
  const sameCode = doc.suggestions.find((s) => s.indicatorCode === label.code && (inSentence(s) || ranges.some((r) => Math.abs(figureOf(s).start - r.start) < 100)));
  if (sameCode) return { errorClass: 'confusable', reason: `suggested ${sameCode.value} from the same passage` };
  if (TABLE_LAYOUT.test(label.evidence ?? '')) return { errorClass: 'not-parsed', reason: 'table row or broken number' };
  if (!doc.suggestions.some(near)) return { errorClass: 'missing-cue', reason: ranges.length === 0 ? 'evidence not found in the text' : 'no suggestion near the evidence' };
  return { errorClass: 'other', reason: 'another figure was suggested there' };
}
