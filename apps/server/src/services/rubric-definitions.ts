import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@union/db';
import { defaultRubric, parseRubricDefinition, ratingsSchema, rubricV1ToV2, rubricV2Maximum, type Ratings, type RubricV2, type RubricV2Maximum } from '@union/domain';

type Db = Kysely<Database> | Transaction<Database>;

export interface YearRubricDefinition {
  /** The year's rubric as v2, whichever version is stored (v1 rows are read as v2 with unchanged scores). */
  rubric: RubricV2;
  /** The version stored (1 for rows written before rubric v2, and for the default). */
  schemaVersion: number;
  isDefault: boolean;
  updatedAt: Date | null;
  /** 满分 per category and in all, with and without bonuses (null = 上不封顶). */
  maximum: RubricV2Maximum;
}

/** The year's rubric in the v2 model; the default one (as v2) until the district edits it. */
export async function loadRubricDefinition(db: Db, year: number): Promise<YearRubricDefinition> {
  const row = await db.selectFrom('rubrics').select(['definition', 'schema_version', 'updated_at']).where('year', '=', year).executeTakeFirst();
  const rubric = row ? parseRubricDefinition(row.definition) : rubricV1ToV2(defaultRubric);
  return { rubric, schemaVersion: row?.schema_version ?? 1, isDefault: !row, updatedAt: row?.updated_at ?? null, maximum: rubricV2Maximum(rubric) };
}

export interface ReportRatingInputs {
  ratings: Ratings;
  review?: { stars: number };
}

/** The rater columns and 复核 of the given reports, as the v2 scoring function takes them. */
export async function loadRatingInputs(db: Db, reportIds: readonly number[]): Promise<Map<number, ReportRatingInputs>> {
  const byReport = new Map<number, ReportRatingInputs>();
  if (reportIds.length === 0) return byReport;
  const [ratings, reviews] = await Promise.all([
    db.selectFrom('rubric_ratings').select(['report_id', 'rater_id', 'ratings']).where('report_id', 'in', reportIds).execute(),
    db.selectFrom('rubric_star_reviews').select(['report_id', 'stars']).where('report_id', 'in', reportIds).execute(),
  ]);
  const entry = (id: number) => byReport.get(id) ?? byReport.set(id, { ratings: {} }).get(id)!;
  for (const r of ratings) {
    // Stored through ratingsSchema; parsed again so a hand-edited row cannot reach the scoring as anything else.
    const parsed = ratingsSchema.safeParse({ [r.rater_id]: r.ratings });
    if (parsed.success) Object.assign(entry(r.report_id).ratings, parsed.data);
  }
  for (const r of reviews) entry(r.report_id).review = { stars: r.stars };
  return byReport;
}
