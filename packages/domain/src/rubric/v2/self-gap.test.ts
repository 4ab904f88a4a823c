import { describe, expect, it } from 'vitest';
import { fullMarks } from './fixtures/full-marks';
import { hunanRubric } from './fixtures/hunan';
import { universityRubric } from './fixtures/university';
import { rubricV1ToV2 } from './from-v1';
import { defaultRubric } from '../default-rubric';
import { rubricV2Schema } from './schema';
import { scoreRubricV2 } from './scoring';
import { rankSelfGaps, reportSelfGap, selfGapRaters } from './self-gap';
import { rubricV2Templates } from './templates';

const hunan = rubricV2Schema.parse(hunanRubric);
const university = rubricV2Schema.parse(universityRubric);

describe('self vs inspected gap (自评 − 考评)', () => {
  it('picks the school’s column and the heaviest district column', () => {
    expect(selfGapRaters(hunan)).toMatchObject({ self: { id: 'self' }, inspected: { id: 'inspection' } });
    // 校级考评 30 % and 互评 30 %: the first on a tie.
    expect(selfGapRaters(university)).toMatchObject({ self: { id: 'self' }, inspected: { id: 'school' } });
    // v1 read as v2 has 自评 (weight 0, by the school) and 验收.
    expect(selfGapRaters(rubricV1ToV2(defaultRubric))).toMatchObject({ self: { id: 'self' }, inspected: { id: 'acceptance' } });
    expect(selfGapRaters({ raters: [{ id: 'only', labelZh: '考评', weight: 100, by: 'district' }] })).toEqual({ self: null, inspected: { id: 'only', labelZh: '考评', weight: 100, by: 'district' } });
  });

  it('gives the gap in total and per item, largest over-rating first (湖南, hand-worked)', () => {
    // 自评: full marks but 公开栏 1 of 2 (under-rated). 考评: full marks but 委员会 2 of 4,
    // 五必访 3 漏访 → 5 − 3 = 2, 女教职工 12 of 15.
    const self = fullMarks(hunan, { disclosure_board: { earned: 1 } });
    const inspection = fullMarks(hunan, { committees: { earned: 2 }, five_visits: { occurrences: 3 }, women_rights: { earned: 12 } });
    const ratings = { self, inspection };
    const score = scoreRubricV2(hunan, { ratings });
    const gap = reportSelfGap(hunan, score, ratings)!;
    // 自评 100 − 1 = 99; 考评 100 − 2 − 3 − 3 = 92 → gap 7.
    expect(gap).toMatchObject({ selfRaterId: 'self', inspectedRaterId: 'inspection', selfTotal: 99, inspectedTotal: 92, gap: 7 });
    expect(gap.items.map((i) => [i.itemId, i.self, i.inspected, i.gap])).toEqual([
      ['five_visits', 5, 2, 3],
      ['women_rights', 15, 12, 3],
      ['committees', 4, 2, 2],
      ['disclosure_board', 1, 2, -1],
    ]);
    // 综评分 = 99 × 30 % + 92 × 70 % = 29.7 + 64.4 = 94.1: the self column weighs in, the gap is what it adds.
    expect(score.combined).toBe(94.1);
  });

  it('counts caps and bonuses as each column scored them (高校: 开展活动 capped at 20, uncapped bonus)', () => {
    // 自评 claims two 省级 commendations (+6) and 5 awards (+3); 校级考评 finds one 省级 (+3) and 2 awards (+1);
    // 开展活动 24 → 20 in both columns, so no gap there.
    const self = fullMarks(university, { commendations: { tierCounts: [0, 0, 2, 0] }, activity_awards: { count: 5 } });
    const school = fullMarks(university, { commendations: { tierCounts: [0, 0, 1, 0] }, activity_awards: { count: 2 }, clubs: { earned: 2 } });
    const ratings = { self, school };
    const gap = reportSelfGap(university, scoreRubricV2(university, { ratings }), ratings)!;
    // 自评 100 + 6 + 3 = 109; 校级 (开展活动 8 + 2 + 6 + 4 = 20, still the cap) 100 + 3 + 1 = 104.
    expect([gap.selfTotal, gap.inspectedTotal, gap.gap]).toEqual([109, 104, 5]);
    expect(gap.items.map((i) => [i.itemId, i.gap])).toEqual([
      ['clubs', 4],
      ['commendations', 3],
      ['activity_awards', 2],
    ]);
  });

  it('is null until both columns have been filled in', () => {
    const only = { inspection: fullMarks(hunan) };
    expect(reportSelfGap(hunan, scoreRubricV2(hunan, { ratings: only }), only)).toBeNull();
    const none = {};
    expect(reportSelfGap(hunan, scoreRubricV2(hunan, { ratings: none }), none)).toBeNull();
  });

  it('ranks schools by the gap, largest over-rating first, ties by name', () => {
    const rows = [
      { schoolName: '乙校', gap: 2 },
      { schoolName: '甲校', gap: -3 },
      { schoolName: '丙校', gap: 7 },
      { schoolName: '丁校', gap: 2 },
    ];
    expect(rankSelfGaps(rows).map((r) => r.schoolName)).toEqual(['丙校', '丁校', '乙校', '甲校']);
  });

  it('offers the three tables and the default as valid starting templates', () => {
    const templates = rubricV2Templates();
    expect(templates.map((t) => t.id)).toEqual(['kunshan', 'hunan', 'university', 'default']);
    for (const t of templates) expect(rubricV2Schema.safeParse(t.rubric).success).toBe(true);
  });
});

describe('v2 back to v1', () => {
  it('gives v1 back for a rubric of automatic items only, null for anything else', async () => {
    const { rubricV2ToV1, rubricV2IsRated } = await import('./to-v1');
    expect(rubricV2ToV1(rubricV1ToV2(defaultRubric))).toEqual(defaultRubric);
    expect(rubricV2IsRated(rubricV1ToV2(defaultRubric))).toBe(false);
    expect(rubricV2ToV1(hunan)).toBeNull();
    expect(rubricV2IsRated(hunan)).toBe(true);
  });
});

describe('查漏补缺 under v2', () => {
  it('lists the items the 综评 fell short on, largest first, with the heaviest rater’s lines (湖南, hand-worked)', async () => {
    const { rubricV2Gaps } = await import('./gaps');
    // 自评 30 % full marks; 考评 70 %: 女教职工 12 of 15 (−3), 五必访 3 漏访 (5 → 2, −3), 委员会 3 of 4 (−1).
    const ratings = { self: fullMarks(hunan), inspection: fullMarks(hunan, { women_rights: { earned: 12 }, five_visits: { occurrences: 3 }, committees: { earned: 3 } }) };
    const gaps = rubricV2Gaps(hunan, scoreRubricV2(hunan, { ratings }));
    // Weighted: −3 × 70 % = −2.1, −2.1, −0.7.
    expect(gaps.map((g) => [g.itemId, g.lost, g.adviceZh])).toEqual([
      ['five_visits', 2.1, '五必访：漏访 3 次，-3'],
      ['women_rights', 2.1, '维护女教职工权益：-3'],
      ['committees', 0.7, '工会委员会、女工委、经审委健全：-1'],
    ]);
  });
});
