import { sql, type Kysely } from 'kysely';
import { assignCatalogueToYear, hashPassword, installCatalogue, migrateToLatest, type Database } from '@union/db';
import { defaultCatalogue } from '@union/domain';
import { ensureScores } from '@union/server';
import { citySchools, cityValues, SCHOOLS_PER_CLUSTER, type CityOptions } from './synthetic-city';

const CHUNK = 2000;

export const BENCH_PASSWORD = 'Bench2026x';

export interface LoadedCity {
  schoolIds: number[];
  districtId: number;
  seconds: number;
}

/**
 * Loads the synthetic city into an empty database: org tree, schools, ten
 * approved years, the open year as drafts, one chair per school, an admin,
 * and the rubric scores (as approvals would have left them).
 */
export async function loadCity(db: Kysely<Database>, options: CityOptions, log: (line: string) => void): Promise<LoadedCity> {
  const started = performance.now();
  await migrateToLatest(db);
  await installCatalogue(db, defaultCatalogue);
  const schools = citySchools(options);
  const city = await db.insertInto('org_units').values({ kind: 'city', code: 'CITY', name: '基准市教育工会' }).returning('id').executeTakeFirstOrThrow();
  const district = await db.insertInto('org_units').values({ kind: 'district', code: 'BD01', name: '基准区', parent_id: city.id }).returning('id').executeTakeFirstOrThrow();
  const clusterCodes = [...new Set(schools.map((s) => s.clusterCode))];
  const clusters = await db
    .insertInto('org_units')
    .values(clusterCodes.map((code, i) => ({ kind: 'cluster' as const, code, name: `基准片区${i + 1}`, parent_id: district.id })))
    .returning(['id', 'code'])
    .execute();
  const clusterId = new Map(clusters.map((c) => [c.code, c.id]));
  const schoolIds: number[] = [];
  for (let i = 0; i < schools.length; i += CHUNK) {
    const part = schools.slice(i, i + CHUNK);
    const units = await db
      .insertInto('org_units')
      .values(part.map((s) => ({ kind: 'school' as const, code: s.code, name: s.name, parent_id: clusterId.get(s.clusterCode)! })))
      .returning('id')
      .execute();
    await db
      .insertInto('schools')
      .values(part.map((s, k) => ({ id: units[k]!.id, school_type: s.schoolType, staff_count: s.staffCount, member_count: Math.round(s.staffCount * 0.95) })))
      .execute();
    schoolIds.push(...units.map((u) => u.id));
  }
  log(`  ${schools.length} schools in ${clusterCodes.length} clusters (${SCHOOLS_PER_CLUSTER} per cluster)`);

  const years = options.years;
  const openYear = Math.max(...years);
  for (const year of years) {
    await db.insertInto('reporting_years').values({ year, deadline: `${year + 1}-01-15`, is_open: year === openYear }).execute();
    await assignCatalogueToYear(db, year);
  }
  const now = new Date();
  for (const year of years) {
    const status = year === openYear ? ('draft' as const) : ('approved' as const);
    for (let i = 0; i < schoolIds.length; i += CHUNK) {
      const ids = schoolIds.slice(i, i + CHUNK);
      const reports = await db
        .insertInto('reports')
        .values(ids.map((schoolId) => ({ school_id: schoolId, year, status, version: 1, created_at: now, updated_at: now, ...(status === 'approved' ? { submitted_at: now, approved_at: now } : {}) })))
        .returning(['id', 'school_id'])
        .execute();
      const rows = reports.flatMap((r, k) =>
        Object.entries(cityValues(schools[i + k]!, i + k, year, years[0]!)).map(([code, value]) => ({ report_id: r.id, indicator_code: code, value })),
      );
      for (let j = 0; j < rows.length; j += 5000) await db.insertInto('report_values').values(rows.slice(j, j + 5000)).execute();
    }
    log(`  ${year}: ${schoolIds.length} reports (${status})`);
  }

  const passwordHash = await hashPassword(BENCH_PASSWORD);
  await db.insertInto('users').values({ username: 'bench-admin', display_name: '基准管理员', role: 'district_admin', org_unit_id: district.id, password_hash: passwordHash }).execute();
  for (let i = 0; i < schoolIds.length; i += CHUNK) {
    await db
      .insertInto('users')
      .values(schoolIds.slice(i, i + CHUNK).map((id, k) => ({ username: `bench-chair-${i + k + 1}`, display_name: `主席${i + k + 1}`, role: 'school_chair' as const, org_unit_id: id, password_hash: passwordHash })))
      .execute();
  }
  await ensureScores(db, years);
  log('  scores computed for every approved report');
  // A district database has statistics (autovacuum analyzes after bulk changes);
  // without them the planner treats the freshly loaded tables as empty.
  await sql`analyze`.execute(db);
  return { schoolIds, districtId: district.id, seconds: (performance.now() - started) / 1000 };
}
