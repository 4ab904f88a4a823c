// Reading one figure: where around it cue words are looked for (its item,
// clause, sentence and paragraph, with falling weights) and how well each
// indicator's cues fit there. Pure functions over the normalised text.
import type { Indicator } from '../catalogue/indicator';
import type { IndicatorCue } from './indicator-cues';
import { clauseKey, type FiguresByClause } from './figure-neighbours';
import type { Figure } from './find-figures';
import type { Sentence, Span } from './segment';

const HEAD_VERB = /进行|给予|予以|送去|送上|送出/;
/** A clause that only sets the time of the next one: 春节期间， 教师节前夕， 三八节当天， 元旦前后。 */
const TIME_FRAME = /^[^，。；\d]{1,12}(?:期间|前夕|之际|前后|当天|当日|来临时|来临之际|节前)[，,]$/;
const MONEY_WORD = /金额|资金|经费|支出|费用|款|慰问金|发放|投入|投资|使用|用于|花费|共计|合计|共需|需要/;

export interface Candidate {
  code: string;
  score: number;
  meanWeight: number;
  contextOnly: boolean;
  exactUnit: boolean;
  /** Offsets in the normalised text where a cue matched inside the words after the figure. */
  headMatches: number[];
}

function includesAny(text: string, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const word of words) if (text.includes(word) && (best === null || word.length > best.length)) best = word;
  return best;
}

/** Regions around a figure where cue words are looked for, closest first, with their weight. */
export interface Region extends Span {
  weight: number;
  local: boolean;
  inClause: boolean;
}

/** Where to look for cue words, closest first. Context owned by another figure of the same kind counts less. */
export function regionsFor(figure: Figure, byClause: FiguresByClause, sentences: readonly Sentence[], text: string, owners: FiguresByClause = byClause): Region[] {
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
    (owners.get(clauseKey(sentenceIndex, clauseIndex)) ?? []).some((f) => f !== figure && f.family === figure.family);

  const regions: Region[] = [{ start: localStart, end: localEnd, weight: 1, local: true, inClause: true }];
  const header = figure.table?.header;
  if (header) regions.push({ ...header, weight: 0.9, local: false, inClause: true });
  // The header row's label cell (慰问类别) names what every row of the table is.
  const headerRow = figure.table?.headerRow;
  if (headerRow) regions.push({ ...headerRow, weight: 0.7, local: false, inClause: false });
  if (localStart > clause.start) regions.push({ start: clause.start, end: localStart, weight: 0.7, local: false, inClause: true });
  // After 、 the words name the next item: with a figure of its own (…3.5万元、节日慰问经费5万元) they are not this one's.
  const nextItemOwned = listBreak >= 0 && next !== undefined && next.family === figure.family;
  if (localEnd < clause.end) regions.push({ start: localEnd, end: clause.end, weight: nextItemOwned ? 0.3 : 0.7, local: false, inClause: true });
  // 工会组织教职工疗休养，共分四批，…，参加教职工共198人次: participants with no activity
  // named in their clause take part in the activity the sentence opens with.
  const joins = /参加|参与/.test(text.slice(clause.start, figure.numeral.start));
  // 两次会议 names again the meetings the sentence told of (召开二次教代会…，9月召开…会议，两次会议审议…).
  const namesMeetingAgain = /^会议/.test(text.slice(figure.end, figure.end + 2));
  for (let c = figure.clauseIndex - 1, distance = 1; c >= 0; c -= 1, distance += 1) {
    const other = sentence.clauses[c]!;
    const base = (joins && c === 0) || namesMeetingAgain ? 0.75 : Math.max(0.4, 0.75 - 0.1 * (distance - 1));
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

interface FigureFacts {
  localText: string;
  /** The words right after the figure, up to a verb. */
  head: string;
  /** 组织女教工健步走1次: an organising verb makes a count of times one of events. */
  organised: boolean;
  /** For a bare total (…，一共3场): the list clause before it. */
  listBefore: Region | undefined;
}

// What depends on the figure alone, worked out once rather than for each of the catalogue's indicators.
const factsCache = new WeakMap<Figure, FigureFacts>();
function factsOf(text: string, figure: Figure, regions: readonly Region[]): FigureFacts {
  const cached = factsCache.get(figure);
  if (cached) return cached;
  const local = regions[0]!;
  // A verb after the figure ends the counted noun: 对困难教职工4人进行了慰问 — 慰问 there is
  // what was done to them, not what is counted.
  const rawHead = text.slice(figure.end, Math.min(local.end, figure.end + 16));
  const verbAt = rawHead.search(HEAD_VERB);
  const head = verbAt >= 0 ? rawHead.slice(0, verbAt) : rawHead;
  const before = text.slice(local.start, figure.numeral.start);
  const organised = figure.family === 'times' && /组织|开展|举办|举行/.test(before);
  // 篮球赛、广场舞比赛、趣味运动会，一共3场: a bare total counts the list of the clause before.
  const bareTotal = /(?:一共|共计|总共|合计|共)$/.test(before) && !/^[\u3400-\u9fff]/.test(head);
  const listBefore = bareTotal ? regions.find((r) => !r.inClause && r.end <= local.start && r.weight >= 0.7) : undefined;
  const facts = { localText: text.slice(local.start, local.end), head, organised, listBefore };
  factsCache.set(figure, facts);
  return facts;
}

export function scoreCandidate(text: string, figure: Figure, indicator: Indicator, cue: IndicatorCue, regions: readonly Region[], clause: Span, sentenceStart: number): Candidate | null {
  const classifier = figure.classifier;
  if (!cue.classifiers.includes(classifier) && classifier !== indicator.unit) return null;
  if ((indicator.valueType === 'money') !== (figure.family === 'money')) return null;
  if ((indicator.valueType === 'percent') !== (figure.family === 'percent')) return null;
  if (indicator.valueType === 'integer' && !Number.isInteger(figure.value)) return null;
  if (indicator.max !== undefined && figure.value > indicator.max) return null;

  const local = regions[0]!;
  const { localText, head, organised, listBefore } = factsOf(text, figure, regions);
  // The counted noun right after the measure word (…等3项岗位练兵活动, 3次文体活动) names
  // the indicator more surely than any word around it, and overrides its exclusions.
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
export function jointReadings(text: string, best: Candidate, others: readonly Candidate[], figure: Figure): Candidate[] {
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
