// Splits a summary into the three narrative sections of the form — 主要工作与
// 成绩 / 存在的不足 / 下一步计划 — from the headings and cue phrases real
// summaries use. Text before the first cue is achievements; sections only move
// forward (achievements → shortcomings → plans).
import type { NarrativeSection } from '../report/report';
import { normaliseText, toOriginalSpan, type NormalisedText } from './normalise-text';
import { splitSentences, type Sentence } from './segment';

export interface SectionSpan {
  section: NarrativeSection;
  /** Offsets into the text that was split. */
  start: number;
  end: number;
}

export interface NarrativeSections {
  achievements: string;
  shortcomings: string;
  plans: string;
  /** Contiguous spans covering the text, in order; a section may be absent. */
  spans: SectionSpan[];
}

/** Headings: 三、存在的不足 / 问题与不足 / 今后工作打算 / 下一步工作计划 / 努力方向 … */
const SHORTCOMING_HEADING = /存在的|不足之处|薄弱环节|(?:不足|问题|差距|缺点)(?:与|和|及)?(?:不足|问题|差距|原因|反思)?$/;
const PLAN_HEADING = /(?:计划|打算|设想|思路|方向|展望|工作要点|重点工作)$|^(?:今后|下一步|明年|来年|新学年|新的一年)/;
const HEADING_NUMBER = /^\s*(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十]+(?:部分)?[、，,：:]?)\s*/;

/** Sentences that open the shortcomings part of a summary. */
const SHORTCOMING_SENTENCE =
  /存在的(?:主要)?(?:问题|不足)|不足之处|(?:问题|缺点|困难)(?:和|与|及)不足|(?:仍|还|也|但)(?:然)?(?:存在|有)(?:着)?(?:一些|一定的?|许多|不少|诸多|若干)?(?:问题|不足|差距|缺点)|存在(?:一些|不少|诸多)?不足|不足(?:主要)?(?:有|是|表现在)?[：:]|(?:还有些|有些)地方做得不够|做得还不够/;

/** Sentences that open the plans part: they start with a look ahead, or announce the plan. */
const PLAN_SENTENCE_START =
  /^(?:总之[，,])?(?:今后|下一步|明年|来年|新的一年(?:里|中)?|新学年|下学期|下一年度?|展望|在今后的工作中|(?:\d{4}|[xX]+|20[xX]+)年[，,]?(?:我们|校工会|园工会|工会|学校工会)?(?:将|计划|打算))/;
const PLAN_SENTENCE = /工作打算|工作计划如下|工作设想|努力方向|工作思路[：:]|(?:将|要)重点做好以下|重点做好以下几(?:项|方面)工作|今后的?工作(?:打算|重点|计划)/;

type Section = NarrativeSection;

function sentenceSection(text: string, sentence: Sentence): Section | null {
  const body = text.slice(sentence.start, sentence.end);
  if (sentence.heading && body.length <= 25) {
    const title = body.replace(HEADING_NUMBER, '').replace(/[：:]$/, '');
    // A numbered or short heading naming the section.
    if (SHORTCOMING_HEADING.test(title) && !PLAN_HEADING.test(title)) return 'shortcomings';
    if (PLAN_HEADING.test(title)) return 'plans';
  }
  if (SHORTCOMING_SENTENCE.test(body)) return 'shortcomings';
  if (PLAN_SENTENCE_START.test(body) || PLAN_SENTENCE.test(body)) return 'plans';
  return null;
}

const ORDER: Record<Section, number> = { achievements: 0, shortcomings: 1, plans: 2 };

/** Section spans over already normalised text (offsets into `text`). */
export function sectionSpans(text: string, sentences: readonly Sentence[] = splitSentences(text)): SectionSpan[] {
  const spans: SectionSpan[] = [];
  let current: Section = 'achievements';
  let start = 0;
  for (const sentence of sentences) {
    let found = sentenceSection(text, sentence);
    // A cue sentence (not a heading) only opens a section in the second half:
    // summaries report first and look back and ahead at the end.
    if (found && !sentence.heading && sentence.start < text.length * 0.5) found = null;
    // A look-ahead sentence inside a paragraph of the report part (…共10人获奖。明年力争…)
    // is a plan sentence, not the start of the plans part; its own tense words mark it.
    // After the look back (不足) it does open the plans part.
    if (found === 'plans' && current === 'achievements' && !sentence.heading && sentence.indexInParagraph > 0) found = null;
    if (found && ORDER[found] > ORDER[current]) {
      // A heading starts its section at the line; a cue sentence at the sentence.
      if (sentence.start > start) spans.push({ section: current, start, end: sentence.start });
      current = found;
      start = sentence.start;
    }
  }
  if (text.length > start || spans.length === 0) spans.push({ section: current, start, end: text.length });
  return spans;
}

/** The section a position of the text belongs to. */
export function sectionAt(spans: readonly SectionSpan[], offset: number): Section {
  for (const span of spans) if (offset >= span.start && offset < span.end) return span.section;
  return spans.at(-1)?.section ?? 'achievements';
}

/** Maps normalised section spans to the original text and collects the three texts. */
export function sectionsOfOriginal(normalised: NormalisedText, spans: readonly SectionSpan[]): NarrativeSections {
  const original = normalised.original;
  const mapped: SectionSpan[] = [];
  for (const [index, span] of spans.entries()) {
    const start = index === 0 ? 0 : toOriginalSpan(normalised, span.start, span.start + 1).start;
    const end = index === spans.length - 1 ? original.length : toOriginalSpan(normalised, spans[index + 1]!.start, spans[index + 1]!.start + 1).start;
    mapped.push({ section: span.section, start, end });
  }
  const texts: Record<Section, string[]> = { achievements: [], shortcomings: [], plans: [] };
  for (const span of mapped) {
    const part = original.slice(span.start, span.end).trim();
    if (part) texts[span.section].push(part);
  }
  return {
    achievements: texts.achievements.join('\n'),
    shortcomings: texts.shortcomings.join('\n'),
    plans: texts.plans.join('\n'),
    spans: mapped,
  };
}

/** Splits a pasted summary into 成绩 / 不足 / 计划; texts and offsets refer to `original`. */
export function splitNarrativeSections(original: string): NarrativeSections {
  const normalised = normaliseText(original);
  return sectionsOfOriginal(normalised, sectionSpans(normalised.text));
}
