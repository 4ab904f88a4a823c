/**
 * Splitting the chair's text into runs for highlighting: every suggestion's
 * sentence is marked, and the figure inside it emphasised. Ranges may overlap
 * (two suggestions from one sentence, or sentences the extractor cut
 * differently) or touch (one sentence ends where the next begins); each run
 * knows every range that covers it, so touching sentences stay separate marks.
 */

export interface HighlightRange {
  /** Offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** Which sentence this is (several suggestions may share one). */
  key: string;
}

export interface TextRun {
  start: number;
  end: number;
  /** Keys of the sentences covering this run, in the order given; empty for plain text. */
  sentences: string[];
  /** Keys of the figures covering this run. */
  figures: string[];
}

const clamp = (value: number, length: number) => Math.min(Math.max(0, Math.trunc(value)), length);

/**
 * The text [0, length) as consecutive runs, each covered by the same set of
 * sentences and figures. Ranges outside the text are clipped; empty ones are
 * ignored. Adjacent runs with identical cover are merged.
 */
export function segmentText(length: number, sentences: readonly HighlightRange[], figures: readonly HighlightRange[] = []): TextRun[] {
  if (length <= 0) return [];
  const norm = (ranges: readonly HighlightRange[]) =>
    ranges.map((r) => ({ key: r.key, start: clamp(r.start, length), end: clamp(r.end, length) })).filter((r) => r.end > r.start);
  const s = norm(sentences);
  const f = norm(figures);
  const cuts = new Set<number>([0, length]);
  for (const r of [...s, ...f]) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = (ranges: typeof s) => unique(ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.key));
    const run: TextRun = { start, end, sentences: covering(s), figures: covering(f) };
    const last = runs[runs.length - 1];
    if (last && sameKeys(last.sentences, run.sentences) && sameKeys(last.figures, run.figures)) last.end = end;
    else runs.push(run);
  }
  return runs;
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)];
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}

/** A stable key for a sentence range. */
export const sentenceKey = (range: { start: number; end: number }) => `${range.start}-${range.end}`;
