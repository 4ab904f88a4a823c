import { z } from 'zod';
import { zodMessage as m } from '../i18n/locale';
import type { RubricV2 } from '../rubric/v2/schema';
import type { RubricV2Item } from '../rubric/v2/model';
import { reportingYearSchema } from '../report/report';
import { idSchema, safeText } from '../validation/safe-input';

/**
 * 验收 by a 考评组: the district forms teams, assigns schools, an inspector
 * scores the school's items on site, the district confirms and publishes the
 * per-item feedback to the chair.
 *
 * assigned (nothing entered yet) → scoring → submitted (by the inspector)
 * → confirmed (by the district) → published (the chair sees the feedback).
 */
export const inspectionStates = ['assigned', 'scoring', 'submitted', 'confirmed', 'published'] as const;
export type InspectionState = (typeof inspectionStates)[number];

export const inspectionStateLabels: Record<InspectionState, { zh: string; en: string }> = {
  assigned: { zh: '待考评', en: 'Not started' },
  scoring: { zh: '考评中', en: 'Scoring' },
  submitted: { zh: '已提交，待区工会确认', en: 'Submitted, awaiting confirmation' },
  confirmed: { zh: '区工会已确认', en: 'Confirmed by the district' },
  published: { zh: '已向学校反馈', en: 'Feedback published' },
};

/** The inspector edits until they submit; a reopen by the district hands it back. */
export const inspectorMayEdit = (state: InspectionState): boolean => state === 'assigned' || state === 'scoring';

/**
 * The rater column an inspector fills: the rubric's 考评 (`inspection`) when it
 * has one, else its first district column that counts (v1's 验收). Null when
 * the rubric has no district column.
 */
export function inspectionRaterId(rubric: Pick<RubricV2, 'raters'>): string | null {
  const own = rubric.raters.find((r) => r.id === 'inspection');
  if (own) return own.id;
  return rubric.raters.find((r) => r.by === 'district' && r.weight > 0)?.id ?? rubric.raters.find((r) => r.by === 'district')?.id ?? null;
}

/** The chair's 自评 column: the first column the school fills. */
export function selfRaterId(rubric: Pick<RubricV2, 'raters'>): string | null {
  return rubric.raters.find((r) => r.by === 'school')?.id ?? null;
}

/** Items a person scores on site (everything but the automatic, figure-based ones). */
export const isInspectedItem = (item: RubricV2Item): boolean => item.kind !== 'automatic';

export const teamNameSchema = safeText({
  min: 1,
  max: 40,
  minMessage: { zh: '请填写考评组名称', en: 'Enter the team’s name' },
  maxMessage: { zh: '考评组名称最多 40 个字', en: 'A team name has at most 40 characters' },
});

const idList = (what: { zh: string; en: string }) =>
  z
    .array(idSchema)
    .max(200, { error: m(() => ({ zh: `${what.zh}最多 200 个`, en: `At most 200 ${what.en}` })) })
    .refine((ids) => new Set(ids).size === ids.length, { error: m(() => ({ zh: `${what.zh}有重复`, en: `The ${what.en} repeat` })) });

export const inspectionTeamInputSchema = z.object({
  /** Absent: a new team. */
  id: idSchema.optional(),
  year: reportingYearSchema,
  name: teamNameSchema,
  memberIds: idList({ zh: '考评组成员', en: 'members' }),
  schoolIds: idList({ zh: '考评学校', en: 'schools' }),
});
export type InspectionTeamInput = z.infer<typeof inspectionTeamInputSchema>;
