import { defaultRubric } from '../default-rubric';
import { hunanRubric } from './fixtures/hunan';
import { kunshanRubric } from './fixtures/kunshan';
import { universityRubric } from './fixtures/university';
import { rubricV1ToV2 } from './from-v1';
import { rubricV2Schema, type RubricV2 } from './schema';

export const rubricTemplateIds = ['kunshan', 'hunan', 'university', 'default'] as const;
export type RubricTemplateId = (typeof rubricTemplateIds)[number];

export interface RubricTemplate {
  id: RubricTemplateId;
  nameZh: string;
  nameEn: string;
  rubric: RubricV2;
}

/**
 * Starting points for the editor: three real-world tables (parts filled in
 * plausibly, see each fixture) and the platform's default (automatic items only).
 */
export function rubricV2Templates(): RubricTemplate[] {
  return [
    { id: 'kunshan', nameZh: '昆山市基层教育工会考核（分值 / 注 / 自评 / 考评）', nameEn: 'Kunshan school unions (points, notes, self / inspection)', rubric: rubricV2Schema.parse(kunshanRubric) },
    { id: 'hunan', nameZh: '湖南学校标准化建设工会考核（自评 30% + 考评 70%）', nameEn: 'Hunan standardised school unions (self 30 % + inspection 70 %)', rubric: rubricV2Schema.parse(hunanRubric) },
    { id: 'university', nameZh: '高校分工会考核（类别上限、加分、一票否决、复核）', nameEn: 'University department unions (caps, bonuses, veto, review)', rubric: rubricV2Schema.parse(universityRubric) },
    { id: 'default', nameZh: '平台默认评估表（按年报数据自动计分）', nameEn: 'Platform default (scored from the report’s figures)', rubric: rubricV1ToV2(defaultRubric) },
  ];
}
