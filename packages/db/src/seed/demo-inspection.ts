import { defaultRubric, RUBRIC_V2_SCHEMA_VERSION, rubricV1ToV2, rubricV2Schema, type RubricV2 } from '@union/domain';
import type { Transaction } from 'kysely';
import type { Database } from '../schema';

/**
 * The demo's 验收 (inspection): the open year's rubric is the default one as v2
 * plus a 现场考评 category of items an inspector scores on site, and one
 * 考评组 (user `inspector1`) is assigned a few schools.
 *
 * The automatic items are the default rubric's, unchanged, and manual items
 * count 0 until an inspection is published — so every demo score, star and
 * dashboard figure stays what it was with the default rubric.
 */
export const DEMO_INSPECTION_YEAR = 2026;
export const DEMO_INSPECTOR = { username: 'inspector1', displayName: '考评组 张老师' } as const;
export const DEMO_INSPECTION_TEAM = { name: '第一考评组', schoolCodes: ['S01', 'S02', 'S07', 'S12'] } as const;

export function demoInspectionRubric(): RubricV2 {
  const base = rubricV1ToV2(defaultRubric);
  const manual = [
    { kind: 'manual', id: 'ledger', category: 'site_inspection', titleZh: '台帐齐全归档', points: 5, basisZh: '各类台帐齐全，分类归档', verification: ['documents'] },
    { kind: 'manual', id: 'staff_home', category: 'site_inspection', titleZh: '教工之家阵地建设', points: 5, forfeitZh: '活动不正常', noteZh: '活动不正常不得分', verification: ['site_visit'] },
    { kind: 'manual', id: 'publicity_board', category: 'site_inspection', titleZh: '宣传专栏更新', points: 3, basisZh: '全年更新不少于 2 次，留照片资料', verification: ['documents', 'site_visit'] },
    { kind: 'deduction', id: 'training_attendance', category: 'site_inspection', titleZh: '参加区工会培训会议', points: 4, perOccurrence: 1, occurrenceZh: '缺席', noteZh: '缺席 1 次扣 1 分', verification: ['ledger'] },
  ];
  return rubricV2Schema.parse({
    ...base,
    schemaVersion: RUBRIC_V2_SCHEMA_VERSION,
    titleZh: `${DEMO_INSPECTION_YEAR} 年度工会工作考核评估表`,
    totalPoints: base.totalPoints + 17,
    categories: [...base.categories, { id: 'site_inspection', titleZh: '现场考评' }],
    items: [...base.items, ...manual],
    raters: [
      { id: 'self', labelZh: '自评', weight: 0, by: 'school' },
      { id: 'inspection', labelZh: '考评', weight: 100, by: 'district' },
    ],
  });
}

/** Stores the rubric and the team; `orgUnitId` maps the demo's codes to ids. */
export async function insertDemoInspection(trx: Transaction<Database>, orgUnitId: (code: string) => number, districtId: number): Promise<void> {
  await trx
    .insertInto('rubrics')
    .values({ year: DEMO_INSPECTION_YEAR, definition: JSON.stringify(demoInspectionRubric()), schema_version: 2, updated_at: new Date(), updated_by: null })
    .execute();
  const inspector = await trx.selectFrom('users').select('id').where('username', '=', DEMO_INSPECTOR.username).executeTakeFirstOrThrow();
  const team = await trx
    .insertInto('inspection_teams')
    .values({ org_unit_id: districtId, year: DEMO_INSPECTION_YEAR, name: DEMO_INSPECTION_TEAM.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx.insertInto('inspection_team_members').values({ team_id: team.id, user_id: inspector.id }).execute();
  await trx
    .insertInto('inspection_assignments')
    .values(DEMO_INSPECTION_TEAM.schoolCodes.map((code) => ({ team_id: team.id, school_id: orgUnitId(code) })))
    .execute();
}
