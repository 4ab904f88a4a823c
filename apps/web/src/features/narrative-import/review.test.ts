import { defaultCatalogue, type Suggestion } from '@union/domain';
import { describe, expect, it } from 'vitest';
import {
  collectSources,
  collectValues,
  excerptOf,
  otherYearOf,
  yearsInText,
  confidenceLevel,
  groupSuggestions,
  hasConflict,
  initialItems,
  narrativeFromSections,
  narrativeHasText,
  parseValueInput,
  sumParts,
  totalOfParts,
  type ItemState,
} from './review';

function s(indicatorCode: string, value: number, extra: Partial<Suggestion> = {}): Suggestion {
  return {
    indicatorCode,
    value,
    unit: '人',
    approx: false,
    isPlan: false,
    evidence: { start: 0, end: 5, sentence: '句子', figure: { start: 1, end: 3 } },
    confidence: 0.95,
    tier: 'confident',
    ...extra,
  };
}

const accept = (input: string): ItemState => ({ accepted: true, rejected: false, input });

describe('conflicts', () => {
  it('is a conflict only when the draft has a different value', () => {
    expect(hasConflict(null, 12)).toBe(false);
    expect(hasConflict(undefined, 12)).toBe(false);
    expect(hasConflict(12, 12)).toBe(false);
    expect(hasConflict(0, 12)).toBe(true);
    expect(hasConflict(11, 12)).toBe(true);
  });
});

describe('initialItems', () => {
  it('accepts sure achievements, not plans, conflicts, unsure ones or a second figure for one indicator', () => {
    const suggestions = [
      s('sick_visits', 12),
      s('health_checkup_participants', 86),
      s('facility_investment', 100000, { isPlan: true }),
      s('sick_visit_amount', 3600),
      s('mentor_pairs', 8, { confidence: 0.4 }),
      s('health_checkup_participants', 20),
    ];
    const items = initialItems(suggestions, { sick_visit_amount: 3000, sick_visits: 12 });
    expect(items.map((i) => i.accepted)).toEqual([true, true, false, false, false, false]);
    expect(items.map((i) => i.input)).toEqual(['12', '86', '100000', '3600', '8', '20']);
  });

  it('leaves possible suggestions (「可能相关」) unticked, and a later confident one for the same indicator is still the first', () => {
    const suggestions = [s('sick_visits', 5, { tier: 'possible', confidence: 0.72 }), s('sick_visits', 12), s('mentor_pairs', 8, { tier: 'possible', confidence: 0.9 })];
    expect(initialItems(suggestions, {}).map((i) => i.accepted)).toEqual([false, true, false]);
  });
});

describe('grouping and parts', () => {
  it('groups by category in catalogue order, plans apart', () => {
    const suggestions = [s('health_checkup_participants', 86), s('sick_visits', 12), s('mentor_pairs', 8), s('sick_visits', 3), s('facility_investment', 1e5, { isPlan: true }), s('unknown_code', 1)];
    const { achievements, plans } = groupSuggestions(suggestions, defaultCatalogue);
    expect(achievements.map((g) => [g.category, g.indicators.map((i) => [i.indicator.code, i.ids])])).toEqual([
      ['aid', [['sick_visits', [1, 3]]]],
      ['health', [['health_checkup_participants', [0]]]],
      ['development', [['mentor_pairs', [2]]]],
    ]);
    expect(plans.map((g) => [g.category, g.indicators.map((i) => i.indicator.code)])).toEqual([['culture', ['facility_investment']]]);
  });

  it('puts possible suggestions in their own group, plans apart whatever their tier', () => {
    const suggestions = [s('sick_visits', 12), s('mentor_pairs', 8, { tier: 'possible' }), s('facility_investment', 1e5, { isPlan: true, tier: 'possible' })];
    const { achievements, possible, plans } = groupSuggestions(suggestions, defaultCatalogue);
    expect(achievements.flatMap((g) => g.indicators.map((i) => i.ids))).toEqual([[0]]);
    expect(possible.flatMap((g) => g.indicators.map((i) => i.ids))).toEqual([[1]]);
    expect(plans.flatMap((g) => g.indicators.map((i) => i.ids))).toEqual([[2]]);
  });

  it('finds a figure that is already the total of the others', () => {
    expect(totalOfParts([15, 8, 7])).toBe(0);
    expect(totalOfParts([8, 7, 15])).toBe(2);
    expect(totalOfParts([8, 7, 4])).toBe(-1);
    expect(totalOfParts([8, 8])).toBe(-1);
  });

  it('adds parts without floating-point noise', () => {
    expect(sumParts([8, 7])).toBe(15);
    expect(sumParts([0.1, 0.2])).toBe(0.3);
    expect(sumParts([])).toBe(0);
  });

  it('collects accepted values, adding several accepted parts of one indicator', () => {
    const suggestions = [s('mentor_pairs', 8), s('mentor_pairs', 7), s('sick_visits', 12), s('health_checkup_participants', 86)];
    const items = [accept('8'), accept('7'), accept('1,200'), { accepted: true, rejected: true, input: '86' }];
    const collected = collectValues(suggestions, items, { sick_visits: 10 });
    expect(collected.values).toEqual({ mentor_pairs: 15, sick_visits: 1200 });
    expect(collected.overwrites).toEqual(['sick_visits']);
    expect(collected.invalid).toEqual([]);
  });

  it('reports accepted values that are not numbers and leaves them out', () => {
    const collected = collectValues([s('sick_visits', 12), s('mentor_pairs', 3)], [accept('十二'), { accepted: false, rejected: false, input: 'x' }], {});
    expect(collected).toEqual({ values: {}, invalid: [0], overwrites: [] });
  });
});

