// Where the extractor looks for the cue words of a figure, and a memo of
// those look-ups. Kept apart from the rules (extract-figures.ts) because it is
// about cost only: every look-up here must stay proportional to the text, so a
// 200,000-character summary with thousands of figures takes well under a
// second (the first version filtered every figure once per figure).
import type { NumeralMatch } from './chinese-number';
import type { Sentence, Span } from './segment';

export type Family = 'persons' | 'money' | 'times' | 'items' | 'things' | 'score' | 'percent';

export interface Figure {
  numeral: NumeralMatch;
  classifier: string;
  family: Family;
  /** End of numeral + classifier (and 左右/以上 after it). */
  end: number;
  approx: boolean;
  value: number;
  sentenceIndex: number;
  clauseIndex: number;
}

/** Regions around a figure where cue words are looked for, closest first, with their weight. */
export interface Region extends Span {
  weight: number;
  local: boolean;
  inClause: boolean;
}

/**
 * Work done by one extraction, for tests that check it grows linearly with the
 * text (a count, unlike a timing, does not depend on how busy the machine is).
 */
export interface ExtractionMeter {
  /** Regions built around figures. */
  regions: number;
  /** Characters scanned for cue words. */
  charsSearched: number;
}

/** The figures of each clause, in text order: what `regionsFor` needs of its neighbours. */
export class FiguresByClause {
  private readonly bySentence = new Map<number, Map<number, Figure[]>>();

  constructor(figures: readonly Figure[]) {
    for (const figure of figures) {
      let clauses = this.bySentence.get(figure.sentenceIndex);
      if (!clauses) this.bySentence.set(figure.sentenceIndex, (clauses = new Map()));
      const list = clauses.get(figure.clauseIndex);
      if (list) list.push(figure);
      else clauses.set(figure.clauseIndex, [figure]);
    }
  }

  in(sentenceIndex: number, clauseIndex: number): readonly Figure[] {
    return this.bySentence.get(sentenceIndex)?.get(clauseIndex) ?? [];
  }

  /** Another figure of the same kind sits in that clause: its context is that figure's. */
  ownedByAnother(figure: Figure, sentenceIndex: number, clauseIndex: number): boolean {
    return this.in(sentenceIndex, clauseIndex).some((f) => f !== figure && f.family === figure.family);
  }
}

/** Where to look for cue words, closest first. Context owned by another figure of the same kind counts less. */
export function regionsFor(figure: Figure, byClause: FiguresByClause, sentences: readonly Sentence[], meter?: ExtractionMeter): Region[] {
  const sentence = sentences[figure.sentenceIndex]!;
  const clause = sentence.clauses[figure.clauseIndex]!;
  const inSameClause = byClause.in(figure.sentenceIndex, figure.clauseIndex);
  const index = inSameClause.indexOf(figure);
  const previous = inSameClause[index - 1];
  const next = inSameClause[index + 1];
  const localStart = previous ? previous.end : clause.start;
  const localEnd = next ? next.numeral.start : clause.end;
  const owned = (sentenceIndex: number, clauseIndex: number) => byClause.ownedByAnother(figure, sentenceIndex, clauseIndex);

  const regions: Region[] = [{ start: localStart, end: localEnd, weight: 1, local: true, inClause: true }];
  if (localStart > clause.start) regions.push({ start: clause.start, end: localStart, weight: 0.7, local: false, inClause: true });
  if (localEnd < clause.end) regions.push({ start: localEnd, end: clause.end, weight: 0.7, local: false, inClause: true });
  for (let c = figure.clauseIndex - 1, distance = 1; c >= 0; c -= 1, distance += 1) {
    const other = sentence.clauses[c]!;
    const weight = Math.max(0.4, 0.75 - 0.1 * (distance - 1)) * (owned(figure.sentenceIndex, c) ? 0.4 : 1);
    regions.push({ ...other, weight, local: false, inClause: false });
  }
  for (let c = figure.clauseIndex + 1; c < sentence.clauses.length; c += 1) {
    const other = sentence.clauses[c]!;
    regions.push({ ...other, weight: owned(figure.sentenceIndex, c) ? 0.15 : 0.35, local: false, inClause: false });
  }
  // Earlier sentences of the same paragraph, and the heading above it.
  for (let s = figure.sentenceIndex - 1, distance = 1; s >= 0 && distance <= 4; s -= 1, distance += 1) {
    const other = sentences[s]!;
    if (other.paragraph !== sentence.paragraph) {
      if (other.heading && other.paragraph === sentence.paragraph - 1) regions.push({ start: other.start, end: other.end, weight: 0.3, local: false, inClause: false });
      break;
    }
    regions.push({ start: other.start, end: other.end, weight: distance === 1 ? 0.35 : 0.28, local: false, inClause: false });
  }
  if (meter) meter.regions += regions.length;
  return regions;
}

/** The longest of `words` found in `text` (the first of equal length), or null. */
export function includesAny(text: string, words: readonly string[]): string | null {
  let best: string | null = null;
  for (const word of words) if (text.includes(word) && (best === null || word.length > best.length)) best = word;
  return best;
}

/**
 * Cue-word look-ups of one extraction. Whole spans (clauses, sentences) are
 * remembered per word list: they are the same for every figure nearby and
 * every indicator, so each is searched once.
 */
export class CueSearch {
  /** Word list → span start → span end → the word found (small integer keys: fast maps). */
  private readonly memo = new Map<readonly string[], Map<number, Map<number, string | null>>>();

  constructor(
    private readonly text: string,
    private readonly meter?: ExtractionMeter,
  ) {}

  /** `includesAny` on a short piece of text that is not worth remembering. */
  inText(piece: string, words: readonly string[]): string | null {
    if (this.meter) this.meter.charsSearched += piece.length;
    return includesAny(piece, words);
  }

  inSpan(span: Span, words: readonly string[]): string | null {
    let byStart = this.memo.get(words);
    if (!byStart) this.memo.set(words, (byStart = new Map()));
    let byEnd = byStart.get(span.start);
    if (!byEnd) byStart.set(span.start, (byEnd = new Map()));
    const known = byEnd.get(span.end);
    if (known !== undefined) return known;
    const found = this.inText(this.text.slice(span.start, span.end), words);
    byEnd.set(span.end, found);
    return found;
  }
}
