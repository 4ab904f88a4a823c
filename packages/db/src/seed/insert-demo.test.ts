import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue, isOpenIn } from '@union/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { openTestDatabase, testEngines, type TestDatabase } from '../testing/test-databases';
import { DEMO_PASSWORD, generateDemoDistrict } from './demo-district';
import { seedDemoDistrict, type SeedDemoResult } from './insert-demo';
import { DEMO_INSPECTION_TEAM, DEMO_INSPECTION_YEAR, demoInspectionRubric } from './demo-inspection';

const demo = generateDemoDistrict();
const TABLES = ['org_units', 'schools', 'indicators', 'reporting_years', 'reports', 'report_values', 'honours', 'users'] as const;

async function rowCounts(db: Kysely<Database>): Promise<Record<(typeof TABLES)[number], number>> {
  const counts = await Promise.all(
    TABLES.map(async (table) => {
      const row = await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return [table, Number(row.n)] as const;
    }),
  );
  return Object.fromEntries(counts) as Record<(typeof TABLES)[number], number>;
}

describe.each(testEngines())('[%s] seedDemoDistrict', (engine) => {
  let database: TestDatabase;
  let firstRun: SeedDemoResult;

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    firstRun = await seedDemoDistrict(database.db);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('inserts the whole demo district', async () => {
    expect(firstRun).toEqual({ seeded: true, schools: 31, reports: demo.reports.length });
    expect(await rowCounts(database.db)).toEqual({
      org_units: 1 + demo.clusters.length + demo.schools.length,
      schools: 31,
      indicators: defaultCatalogue.length,
      reporting_years: 5,
      reports: demo.reports.length,
      report_values: demo.reports.reduce((sum, r) => sum + Object.keys(r.values).length, 0),
      honours: demo.reports.reduce((sum, r) => sum + r.honours.length, 0),
      // admin, viewer, three cluster reviewers, 31 chairs and the inspector.
      users: 37,
    });
    expect(defaultCatalogue).toHaveLength(59);
  });

  it('does nothing when org units already exist', async () => {
    const before = await rowCounts(database.db);
    expect(await seedDemoDistrict(database.db)).toEqual({ seeded: false, schools: 0, reports: 0 });
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('stores a report exactly as generated', async () => {
    const { db } = database;
    // One with decimals in a money field, honours and every status timestamp.
    const expected = demo.reports.find(
      (r) => r.status === 'approved' && r.honours.length >= 2 && Object.values(r.values).some((v) => !Number.isInteger(v)),
    );
    if (!expected) throw new Error('demo data has no approved report with honours and decimals');
    const stored = await db
      .selectFrom('reports as r')
      .innerJoin('org_units as o', 'o.id', 'r.school_id')
      .selectAll('r')
      .where('o.code', '=', expected.schoolCode)
      .where('r.year', '=', expected.year)
      .executeTakeFirstOrThrow();
    const values = await db.selectFrom('report_values').select(['indicator_code', 'value']).where('report_id', '=', stored.id).execute();
    const honours = await db
      .selectFrom('honours')
      .select(['title', 'level', 'kind', 'recipient'])
      .where('report_id', '=', stored.id)
      .orderBy('position')
      .execute();

    expect(Object.fromEntries(values.map((v) => [v.indicator_code, v.value]))).toEqual(expected.values);
    expect(honours).toEqual(expected.honours);
    expect({
      status: stored.status,
      version: stored.version,
      narrative: { achievements: stored.narrative_achievements, shortcomings: stored.narrative_shortcomings, plans: stored.narrative_plans },
      createdAt: stored.created_at.toISOString(),
      updatedAt: stored.updated_at.toISOString(),
      submittedAt: stored.submitted_at?.toISOString(),
      approvedAt: stored.approved_at?.toISOString(),
    }).toEqual({
      status: expected.status,
      version: expected.version,
      narrative: expected.narrative,
      createdAt: expected.createdAt,
      updatedAt: expected.updatedAt,
      submittedAt: expected.submittedAt,
      approvedAt: expected.approvedAt,
    });
  });

  it('stores only the filled values of a draft', async () => {
    const draft = demo.reports.find((r) => r.status === 'draft');
    if (!draft) throw new Error('demo data has no draft');
    const stored = await database.db
      .selectFrom('report_values as v')
      .innerJoin('reports as r', 'r.id', 'v.report_id')
      .innerJoin('org_units as o', 'o.id', 'r.school_id')
      .select('v.indicator_code')
      .where('o.code', '=', draft.schoolCode)
      .where('r.year', '=', draft.year)
      .execute();
    expect(stored.map((v) => v.indicator_code).sort()).toEqual(Object.keys(draft.values).sort());
  });

  it('builds the org tree district → clusters → schools', async () => {
    const units = await database.db.selectFrom('org_units').select(['id', 'parent_id', 'kind', 'code']).execute();
    const byId = new Map(units.map((u) => [u.id, u]));
    const parentOf = (code: string) => {
      const unit = units.find((u) => u.code === code);
      return unit?.parent_id == null ? null : byId.get(unit.parent_id);
    };

    const district = units.filter((u) => u.parent_id === null);
    expect(district).toMatchObject([{ kind: 'district', code: 'D001' }]);
    for (const cluster of demo.clusters) expect(parentOf(cluster.code)?.code).toBe('D001');
    for (const school of demo.schools) {
      const parent = parentOf(school.code);
      expect(parent?.code).toBe(school.clusterCode ?? 'D001');
      expect(parent?.kind).toBe(school.clusterCode === null ? 'district' : 'cluster');
    }
    const schools = await database.db.selectFrom('schools').innerJoin('org_units', 'org_units.id', 'schools.id').select(['code', 'kind']).execute();
    expect(schools).toHaveLength(31);
    expect(schools.every((s) => s.kind === 'school')).toBe(true);
  });

  it('stores life spans and merges; the open_school_years view is the domain rule isOpenIn', async () => {
    const schools = await database.db
      .selectFrom('schools as s')
      .innerJoin('org_units as ou', 'ou.id', 's.id')
      .select(['s.id', 'ou.code', 's.opened_year', 's.closed_year', 's.active'])
      .execute();
    const open = await database.db.selectFrom('open_school_years').select(['school_id', 'year']).execute();
    const expected = schools.flatMap((s) =>
      [2022, 2023, 2024, 2025, 2026].filter((y) => isOpenIn({ openedYear: s.opened_year, closedYear: s.closed_year }, y)).map((y) => `${s.id}/${y}`),
    );
    expect(open.map((o) => `${o.school_id}/${o.year}`).sort()).toEqual(expected.sort());
    expect(schools.filter((s) => !s.active).map((s) => s.code).sort()).toEqual(['S13', 'S14', 'S29']);
    const merges = await database.db.selectFrom('school_merges').select(['predecessor_id', 'successor_id', 'year']).execute();
    const idOf = (code: string) => schools.find((s) => s.code === code)!.id;
    expect(merges).toEqual(
      expect.arrayContaining([
        { predecessor_id: idOf('S13'), successor_id: idOf('S31'), year: 2025 },
        { predecessor_id: idOf('S14'), successor_id: idOf('S31'), year: 2025 },
      ]),
    );
    // The database refuses a closing year before the opening year.
    await expect(database.db.updateTable('schools').set({ closed_year: 2020 }).where('id', '=', idOf('S23')).execute()).rejects.toThrow();
  });

  it('stores school groups: locality, ownership and the district’s own groups', async () => {
    const schools = await database.db
      .selectFrom('schools as s')
      .innerJoin('org_units as ou', 'ou.id', 's.id')
      .select(['ou.code', 's.locality', 's.ownership'])
      .execute();
    const localities = new Set(schools.map((s) => s.locality));
    expect(localities).toEqual(new Set(['urban', 'town', 'rural']));
    expect(schools.filter((s) => s.ownership === 'private').map((s) => s.code).sort()).toEqual(['S04', 'S12']);
    const members = await database.db
      .selectFrom('school_group_members as m')
      .innerJoin('school_groups as g', 'g.id', 'm.group_id')
      .innerJoin('org_units as ou', 'ou.id', 'm.school_id')
      .select(['g.name', 'ou.code'])
      .execute();
    expect(new Set(members.map((m) => m.name))).toEqual(new Set(demo.groups.map((g) => g.name)));
    expect(members.length).toBe(demo.groups.reduce((n, g) => n + g.schoolCodes.length, 0));
  });

it('seeds the open year’s v2 rubric with on-site items and one 考评组 with its schools', async () => {
    const rubric = await database.db.selectFrom('rubrics').select(['year', 'schema_version']).execute();
    expect(rubric).toEqual([{ year: DEMO_INSPECTION_YEAR, schema_version: 2 }]);
    expect(demoInspectionRubric().items.filter((i) => i.kind !== 'automatic').map((i) => i.id)).toEqual(['ledger', 'staff_home', 'publicity_board', 'training_attendance']);
    const assigned = await database.db
      .selectFrom('inspection_assignments as a')
      .innerJoin('inspection_teams as t', 't.id', 'a.team_id')
      .innerJoin('inspection_team_members as m', 'm.team_id', 't.id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .innerJoin('org_units as ou', 'ou.id', 'a.school_id')
      .select(['t.name', 't.year', 'u.username', 'ou.code'])
      .orderBy('ou.code')
      .execute();
    expect(assigned.map((a) => a.code)).toEqual([...DEMO_INSPECTION_TEAM.schoolCodes]);
    expect(new Set(assigned.map((a) => `${a.name}/${a.year}/${a.username}`))).toEqual(new Set([`${DEMO_INSPECTION_TEAM.name}/${DEMO_INSPECTION_YEAR}/inspector1`]));
  });

  it('stores argon2id password hashes, never the password', async () => {
    const users = await database.db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
      .select(['username', 'role', 'password_hash', 'org_units.code as orgUnitCode'])
      .execute();
    expect(users.map((u) => [u.username, u.role, u.orgUnitCode]).sort()).toEqual(
      demo.users.map((u) => [u.username, u.role, u.orgUnitCode]).sort(),
    );
    for (const user of users) {
      expect(user.password_hash).toMatch(/^\$argon2id\$/);
      expect(user.password_hash).not.toContain(DEMO_PASSWORD);
    }
  });
});
