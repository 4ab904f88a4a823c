// Paragraphs, sentences and clauses of a (normalised) summary, as offsets.
// Sentences end at 。！？； or a line break (headings have no full stop);
// clauses end at ，：（） inside a sentence. 、 separates items within one
// clause ("慰问生育、生病教职工16人次") and does not split.

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** Index of the paragraph (text between line breaks). */
  paragraph: number;
  /** Index of the sentence within its paragraph. */
  indexInParagraph: number;
  /** A short line without a full stop: a heading or a list title. */
  heading: boolean;
  clauses: Span[];
}

const SENTENCE_END = /[。！？!?；;]/;
const CLAUSE_END = /[，,：:（）()]/;

/**
 * Run-on text (a line of commas and no full stop) is cut into sentences of
 * about this many characters, at a clause mark or 、; with no mark at all, at twice
 * this. Real sentences stay far below (the longest in the labelled corpus has
 * ~200 characters); without a bound, a pasted 200,000-character line would be
 * one sentence, and the work per figure grows with its sentence.
 */
export const RUN_ON_SENTENCE_CHARS = 500;

function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s += 1;
  while (e > s && /\s/.test(text[e - 1]!)) e -= 1;
  return s < e ? { start: s, end: e } : null;
}

export function splitClauses(text: string, sentence: Span): Span[] {
  const clauses: Span[] = [];
  let start = sentence.start;
  for (let i = sentence.start; i < sentence.end; i += 1) {
    if (CLAUSE_END.test(text[i]!)) {
      const clause = trimSpan(text, start, i + 1);
      if (clause) clauses.push(clause);
      start = i + 1;
    }
  }
  const last = trimSpan(text, start, sentence.end);
  if (last) clauses.push(last);
  return clauses;
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let indexInParagraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = trimSpan(text, lineStart, lineEnd);
    if (line) {
      const lineText = text.slice(line.start, line.end);
      const heading = lineText.length <= 40 && !/[。！？!?；;]/.test(lineText.slice(0, -1)) && !/[。！？!?]$/.test(lineText);
      let start = line.start;
      for (let i = line.start; i <= line.end; i += 1) {
        const forced = i < line.end && i - start >= 2 * RUN_ON_SENTENCE_CHARS;
        const runOn = i < line.end && i - start >= RUN_ON_SENTENCE_CHARS && (CLAUSE_END.test(text[i]!) || text[i] === '、');
        if (i === line.end || forced || runOn || SENTENCE_END.test(text[i]!)) {
          // Keep a closing quote or bracket with its sentence.
          let end = i < line.end && !forced ? i + 1 : i;
          while (end < line.end && /[”’」』）)]/.test(text[end]!)) end += 1;
          const span = trimSpan(text, start, end);
          if (span) {
            sentences.push({ ...span, paragraph, indexInParagraph, heading, clauses: splitClauses(text, span) });
            indexInParagraph += 1;
          }
          if (i === line.end) break;
          start = end;
          i = end - 1;
        }
      }
      paragraph += 1;
      indexInParagraph = 0;
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return sentences;
}
