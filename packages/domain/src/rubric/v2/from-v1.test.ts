import { describe, expect, it } from 'vitest';
import { categoryCodes } from '../../catalogue/indicator';
import { honourLevels, type Honour } from '../../report/report';
import { defaultRubric } from '../default-rubric';
import { pointsByCategory, rubricSchema, type Rubric } from '../rubric';
import { scoreReport, type ScoringInput } from '../scoring';
import { parseRubricDefinition, rubricV1ToV2 } from './from-v1';
import { rubricV2Maximum } from './maximum';
import { scoreRubricV2 } from './scoring';

// A small deterministic generator, so a failure names a reproducible case.
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function inputs(rubric: Rubric, count: number): ScoringInput[] {
  const next = random(2026);
  const codes = [...new Set(rubric.items.flatMap((i) => (i.method.kind === 'ratio_to_target' ? [i.method.numerator, i.method.denominator] : 'indicator' in i.method ? [i.method.indicator] : [])))];
  return Array.from({ length: count }, (_, n) => {
    const values: Record<string, number> = {};
    for (const code of codes) if (next() < 0.85) values[code] = Math.floor(next() * (n % 3 === 0 ? 200 : 20));
    const honours: Honour[] = Array.from({ length: Math.floor(next() * 5) }, (_, k) => ({ title: `荣誉${k}`, level: honourLevels[Math.floor(next() * honourLevels.length)]!, kind: 'collective', recipient: '' }));
    const achievements = '师德'.repeat(Math.floor(next() * 5));
    return { values, honours, narrative: { achievements, shortcomings: '', plans: '师德' }, staffCount: next() < 0.1 ? null : 20 + Math.floor(next() * 200) };
  });
}

/** The category scores exactly as apps/server's refreshScores stores them. */
function v1CategoryScores(rubric: Rubric, input: ScoringInput): Record<string, number> {
  const categoryOf = new Map(rubric.items.map((i) => [i.id, i.category]));
  const out: Record<string, number> = {};
  for (const item of scoreReport(rubric, input).items) {
    const c = categoryOf.get(item.itemId)!;
    out[c] = Math.round(((out[c] ?? 0) + item.earned) * 100) / 100;
  }
  return out;
}

describe('a v1 rubric read as v2', () => {
  const v2 = rubricV1ToV2(defaultRubric);

  it('keeps every item as an automatic one with two raters, 综评 = 验收', () => {
    expect(v2.items.every((i) => i.kind === 'automatic')).toBe(true);
    expect(v2.items.map((i) => i.id)).toEqual(defaultRubric.items.map((i) => i.id));
    expect(v2.raters.map((r) => [r.labelZh, r.weight, r.by])).toEqual([
      ['自评', 0, 'school'],
      ['验收', 100, 'district'],
    ]);
    expect(v2.categories.map((c) => c.id)).toEqual(categoryCodes.filter((c) => defaultRubric.items.some((i) => i.category === c)));
    const max = rubricV2Maximum(v2);
    expect(max.base).toBe(100);
    expect(max.withBonus).toBe(100);
    expect(max.categories.map((c) => ({ code: c.categoryId, maxPoints: c.base }))).toEqual(pointsByCategory(defaultRubric));
  });

  it('gives the default (demo) rubric the same total, stars, item and category scores as v1 for 500 reports', () => {
    for (const input of inputs(defaultRubric, 500)) {
      const v1 = scoreReport(defaultRubric, input);
      const score = scoreRubricV2(v2, { figures: input, ratings: {} });
      expect(score.combined).toBe(v1.total);
      expect(score.stars).toBe(v1.stars);
      expect(score.complete).toBe(true);
      expect(Object.fromEntries(score.items.map((i) => [i.itemId, i.earned]))).toEqual(Object.fromEntries(v1.items.map((i) => [i.itemId, i.earned])));
      const categories = Object.fromEntries(score.categories.map((c) => [c.categoryId, c.earned]));
      expect(categories).toEqual(v1CategoryScores(defaultRubric, input));
      for (const rater of score.raters) expect(rater.total).toBe(v1.total);
    }
  });

  it('is the same whatever the raters weigh, as automatic items score alike for each', () => {
    const evenly = { ...v2, raters: v2.raters.map((r) => ({ ...r, weight: 50 })) };
    for (const input of inputs(defaultRubric, 100)) expect(scoreRubricV2(evenly, { figures: input, ratings: {} }).combined).toBe(scoreReport(defaultRubric, input).total);
  });

  it('reads stored definitions of both versions', () => {
    const storedV1 = JSON.parse(JSON.stringify(defaultRubric));
    expect(parseRubricDefinition(storedV1)).toEqual(v2);
    expect(parseRubricDefinition(JSON.parse(JSON.stringify(v2)))).toEqual(v2);
    // A v1 definition that is not valid keeps v1's Chinese message.
    expect(() => parseRubricDefinition({ ...storedV1, items: [] })).toThrow('评估表至少需要一个评分项');
  });

  it('explains the 综评分 and lost points as 查漏补缺 lines', () => {
    const rubric = rubricSchema.parse({
      starLevels: [{ minScore: 90, stars: 5 }],
      items: [
        { id: 'congress', category: 'democracy', titleZh: '召开教代会', points: 40, method: { kind: 'reach_target', indicator: 'congress_sessions', target: 2 } },
        { id: 'disclosure', category: 'democracy', titleZh: '校务公开', points: 60, method: { kind: 'linear_to_target', indicator: 'affairs_disclosure_items', target: 10 } },
      ],
    });
    const score = scoreRubricV2(rubricV1ToV2(rubric), { figures: { values: { congress_sessions: 1, affairs_disclosure_items: 7 }, honours: [], narrative: { achievements: '', shortcomings: '', plans: '' }, staffCount: 100 }, ratings: {} });
    // 1 < 2 → 0 of 40; 7/10 × 60 = 42 → 18 lost.
    expect(score.combined).toBe(42);
    expect(score.lines).toEqual(['综评分 = 验收 42']);
    expect(score.raters[1]!.lines).toEqual(['召开教代会：-40', '校务公开：-18']);
  });
});
