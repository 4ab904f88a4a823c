// Matching suggestions to hand labels and the precision/recall arithmetic of eval:extract.
import type { Suggestion } from '@union/domain';

export interface Label {
  code: string;
  value: number;
  evidence?: string;
  note?: string;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
}

export const emptyScore = (): Score => ({ tp: 0, fp: 0, fn: 0 });
export const addScores = (a: Score, b: Score): Score => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });

export const isPlanLabel = (label: Label) => /^plan\b/.test(label.note ?? '');
export const sameValue = (a: number, b: number) => Math.abs(a - b) < 1e-6 * Math.max(1, Math.abs(a));

export interface MatchResult {
  score: Score;
  matched: Suggestion[];
  falsePositives: Suggestion[];
  falseNegatives: Label[];
}

/** Whether the label's evidence (a verbatim span) covers the suggested figure somewhere in the text. */
function evidenceCovers(text: string, label: Label, suggestion: Suggestion): boolean {
  const evidence = label.evidence ?? '';
  if (evidence === '') return false;
  const { start, end } = suggestion.evidence.figure;
  for (let at = text.indexOf(evidence); at >= 0; at = text.indexOf(evidence, at + 1)) if (at < end && start < at + evidence.length) return true;
  return false;
}

/**
 * One-to-one matching of suggestions to labels on (code, value), in suggestion order. Labels with the
 * same code and value are interchangeable for the counts; given the text, the one whose evidence covers
 * the figure is taken first, so the label left over (the false negative) is the one really missed.
 */
export function matchSuggestions(suggestions: readonly Suggestion[], labels: readonly Label[], text?: string): MatchResult {
  const unused = [...labels];
  const matched: Suggestion[] = [];
  const falsePositives: Suggestion[] = [];
  for (const suggestion of suggestions) {
    const fits = (l: Label) => l.code === suggestion.indicatorCode && sameValue(l.value, suggestion.value);
    const covering = text === undefined ? -1 : unused.findIndex((l) => fits(l) && evidenceCovers(text, l, suggestion));
    const at = covering >= 0 ? covering : unused.findIndex(fits);
    if (at >= 0) {
      matched.push(suggestion);
      unused.splice(at, 1);
    } else falsePositives.push(suggestion);
  }
  return { score: { tp: matched.length, fp: falsePositives.length, fn: unused.length }, matched, falsePositives, falseNegatives: unused };
}

/** Actual figures and plans are scored apart: a plan suggestion never matches an actual label. */
export function scoreDocument(suggestions: readonly Suggestion[], labels: readonly Label[], text?: string) {
  const actual = matchSuggestions(
    suggestions.filter((s) => !s.isPlan),
    labels.filter((l) => !isPlanLabel(l)),
    text,
  );
  const plans = matchSuggestions(
    suggestions.filter((s) => s.isPlan),
    labels.filter(isPlanLabel),
    text,
  );
  return { actual, plans };
}

export function metrics({ tp, fp, fn }: Score) {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
