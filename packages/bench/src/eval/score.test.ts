import type { Suggestion } from '@union/domain';
import { describe, expect, it } from 'vitest';
import { matchSuggestions, metrics, scoreDocument } from './score';

function suggestion(code: string, value: number, figureStart: number, isPlan = false): Suggestion {
  return {
    indicatorCode: code,
    value,
    unit: '次',
    approx: false,
    tier: 'confident',
    isPlan,
    confidence: 1,
    evidence: { start: 0, end: 0, sentence: '', figure: { start: figureStart, end: figureStart + 2 } },
  };
}

describe('matching suggestions to labels', () => {
  it('counts one-to-one on code and value', () => {
    const result = matchSuggestions([suggestion('a', 1, 0), suggestion('a', 1, 5), suggestion('b', 2, 9)], [{ code: 'a', value: 1 }, { code: 'b', value: 3 }]);
    expect(result.score).toEqual({ tp: 1, fp: 2, fn: 1 });
  });

  it('given the text, leaves unmatched the label whose evidence the suggestion does not cover', () => {
    const text = '上半年活动3次。下半年共3次活动。';
    const secondHalf = text.indexOf('3次活动');
    const labels = [
      { code: 'events', value: 3, evidence: '活动3次', note: 'part' },
      { code: 'events', value: 3, evidence: '共3次活动', note: 'part' },
    ];
    const result = matchSuggestions([suggestion('events', 3, secondHalf)], labels, text);
    expect(result.falseNegatives.map((l) => l.evidence)).toEqual(['活动3次']);
  });

  it('scores plans apart from actual figures', () => {
    const { actual, plans } = scoreDocument([suggestion('a', 1, 0, true)], [{ code: 'a', value: 1 }]);
    expect(actual.score).toEqual({ tp: 0, fp: 0, fn: 1 });
    expect(plans.score).toEqual({ tp: 0, fp: 1, fn: 0 });
  });

  it('computes precision, recall and F1 (empty sets count as perfect)', () => {
    expect(metrics({ tp: 3, fp: 1, fn: 2 })).toEqual({ precision: 0.75, recall: 0.6, f1: (2 * 0.75 * 0.6) / 1.35 });
    expect(metrics({ tp: 0, fp: 0, fn: 0 })).toEqual({ precision: 1, recall: 1, f1: 1 });
  });
});
