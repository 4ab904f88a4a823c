// Runs the extractor over a corpus, scores it and classifies every error.
import { extractSuggestions, type Suggestion } from '@union/domain';
import { classifyFalseNegative, classifyFalsePositive, type ClassifierDocument } from './classify-error';
import type { Corpus } from './corpus';
import type { ErrorClass } from './error-classes';
import { addScores, emptyScore, isPlanLabel, scoreDocument, type Label, type Score } from './score';

export interface ClassifiedError {
  kind: 'FP' | 'FN';
  doc: string;
  code: string;
  value: number;
  plan: boolean;
  confidence?: number;
  errorClass: ErrorClass;
  reason: string;
  /** Where the figure is: the suggestion's figure span, or the label's evidence. */
  snippet: string;
}

export interface DocumentResult {
  doc: string;
  actual: Score;
  plans: Score;
}

export interface CorpusResult {
  folder: string;
  catalogueSize: number;
  ownCatalogue: boolean;
  documents: DocumentResult[];
  actual: Score;
  plans: Score;
  errors: ClassifiedError[];
  /** 'possible' suggestions (not counted above): how many match a label the confident ones missed. */
  possible: { right: number; wrong: number };
  /** Every suggestion's confidence and whether it matches a label (tiers ignored): for calibrating the threshold. */
  calibration: { confidence: number; correct: boolean }[];
}

function figureSnippet(text: string, s: Suggestion): string {
  return text.slice(Math.max(0, s.evidence.figure.start - 25), s.evidence.figure.end + 10);
}

export function evaluateCorpus(corpus: Corpus): CorpusResult {
  const units = new Map(corpus.catalogue.map((i) => [i.code, i.unit]));
  const result: CorpusResult = {
    folder: corpus.folder,
    catalogueSize: corpus.catalogue.length,
    ownCatalogue: corpus.ownCatalogue,
    documents: [],
    actual: emptyScore(),
    plans: emptyScore(),
    errors: [],
    possible: { right: 0, wrong: 0 },
    calibration: [],
  };
  for (const { name, text, labels } of corpus.documents) {
    const { suggestions: all } = extractSuggestions(text, corpus.catalogue);
    // Only confident suggestions are pre-filled, so only they count for precision and recall.
    const suggestions = all.filter((s) => s.tier === 'confident');
    const { actual, plans } = scoreDocument(suggestions, labels, text);
    const missed = scoreDocument(
      all.filter((s) => s.tier !== 'confident'),
      [...actual.falseNegatives, ...plans.falseNegatives],
      text,
    );
    result.possible.right += missed.actual.score.tp + missed.plans.score.tp;
    result.possible.wrong += missed.actual.score.fp + missed.plans.score.fp;
    const everything = scoreDocument(all, labels, text);
    const right = new Set([...everything.actual.matched, ...everything.plans.matched]);
    for (const s of all) result.calibration.push({ confidence: s.confidence, correct: right.has(s) });
    result.documents.push({ doc: name, actual: actual.score, plans: plans.score });
    result.actual = addScores(result.actual, actual.score);
    result.plans = addScores(result.plans, plans.score);
    const doc: ClassifierDocument = { text, labels, suggestions, units };
    for (const s of [...actual.falsePositives, ...plans.falsePositives]) {
      const { errorClass, reason } = classifyFalsePositive(doc, s);
      result.errors.push({ kind: 'FP', doc: name, code: s.indicatorCode, value: s.value, plan: s.isPlan, confidence: s.confidence, errorClass, reason, snippet: figureSnippet(text, s) });
    }
    for (const l of [...actual.falseNegatives, ...plans.falseNegatives] as Label[]) {
      const { errorClass, reason } = classifyFalseNegative(doc, l);
      result.errors.push({ kind: 'FN', doc: name, code: l.code, value: l.value, plan: isPlanLabel(l), errorClass, reason, snippet: l.evidence ?? '' });
    }
  }
  return result;
}
