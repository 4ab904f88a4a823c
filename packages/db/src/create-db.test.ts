import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from './create-db';
import { migrateToLatest, MigrationFailedError } from './migrate';
import { migrations } from './migrations/index';
import { openTestDatabase, testEngines, type TestDatabase } from './testing/test-databases';

describe.each(testEngines())('[%s] database', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.truncateAll();
  });

  it('reports which engine it runs on', () => {
    expect(t.engine).toBe(engine);
  });

  it('has every table after migrating, and migrating again changes nothing', async () => {
    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(t.db);
    expect(tables.rows.map((r) => r.table_name)).toEqual(
      expect.arrayContaining(['honours', 'indicators', 'org_units', 'report_values', 'reporting_years', 'reports', 'schools', 'users']),
    );
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('parses counts, numerics and dates to the same JS values', async () => {
    const { rows } = await sql<{ n: unknown; x: unknown; d: unknown; ts: unknown }>`
      select count(*) as n, 1234.56::numeric as x, date '2027-01-15' as d, now() as ts`.execute(t.db);
    expect(rows[0]).toMatchObject({ n: 1, x: 1234.56, d: '2027-01-15' });
    expect(rows[0]!.ts).toBeInstanceOf(Date);
  });

  it('round-trips a school, a report and its values', async () => {
    const district = await t.db.insertInto('org_units').values({ kind: 'district', code: 'D001', name: '示范区教育工会' }).returning('id').executeTakeFirstOrThrow();
    const school = await t.db
      .insertInto('org_units')
      .values({ kind: 'school', code: 'S01', name: '城东第一小学', parent_id: district.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('schools').values({ id: school.id, school_type: 'primary', staff_count: 86, member_count: 84 }).execute();
    await t.db.insertInto('indicators').values({ code: 'sick_visits', category: 'aid', name_zh: '探望慰问病患人次', name_en: 'Sick visits', unit: '人次', value_type: 'integer', sort_order: 1, min_value: null, max_value: null, retired_at: null }).execute();
    await t.db.insertInto('reporting_years').values({ year: 2026, deadline: '2027-01-15' }).execute();
    const report = await t.db.insertInto('reports').values({ school_id: school.id, year: 2026 }).returning(['id', 'status', 'version']).executeTakeFirstOrThrow();
    expect(report).toMatchObject({ status: 'draft', version: 1 });
    await t.db.insertInto('report_values').values({ report_id: report.id, indicator_code: 'sick_visits', value: 12 }).execute();
    const value = await t.db.selectFrom('report_values').select('value').where('report_id', '=', report.id).executeTakeFirstOrThrow();
    expect(value.value).toBe(12);
    const year = await t.db.selectFrom('reporting_years').selectAll().executeTakeFirstOrThrow();
    expect(year.deadline).toBe('2027-01-15');
  });

  it('allows one report per school and year', async () => {
    const d = await t.db.insertInto('org_units').values({ kind: 'school', code: 'S01', name: '城东第一小学' }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('schools').values({ id: d.id, school_type: 'primary', staff_count: 10, member_count: 10 }).execute();
    await t.db.insertInto('reporting_years').values({ year: 2026, deadline: '2027-01-15' }).execute();
    await t.db.insertInto('reports').values({ school_id: d.id, year: 2026 }).execute();
    await expect(t.db.insertInto('reports').values({ school_id: d.id, year: 2026 }).execute()).rejects.toThrow(/unique|duplicate/i);
  });

  it('rolls a failed transaction back completely', async () => {
    await expect(
      t.db.transaction().execute(async (trx) => {
        await trx.insertInto('reporting_years').values({ year: 2030, deadline: '2031-01-15' }).execute();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await t.db.selectFrom('reporting_years').selectAll().execute()).toEqual([]);
  });

  it('refuses values the schema forbids (check constraints)', async () => {
    await expect(
      t.db.insertInto('org_units').values({ kind: 'planet' as never, code: 'X', name: 'x' }).execute(),
    ).rejects.toThrow(/check/i);
  });
});

describe('[pglite] migrations and storage', () => {
  it('throws instead of passing silently when a migration fails', async () => {
    const { db, close } = createDb();
    try {
      const broken = {
        ...migrations,
        '9999_broken': { up: async (k: typeof db) => void (await sql`create table oops (`.execute(k)) },
      };
      await expect(migrateToLatest(db, broken as never)).rejects.toBeInstanceOf(MigrationFailedError);
    } finally {
      await close();
    }
  });

  it('keeps data in the data folder across restarts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'union-pglite-'));
    try {
      const first = createDb({ dataDir: dir });
      await migrateToLatest(first.db);
      await first.db.insertInto('reporting_years').values({ year: 2026, deadline: '2027-01-15' }).execute();
      await first.close();
      const second = createDb({ dataDir: dir });
      const years = await second.db.selectFrom('reporting_years').select('year').execute();
      await second.close();
      expect(years).toEqual([{ year: 2026 }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
