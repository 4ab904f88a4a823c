import { describe, expect, it } from 'vitest';
import type { Indicator } from '../catalogue/indicator';
import { groupFilterSchema, groupKeysOf, groupsOfSet, matchesGroupFilter, stageOf, typesOfStage, type GroupedSchool } from './groups';
import { summariseGroups } from './group-summary';

const school = (over: Partial<GroupedSchool> = {}): GroupedSchool => ({ schoolType: 'primary', locality: 'urban', ownership: 'public', groupIds: [], ...over });

describe('school groups', () => {
  it('maps every school type to a 学段', () => {
    expect(stageOf('kindergarten')).toBe('preschool');
    expect(stageOf('vocational')).toBe('vocational');
    expect(typesOfStage('preschool')).toEqual(['kindergarten']);
  });

  it('gives each school its group keys per set; none when not recorded or in no district group', () => {
    const s = school({ locality: null, groupIds: [4, 7] });
    expect(groupKeysOf(s, 'stage')).toEqual(['primary']);
    expect(groupKeysOf(s, 'locality')).toEqual(['none']);
    expect(groupKeysOf(s, 'ownership')).toEqual(['public']);
    expect(groupKeysOf(s, 'groups')).toEqual(['4', '7']);
    expect(groupKeysOf(school(), 'groups')).toEqual(['none']);
  });

  it('matches filters, district groups by id', () => {
    expect(matchesGroupFilter(school({ groupIds: [4] }), { set: 'groups', value: 4 })).toBe(true);
    expect(matchesGroupFilter(school(), { set: 'locality', value: 'rural' })).toBe(false);
    expect(matchesGroupFilter(school({ schoolType: 'kindergarten' }), { set: 'stage', value: 'preschool' })).toBe(true);
  });

  it('refuses a filter whose value does not belong to its set, in Chinese', () => {
    const r = groupFilterSchema.safeParse({ set: 'locality', value: 'moon' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.message).toContain('城区');
    expect(groupFilterSchema.safeParse({ set: 'groups', value: 2 ** 31 }).success).toBe(false);
  });

  it('lists the groups of a set with a 未分组 / 未填写 group last', () => {
    expect(groupsOfSet('groups', [{ id: 3, name: '实验集团' }]).map((g) => g.key)).toEqual(['3', 'none']);
    expect(groupsOfSet('locality').at(-1)!.label.zh).toBe('未填写');
  });
});

describe('summariseGroups', () => {
  const count = { code: 'sick_visits', valueType: 'integer' } as Indicator;
  const share = { code: 'member_share', valueType: 'percent' } as Indicator;
  it('counts schools, totals and medians figures, and computes per 100 staff from the sums', () => {
    const rows = summariseGroups(
      [{ key: 'a', label: { zh: 'A', en: 'A' } }, { key: 'b', label: { zh: 'B', en: 'B' } }, { key: 'c', label: { zh: 'C', en: 'C' } }],
      [
        { groupKeys: ['a'], staff: 50, score: 80, figures: { sick_visits: 10, member_share: 90 } },
        { groupKeys: ['a', 'b'], staff: 150, score: 90, figures: { sick_visits: 30, member_share: 70 } },
        { groupKeys: ['b'], staff: 100, score: null, figures: null },
      ],
      [count, share],
    );
    expect(rows.map((r) => r.key)).toEqual(['a', 'b']);
    const a = rows[0]!;
    expect(a).toMatchObject({ schoolCount: 2, scoredSchools: 2, scoreMedian: 85 });
    expect(a.indicators.sick_visits).toEqual({ reporting: 2, total: 40, median: 20, perHundredStaff: 20 });
    // Percentages: a median, never a total or a rate.
    expect(a.indicators.member_share).toEqual({ reporting: 2, total: null, median: 80, perHundredStaff: null });
    expect(rows[1]!.indicators.sick_visits).toEqual({ reporting: 1, total: 30, median: 30, perHundredStaff: 20 });
  });
});
