import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../catalogue/default-catalogue';
import { defaultRubric } from './default-rubric';
import { pointsByCategory, rubricSchema, starsFor, type Rubric } from './rubric';
import { findGaps, scoreReport, type ScoringInput } from './scoring';

const narrative = { achievements: '开展师德演讲。师德标兵评选。', shortcomings: '', plans: '师德' };

const rubric: Rubric = rubricSchema.parse({
  starLevels: [
    { minScore: 90, stars: 5 },
    { minScore: 60, stars: 2 },
  ],
  items: [
    { id: 'congress', category: 'democracy', titleZh: '召开教代会', points: 10, method: { kind: 'reach_target', indicator: 'congress_sessions', target: 2 } },
    { id: 'disclosure', category: 'democracy', titleZh: '校务公开', points: 20, method: { kind: 'linear_to_target', indicator: 'affairs_disclosure_items', target: 10 } },
    { id: 'sick', category: 'aid', titleZh: '探病', points: 20, method: { kind: 'rate_per_100_staff', indicator: 'sick_visits', target: 10 } },
    { id: 'proposals', category: 'democracy', titleZh: '提案办结率', points: 10, method: { kind: 'ratio_to_target', numerator: 'proposals_resolved', denominator: 'proposals_collected', target: 0.8 } },
    { id: 'honours', category: 'honours', titleZh: '荣誉', points: 20, method: { kind: 'honours', minLevel: 'municipal', target: 2 } },
    { id: 'ethics', category: 'ethics', titleZh: '师德实例', points: 20, method: { kind: 'narrative_evidence', keywords: ['师德'], target: 4 } },
  ],
});

const input: ScoringInput = {
  values: { congress_sessions: 1, affairs_disclosure_items: 7, sick_visits: 6, proposals_resolved: 6, proposals_collected: 10 },
  honours: [
    { title: '市模范职工之家', level: 'municipal', kind: 'collective', recipient: '' },
    { title: '区优秀教师', level: 'county', kind: 'individual', recipient: '张敏' },
  ],
  narrative,
  staffCount: 120,
};

describe('rubric scoring (hand-worked example)', () => {
  it('scores every method as worked out by hand', () => {
    const score = scoreReport(rubric, input);
    const earned = Object.fromEntries(score.items.map((i) => [i.itemId, i.earned]));
    // 1 < 2 sessions → 0; 7/10 × 20 = 14; 6/120×100 = 5 per 100 → 5/10 × 20 = 10;
    // 6/10 = 0.6 of 0.8 → 0.75 × 10 = 7.5; 1 municipal+ honour of 2 → 10; 2 mentions (narrative plans excluded) of 4 → 10.
    expect(earned).toEqual({ congress: 0, disclosure: 14, sick: 10, proposals: 7.5, honours: 10, ethics: 10 });
    expect(score.total).toBe(51.5);
    expect(score.stars).toBe(0);
  });

  it('caps each item at its points and gives stars by threshold', () => {
    const full = scoreReport(rubric, {
      ...input,
      values: { congress_sessions: 5, affairs_disclosure_items: 30, sick_visits: 50, proposals_resolved: 10, proposals_collected: 10 },
      honours: [...input.honours, { title: '省先进', level: 'provincial', kind: 'collective', recipient: '' }],
      narrative: { ...narrative, achievements: '师德师德师德师德' },
    });
    expect(full.total).toBe(100);
    expect(full.stars).toBe(5);
    expect(starsFor(rubric, 60)).toBe(2);
  });

  it('scores missing data as zero without failing (no staff count, no denominator)', () => {
    const score = scoreReport(rubric, { values: { proposals_collected: 0 }, honours: [], narrative: { achievements: '', shortcomings: '', plans: '' }, staffCount: null });
    expect(score.total).toBe(0);
    expect(score.items.every((i) => i.measured === null || i.measured === 0)).toBe(true);
  });

  it('lists gaps, largest first, with what it would take', () => {
    const gaps = findGaps(rubric, input, defaultCatalogue);
    // Ties keep the rubric's order.
    expect(gaps.map((g) => [g.itemId, g.lost])).toEqual([
      ['congress', 10],
      ['sick', 10],
      ['honours', 10],
      ['ethics', 10],
      ['disclosure', 6],
      ['proposals', 2.5],
    ]);
    const advice = Object.fromEntries(gaps.map((g) => [g.itemId, g.adviceZh]));
    expect(advice.congress).toBe('教代会召开次数再增加 1 次可得 +10 分');
    expect(advice.disclosure).toBe('校务公开事项数再增加 3 项可得 +6 分');
    // 10 per 100 × 120 staff = 12 visits; 6 done → 6 more.
    expect(advice.sick).toBe('探望慰问病患人次再增加 6 人次（每百名教职工达到 10）可得 +10 分');
    // 0.8 × 10 = 8 resolved; 6 done → 2 more.
    expect(advice.proposals).toBe('提案办结数再增加 2 份（达到征集提案数的 80%）可得 +2.5 分');
    expect(advice.honours).toBe('再获得 1 项市级及以上荣誉可得 +10 分');
    expect(advice.ethics).toBe('在总结中补充“师德”方面的工作 2 处可得 +10 分');
  });
});

describe('rubric validation', () => {
  it('accepts the default rubric (100 points)', () => {
    expect(rubricSchema.safeParse(defaultRubric).success).toBe(true);
    for (const item of defaultRubric.items) {
      const m = item.method;
      const codes = m.kind === 'ratio_to_target' ? [m.numerator, m.denominator] : 'indicator' in m ? [m.indicator] : [];
      for (const code of codes) expect(defaultCatalogue.some((i) => i.code === code)).toBe(true);
    }
  });

  it('refuses points that do not add up, non-positive targets and duplicate ids, in Chinese', () => {
    const bad = {
      starLevels: [],
      items: [
        { id: 'a', category: 'aid', titleZh: 'A', points: 60, method: { kind: 'reach_target', indicator: 'sick_visits', target: 0 } },
        { id: 'a', category: 'aid', titleZh: 'B', points: 30, method: { kind: 'linear_to_target', indicator: 'sick_visits', target: 5 } },
      ],
    };
    const result = rubricSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toContain('目标值必须大于 0');
  });

  it('reports the wrong total and duplicate ids once the items are valid', () => {
    const result = rubricSchema.safeParse({
      starLevels: [],
      items: [
        { id: 'a', category: 'aid', titleZh: 'A', points: 60, method: { kind: 'reach_target', indicator: 'sick_visits', target: 1 } },
        { id: 'a', category: 'aid', titleZh: 'B', points: 30, method: { kind: 'linear_to_target', indicator: 'sick_visits', target: 5 } },
      ],
    });
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toEqual(['各评分项分值合计为 90 分，应为 100 分', '评分项编号 a 重复']);
  });
});

describe('points by category', () => {
  it('sums the default rubric per category in catalogue order', () => {
    const points = pointsByCategory(defaultRubric);
    expect(points[0]).toEqual({ code: 'ethics', maxPoints: 12 });
    expect(points.reduce((s, p) => s + p.maxPoints, 0)).toBe(100);
    expect(points.map((p) => p.code)).not.toContain('basics');
  });
});
