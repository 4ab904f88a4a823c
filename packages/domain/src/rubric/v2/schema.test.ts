import { describe, expect, it } from 'vitest';
import { hunanRubric } from './fixtures/hunan';
import { universityRubric } from './fixtures/university';
import { itemMaximum, rubricV2Maximum } from './maximum';
import { ratingIssues, ratingsSchema } from './ratings';
import { rubricV2Schema, type RubricV2Input } from './schema';

const messages = (input: unknown) => {
  const result = rubricV2Schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

const small = {
  schemaVersion: 2,
  totalPoints: 10,
  categories: [{ id: 'a', titleZh: '组织建设' }],
  items: [
    { kind: 'manual', id: 'ledger', category: 'a', titleZh: '台帐齐全', points: 6 },
    { kind: 'deduction', id: 'training', category: 'a', titleZh: '参加培训', points: 4, perOccurrence: 1, occurrenceZh: '缺席' },
  ],
  raters: [{ id: 'inspection', labelZh: '考评', weight: 100 }],
  starLevels: [],
} satisfies RubricV2Input;

describe('rubric v2 validation (Chinese, naming what is wrong)', () => {
  it('accepts a small rubric and fills the defaults', () => {
    const rubric = rubricV2Schema.parse(small);
    expect(rubric.items[1]).toMatchObject({ floor: 0, forfeitZh: '', verification: [], noteZh: '' });
    expect(rubric.starReview).toBeNull();
  });

  it('refuses weights not adding up to 100 %', () => {
    expect(messages({ ...universityRubric, raters: universityRubric.raters.map((r) => ({ ...r, weight: r.id === 'peer' ? 20 : r.weight })) })).toEqual(['各评分人权重合计为 90%，应为 100%']);
    expect(messages({ ...small, raters: [{ id: 'a', labelZh: '自评', weight: -20 }, { id: 'b', labelZh: '考评', weight: 120 }] })).toEqual(['评分人“自评”的权重应在 0% 至 100% 之间', '评分人“考评”的权重应在 0% 至 100% 之间']);
  });

  it('refuses negative points, caps and floors, naming the item or category', () => {
    const bad = {
      ...small,
      totalPoints: 6,
      categories: [{ id: 'a', titleZh: '组织建设', cap: -1 }],
      items: [
        { ...small.items[0], points: -4 },
        { ...small.items[1], floor: 5, perOccurrence: 0 },
        { kind: 'bonus', id: 'home', category: 'a', titleZh: '模范教工之家', cap: -2, rule: { basis: 'level', tiers: [{ labelZh: '市级', points: 1 }] } },
      ],
    };
    expect(messages(bad)).toEqual([
      '类别“组织建设”的上限不能为负',
      '评分项“台帐齐全”的分值不能为负',
      '评分项“参加培训”的每次扣分必须大于 0',
      '评分项“参加培训”的最低得分应在 0 至 4 分之间',
      '评分项“模范教工之家”的加分上限不能为负',
    ]);
  });

  it('refuses tiers that do not go up', () => {
    const tiers = (rule: unknown) => messages({ ...small, items: [...small.items, { kind: 'bonus', id: 'b', category: 'a', titleZh: '获奖加分', rule }] });
    expect(tiers({ basis: 'level', tiers: [{ labelZh: '省级', points: 5 }, { labelZh: '市级', points: 3 }] })).toEqual(['评分项“获奖加分”的加分档次应从低到高排列，每档比上一档多']);
    expect(tiers({ basis: 'count', tiers: [{ minCount: 3, points: 1 }, { minCount: 2, points: 2 }] })).toEqual(['评分项“获奖加分”的档次起点应从小到大排列']);
    expect(tiers({ basis: 'count', tiers: [{ minCount: 0, points: 1 }] })).toEqual(['评分项“获奖加分”的档次起点应为正整数']);
    expect(tiers({ basis: 'level', tiers: [{ labelZh: '市级', points: 0 }] })).toEqual(['评分项“获奖加分”第 1 档的加分必须大于 0']);
    expect(tiers({ basis: 'level', tiers: [] })).toEqual(['请至少设置一个加分档次']);
  });

  it('refuses unknown categories, duplicate ids, a wrong 满分 and unknown kinds', () => {
    expect(messages({ ...small, items: [small.items[0], { ...small.items[1], category: 'zz' }] })).toEqual(['评分项“参加培训”所属的类别 zz 不存在']);
    expect(messages({ ...small, items: [small.items[0], { ...small.items[1], id: 'ledger' }] })).toEqual(['评分项编号 ledger 重复']);
    expect(messages({ ...small, totalPoints: 100 })).toEqual(['各类别基础分合计为 10 分，应为满分 100 分']);
    expect(messages({ ...small, items: [{ ...small.items[0], kind: 'guess' }, small.items[1]] })).toEqual(['评分项类型应为自动、人工评分、扣分、加分或一票否决']);
    expect(messages({ ...small, items: [{ ...small.items[0], verification: ['phone'] }, small.items[1]] })).toEqual(['核查方式应为查台账、实地查看、座谈或查资料']);
    expect(messages({ ...small, items: [{ ...small.items[0], titleZh: ' ' }, small.items[1]] })).toEqual(['请填写评分项名称']);
  });
});

describe('live maximum', () => {
  it('follows edits: caps, bonuses with and without a cap', () => {
    const rubric = rubricV2Schema.parse(hunanRubric);
    expect(rubricV2Maximum(rubric).base).toBe(100);
    // Drop an item: 满分 follows (and the declared total no longer matches).
    const fewer = { ...rubric, items: rubric.items.filter((i) => i.id !== 'women_rights') };
    expect(rubricV2Maximum(fewer).base).toBe(85);
    expect(messages(fewer)).toEqual(['各类别基础分合计为 85 分，应为满分 100 分']);
    // Capping a category lowers it.
    expect(rubricV2Maximum({ ...rubric, categories: rubric.categories.map((c) => (c.id === 'duties' ? { ...c, cap: 30 } : c)) }).base).toBe(90);
  });

  it('gives each item its most', () => {
    const rubric = rubricV2Schema.parse(universityRubric);
    const max = Object.fromEntries(rubric.items.map((i) => [i.id, itemMaximum(i)]));
    expect([max.duties, max.commendations, max.activity_awards, max.serious_incident]).toEqual([3, null, 3, 0]);
    const capped = rubricV2Schema.parse({ ...universityRubric, items: universityRubric.items.map((i) => (i.id === 'commendations' ? { ...i, cap: 10 } : i)) });
    expect(itemMaximum(capped.items.find((i) => i.id === 'commendations')!)).toBe(10);
    // Still uncapped: 工作经验 counts per award.
    expect(rubricV2Maximum(capped).withBonus).toBeNull();
  });
});

describe('ratings', () => {
  const rubric = rubricV2Schema.parse(universityRubric);

  it('refuses out-of-range and mismatched ratings, naming rater and item', () => {
    const ratings = ratingsSchema.parse({
      school: { chair_elected: { earned: 3 }, commendations: { tierCounts: [1] }, serious_incident: { forfeited: true } },
      nobody: {},
    });
    expect(ratingIssues(rubric, ratings).map((i) => i.message)).toEqual([
      '校级考评：“主席民主选举产生”的得分应在 0 至 1 分之间',
      '校级考评：“集体获表彰”有 4 个加分档次，填写了 1 个',
      '校级考评：“重大安全责任事故或师德失范”没有“不得分”情形',
      '评估表中没有评分人 nobody',
    ]);
    expect(ratingIssues(rubric, { self: { no_such: {} } }).map((i) => i.message)).toEqual(['自评：评估表中没有评分项 no_such']);
  });

  it('refuses bad values in the input schema itself', () => {
    expect(ratingsSchema.safeParse({ self: { duties: { occurrences: -1 } } }).error!.issues.map((i) => i.message)).toEqual(['次数不能为负']);
    // JSON.parse makes __proto__ an own key, as a request body would.
    expect(ratingsSchema.safeParse(JSON.parse('{"self":{"__proto__":{}}}')).error!.issues.map((i) => i.message)).toEqual(['“__proto__”不是有效的项目']);
  });
});