describe('inputs and labels', () => {
  it('parses typed numbers', () => {
    expect(parseValueInput('3600')).toBe(3600);
    expect(parseValueInput(' 1,200.5 ')).toBe(1200.5);
    expect(parseValueInput('')).toBeNull();
    expect(parseValueInput('-3')).toBeNull();
    expect(parseValueInput('1e5')).toBeNull();
  });

  it('words confidence as high, medium or low', () => {
    expect([0.95, 0.85, 0.7, 0.6, 0.3].map(confidenceLevel)).toEqual(['high', 'high', 'medium', 'medium', 'low']);
  });
});

describe('narrative', () => {
  it('keeps the sections, or all the text under achievements without headings', () => {
    expect(narrativeFromSections('x', { achievements: ' 成绩 ', shortcomings: '不足', plans: '' })).toEqual({ achievements: '成绩', shortcomings: '不足', plans: '' });
    expect(narrativeFromSections(' 全文 ', { achievements: '', shortcomings: '', plans: '' })).toEqual({ achievements: '全文', shortcomings: '', plans: '' });
  });

  it('knows when the draft already has narrative text', () => {
    expect(narrativeHasText(null)).toBe(false);
    expect(narrativeHasText({ achievements: ' ', shortcomings: '', plans: '' })).toBe(false);
    expect(narrativeHasText({ achievements: '', shortcomings: '', plans: '明年' })).toBe(true);
  });
});

describe('sources of applied values', () => {
  const sentence = '全年共慰问生病教职工12人次。';
  const sick = (value: number, at = 20) => s('sick_visits', value, { evidence: { start: at, end: at + sentence.length, sentence, figure: { start: at + 10, end: at + 14 } } });

  it('keeps each applied value’s sentence with the figure’s place in it and the document name', () => {
    const suggestions = [sick(12)];
    const items = [accept('12')];
    const { values } = collectValues(suggestions, items, {});
    expect(collectSources(suggestions, items, values, '总结.docx')).toEqual({
      sick_visits: { value: 12, document: '总结.docx', excerpts: [{ sentence, figureStart: 10, figureEnd: 14 }] },
    });
    expect(sentence.slice(10, 14)).toBe('12人次');
  });

  it('keeps every sentence of a value added up from parts, and none for a value retyped in the review', () => {
    const suggestions = [sick(5, 0), sick(7, 40)];
    const items = [accept('5'), accept('7')];
    expect(collectSources(suggestions, items, collectValues(suggestions, items, {}).values, '').sick_visits?.excerpts).toHaveLength(2);
    const retyped = [accept('5'), accept('8')];
    expect(collectSources(suggestions, retyped, collectValues(suggestions, retyped, {}).values, '')).toEqual({});
  });

  it('cuts a very long sentence to a window around the figure', () => {
    const long = `${'甲'.repeat(600)}12人次${'乙'.repeat(600)}`;
    const e = excerptOf(s('sick_visits', 12, { evidence: { start: 0, end: long.length, sentence: long, figure: { start: 600, end: 604 } } }));
    expect(e.sentence.length).toBe(500);
    expect(e.sentence.slice(e.figureStart, e.figureEnd)).toBe('12人次');
  });
});

describe('years named in a pasted summary', () => {
  it('finds years in digits and in Chinese numerals, most named first', () => {
    expect(yearsInText('2012年工会工作总结。2012年度我校… 2011-2012学年')).toEqual([2012, 2011]);
    expect(yearsInText('二〇一二年工作总结')).toEqual([2012]);
    expect(yearsInText('共有2012名学生，投入20000元')).toEqual([]);
  });

  it('warns only when the summary never names the reporting year', () => {
    expect(otherYearOf('2012年工会工作总结', 2026)).toBe(2012);
    expect(otherYearOf('2026年工作总结，回顾2025年…', 2026)).toBeNull();
    expect(otherYearOf('本年度工会工作总结', 2026)).toBeNull();
  });
});
