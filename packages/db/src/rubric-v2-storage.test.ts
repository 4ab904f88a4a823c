import { sql } from 'kysely';
import { Migrator } from 'kysely/migration';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultRubric, parseRubricDefinition, ratingsSchema, rubricV1ToV2, rubricV2Schema, scoreRubricV2, type RubricV2Input } from '@union/domain';
import { migrateToLatest } from './migrate';
import { migrations } from './migrations/index';
import { openTestDatabase, testEngines, type TestDatabase } from './testing/test-databases';

const v2: RubricV2Input = {
  schemaVersion: 2,
  totalPoints: 10,
  categories: [{ id: 'basics', titleZh: '工会基础工作' }],
  items: [
    { kind: 'manual', id: 'ledger', category: 'basics', titleZh: '台帐齐全归档', points: 6, verification: ['documents'] },
    { kind: 'deduction', id: 'training', category: 'basics', titleZh: '参加培训会议', points: 4, perOccurrence: 1, occurrenceZh: '缺席' },
  ],
  raters: [
    { id: 'self', labelZh: '自评', weight: 40, by: 'school' },
    { id: 'inspection', labelZh: '考评', weight: 60 },
  ],
  starLevels: [],
};

describe.each(testEngines())('[%s] rubric v2 storage (migration 0012)', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.truncateAll();
    await t.db.insertInto('reporting_years').values({ year: 2025, deadline: '2026-01-15' }).execute();
  });

  it('keeps a rubric written before 0012 readable: marked v1, read as v2 with unchanged scores', async () => {
    const migrator = new Migrator({ db: t.db, provider: { getMigrations: async () => migrations } });
    // Back to the schema just before 0012, write a v1 row as the old code did, migrate again.
    const names = Object.keys(migrations).sort();
    const down = await migrator.migrateTo(names[names.indexOf('0012_rubric_v2') - 1]!);
    expect(down.error).toBeUndefined();
    await sql`insert into rubrics (year, definition) values (2025, ${JSON.stringify(defaultRubric)}::jsonb)`.execute(t.db);
    await migrateToLatest(t.db);
    const row = await t.db.selectFrom('rubrics').select(['definition', 'schema_version']).where('year', '=', 2025).executeTakeFirstOrThrow();
    expect(row.schema_version).toBe(1);
    expect(parseRubricDefinition(row.definition)).toEqual(rubricV1ToV2(defaultRubric));
  });

  it('stores a v2 definition, one rater column per report and the 复核, and reads them back', async () => {
    await t.db.insertInto('rubrics').values({ year: 2025, definition: JSON.stringify(rubricV2Schema.parse(v2)), schema_version: 2, updated_at: new Date() }).execute();
    const row = await t.db.selectFrom('rubrics').select(['definition', 'schema_version']).executeTakeFirstOrThrow();
    const rubric = parseRubricDefinition(row.definition);
    expect(row.schema_version).toBe(2);
    expect(rubric).toEqual(rubricV2Schema.parse(v2));

    const district = await t.db.insertInto('org_units').values({ kind: 'district', code: 'D001', name: '示范区教育工会' }).returning('id').executeTakeFirstOrThrow();
    const school = await t.db.insertInto('org_units').values({ kind: 'school', code: 'S01', name: '城东第一小学', parent_id: district.id }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('schools').values({ id: school.id, school_type: 'primary', staff_count: 86, member_count: 84 }).execute();
    const report = await t.db.insertInto('reports').values({ school_id: school.id, year: 2025 }).returning('id').executeTakeFirstOrThrow();
    await t.db
      .insertInto('rubric_ratings')
      .values([
        { report_id: report.id, rater_id: 'self', ratings: JSON.stringify({ ledger: { earned: 6 }, training: { occurrences: 0 } }), updated_at: new Date() },
        { report_id: report.id, rater_id: 'inspection', ratings: JSON.stringify({ ledger: { earned: 4, noteZh: '台帐未归档' }, training: { occurrences: 1 } }), updated_at: new Date() },
      ])
      .execute();
    await t.db.insertInto('rubric_star_reviews').values({ report_id: report.id, stars: 4, reviewed_at: new Date() }).execute();

    const stored = await t.db.selectFrom('rubric_ratings').select(['rater_id', 'ratings']).where('report_id', '=', report.id).orderBy('rater_id').execute();
    const ratings = ratingsSchema.parse(Object.fromEntries(stored.map((r) => [r.rater_id, r.ratings])));
    // 自评 10; 考评 4 + (4 − 1) = 7; 综评 10 × 40% + 7 × 60% = 4 + 4.2 = 8.2
    const score = scoreRubricV2(rubric, { ratings });
    expect(score.combined).toBe(8.2);
    expect(score.raters[1]!.lines).toEqual(['台帐未归档：-2', '参加培训会议：缺席 1 次，-1']);

    // A report's ratings and review go with it.
    await t.db.deleteFrom('reports').where('id', '=', report.id).execute();
    expect(await t.db.selectFrom('rubric_ratings').select('rater_id').execute()).toEqual([]);
    expect(await t.db.selectFrom('rubric_star_reviews').select('stars').execute()).toEqual([]);
  });

  it('refuses an unknown schema version, a malformed rater id and impossible stars', async () => {
    await expect(t.db.insertInto('rubrics').values({ year: 2025, definition: '{}', schema_version: 3, updated_at: new Date() }).execute()).rejects.toThrow(/check/i);
    const district = await t.db.insertInto('org_units').values({ kind: 'district', code: 'D001', name: '示范区教育工会' }).returning('id').executeTakeFirstOrThrow();
    const school = await t.db.insertInto('org_units').values({ kind: 'school', code: 'S01', name: '城东第一小学', parent_id: district.id }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('schools').values({ id: school.id, school_type: 'primary', staff_count: 86, member_count: 84 }).execute();
    const report = await t.db.insertInto('reports').values({ school_id: school.id, year: 2025 }).returning('id').executeTakeFirstOrThrow();
    await expect(t.db.insertInto('rubric_ratings').values({ report_id: report.id, rater_id: 'Bad Id', ratings: '{}', updated_at: new Date() }).execute()).rejects.toThrow(/check/i);
    await expect(t.db.insertInto('rubric_star_reviews').values({ report_id: report.id, stars: 6, reviewed_at: new Date() }).execute()).rejects.toThrow(/check/i);
  });
});
