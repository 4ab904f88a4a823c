import { z } from 'zod';
import { zodMessage as m, type Localized } from '../i18n/locale';
import { idSchema } from '../validation/safe-input';
import type { SchoolType } from '../school/school';

/*
 * School groups, after DHIS2's org-unit group sets: each set sorts schools
 * into groups. Three sets are built in — 学段 (stage, from the school type),
 * 城区/乡镇/农村 (locality) and 公办/民办 (ownership) — and the district
 * defines its own groups (教育集团, 新优质学校…) in `school_groups`. Built-in
 * sets are exclusive (one group per school); a school may belong to several
 * district groups.
 */

export const schoolStages = ['preschool', 'primary', 'junior', 'senior', 'nine_year', 'vocational'] as const;
export type SchoolStage = (typeof schoolStages)[number];
export const schoolStageLabels: Record<SchoolStage, Localized> = {
  preschool: { zh: '学前', en: 'Pre-school' },
  primary: { zh: '小学', en: 'Primary' },
  junior: { zh: '初中', en: 'Junior secondary' },
  senior: { zh: '高中', en: 'Senior secondary' },
  nine_year: { zh: '九年一贯', en: 'Nine-year' },
  vocational: { zh: '中职', en: 'Vocational' },
};
const stageByType: Record<SchoolType, SchoolStage> = {
  kindergarten: 'preschool',
  primary: 'primary',
  junior: 'junior',
  senior: 'senior',
  nine_year: 'nine_year',
  vocational: 'vocational',
};
/** 学段 of a school, from its type. */
export const stageOf = (type: SchoolType): SchoolStage => stageByType[type];
/** The school types of a stage (for SQL filters). */
export const typesOfStage = (stage: SchoolStage): SchoolType[] => (Object.keys(stageByType) as SchoolType[]).filter((t) => stageByType[t] === stage);

export const localities = ['urban', 'town', 'rural'] as const;
export type Locality = (typeof localities)[number];
export const localityLabels: Record<Locality, Localized> = {
  urban: { zh: '城区', en: 'Urban' },
  town: { zh: '乡镇', en: 'Town' },
  rural: { zh: '农村', en: 'Rural' },
};
export const localitySchema = z.enum(localities, { error: m(() => ({ zh: '城乡类别只能是城区、乡镇或农村', en: 'Locality must be urban, town or rural' })) });

export const ownerships = ['public', 'private'] as const;
export type Ownership = (typeof ownerships)[number];
export const ownershipLabels: Record<Ownership, Localized> = {
  public: { zh: '公办', en: 'Public' },
  private: { zh: '民办', en: 'Private' },
};
export const ownershipSchema = z.enum(ownerships, { error: m(() => ({ zh: '办学性质只能是公办或民办', en: 'Ownership must be public or private' })) });

/** The group sets a comparison can be filtered or grouped by; `groups` = the district's own groups. */
export const groupSets = ['stage', 'locality', 'ownership', 'groups'] as const;
export type GroupSet = (typeof groupSets)[number];
export const groupSetLabels: Record<GroupSet, Localized> = {
  stage: { zh: '学段', en: 'Stage' },
  locality: { zh: '城乡类别', en: 'Locality' },
  ownership: { zh: '办学性质', en: 'Ownership' },
  groups: { zh: '区定分组', en: 'District groups' },
};
export const groupSetSchema = z.enum(groupSets, { error: m(() => ({ zh: '分组方式只能是学段、城乡类别、办学性质或区定分组', en: 'Group by stage, locality, ownership or district groups' })) });

/** One group to filter by: a built-in group, or a district group by id. */
export const groupFilterSchema = z.discriminatedUnion(
  'set',
  [
    z.object({ set: z.literal('stage'), value: z.enum(schoolStages, { error: m(() => ({ zh: '学段无效', en: 'Unknown stage' })) }) }),
    z.object({ set: z.literal('locality'), value: localitySchema }),
    z.object({ set: z.literal('ownership'), value: ownershipSchema }),
    z.object({ set: z.literal('groups'), value: idSchema }),
  ],
  { error: m(() => ({ zh: '分组筛选无效', en: 'Invalid group filter' })) },
);
export type GroupFilter = z.infer<typeof groupFilterSchema>;

/** What the grouping needs to know about a school. */
export interface GroupedSchool {
  schoolType: SchoolType;
  locality: Locality | null;
  ownership: Ownership;
  /** District groups the school belongs to. */
  groupIds: readonly number[];
}

/** Key of "not in any group" / "locality not recorded". */
export const UNGROUPED = 'none';

/** The keys of the groups a school falls in, for one set (several for district groups, `none` when it falls in none). */
export function groupKeysOf(school: GroupedSchool, set: GroupSet): string[] {
  switch (set) {
    case 'stage':
      return [stageOf(school.schoolType)];
    case 'locality':
      return [school.locality ?? UNGROUPED];
    case 'ownership':
      return [school.ownership];
    case 'groups':
      return school.groupIds.length ? school.groupIds.map(String) : [UNGROUPED];
  }
}

/** Whether a school is in the group a filter names. */
export function matchesGroupFilter(school: GroupedSchool, filter: GroupFilter): boolean {
  return groupKeysOf(school, filter.set).includes(String(filter.value));
}

/** The groups of a set in display order, with labels; district groups come from the caller (id, name). */
export function groupsOfSet(set: GroupSet, districtGroups: readonly { id: number; name: string }[] = []): { key: string; label: Localized }[] {
  const none: Localized = set === 'locality' ? { zh: '未填写', en: 'Not recorded' } : { zh: '未分组', en: 'In no group' };
  switch (set) {
    case 'stage':
      return schoolStages.map((s) => ({ key: s, label: schoolStageLabels[s] }));
    case 'locality':
      return [...localities.map((l) => ({ key: l as string, label: localityLabels[l] })), { key: UNGROUPED, label: none }];
    case 'ownership':
      return ownerships.map((o) => ({ key: o, label: ownershipLabels[o] }));
    case 'groups':
      return [...districtGroups.map((g) => ({ key: String(g.id), label: { zh: g.name, en: g.name } })), { key: UNGROUPED, label: none }];
  }
}
