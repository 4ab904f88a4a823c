import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { medianOf, rankSelfGaps, reportSelfGap, rubricV2IsRated, scoreRubricV2, selfGapRaters, type Honour, type RubricV2ScoringInput } from '@union/domain';
import type { Actor } from '../auth/actor';
import { readableReportIds } from '../auth/report-visibility';
import { countedSchoolIds } from './open-schools';
import { loadRatingInputs, loadRubricDefinition } from './rubric-definitions';

/** The scoring inputs (figures, honours, narrative, raters' columns) of the given reports. */
async function scoringInputs(db: Kysely<Database>, reports: { id: number; staff_count: number | null; narrative_achievements: string; narrative_shortcomings: string; narrative_plans: string }[]) {
  const ids = reports.map((r) => r.id);
  const [values, honours, ratings] = await Promise.all([
    db.selectFrom('report_values').select(['report_id', 'indicator_code', 'value']).where('report_id', 'in', ids).execute(),
    db.selectFrom('honours').select(['report_id', 'title', 'level', 'kind', 'recipient']).where('report_id', 'in', ids).execute(),
    loadRatingInputs(db, ids),
  ]);
  const valuesOf = new Map<number, Record<string, number>>();
  for (const v of values) valuesOf.set(v.report_id, { ...valuesOf.get(v.report_id), [v.indicator_code]: v.value });
  const honoursOf = new Map<number, Honour[]>();
  for (const h of honours) honoursOf.set(h.report_id, [...(honoursOf.get(h.report_id) ?? []), h]);
  return new Map(
    reports.map((r): [number, RubricV2ScoringInput] => {
      const figures = valuesOf.get(r.id) ?? {};
      const given = ratings.get(r.id);
      return [
        r.id,
        {
          figures: {
            values: figures,
            honours: honoursOf.get(r.id) ?? [],
            narrative: { achievements: r.narrative_achievements, shortcomings: r.narrative_shortcomings, plans: r.narrative_plans },
            staffCount: figures.staff_total ?? r.staff_count,
          },
          ratings: given?.ratings ?? {},
          ...(given?.review ? { review: given.review } : {}),
        },
      ];
    }),
  );
}

/**
 * 自评 vs 考评 over the year's approved reports in the caller's scope (a
 * chair: their own school): each school's self total, inspected total and
 * gap (largest over-rating first) with the items it over-rated most. Only a
 * rated (v2) rubric with a school column and a district column has gaps;
 * a report counts once both columns are filled in.
 */
export async function selfGaps(db: Kysely<Database>, actor: Actor, year: number) {
  const { rubric } = await loadRubricDefinition(db, year);
  const { self, inspected } = selfGapRaters(rubric);
  const empty = { year, applicable: false, selfLabelZh: self?.labelZh ?? null, inspectedLabelZh: inspected?.labelZh ?? null, rows: [], summary: { rated: 0, overRating: 0, underRating: 0, medianGap: null } };
  if (!rubricV2IsRated(rubric) || !self || !inspected) return empty;
  const reports = await db
    .selectFrom('reports as r')
    .innerJoin('schools as s', 's.id', 'r.school_id')
    .innerJoin('org_units as ou', 'ou.id', 's.id')
    .select(['r.id', 'r.school_id', 'ou.name', 's.staff_count', 'r.narrative_achievements', 'r.narrative_shortcomings', 'r.narrative_plans'])
    .where('r.year', '=', year)
    .where('r.status', '=', 'approved')
    .where('r.school_id', 'in', countedSchoolIds(db, actor, year))
    .where('r.id', 'in', readableReportIds(db, actor))
    .execute();
  if (reports.length === 0) return { ...empty, applicable: true };
  const inputs = await scoringInputs(db, reports);
  const rows = reports.flatMap((r) => {
    const input = inputs.get(r.id)!;
    const score = scoreRubricV2(rubric, input);
    const gap = reportSelfGap(rubric, score, input.ratings);
    if (!gap) return [];
    return [
      {
        schoolId: r.school_id,
        schoolName: r.name,
        reportId: r.id,
        selfTotal: gap.selfTotal,
        inspectedTotal: gap.inspectedTotal,
        gap: gap.gap,
        combined: score.combined,
        /** The items this school over-rated most (at most three). */
        overRated: gap.items.filter((i) => i.gap > 0).slice(0, 3),
      },
    ];
  });
  const ranked = rankSelfGaps(rows);
  return {
    year,
    applicable: true,
    selfLabelZh: self.labelZh,
    inspectedLabelZh: inspected.labelZh,
    rows: ranked,
    summary: {
      rated: ranked.length,
      overRating: ranked.filter((r) => r.gap > 0).length,
      underRating: ranked.filter((r) => r.gap < 0).length,
      medianGap: medianOf(ranked.map((r) => r.gap)),
    },
  };
}
