import { defaultCatalogue } from '@union/domain';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { assignCatalogueToYear, installCatalogue } from '../catalogue';
import { hashPassword } from '../passwords';
import type { Database, HonoursTable, ReportValuesTable } from '../schema';
import { generateDemoCity, type DemoCity } from './demo-city';
import { insertDemoInspection } from './demo-inspection';
import { DEFAULT_DEMO_SEED, DEMO_PASSWORD, generateDemoDistrict, type DemoDistrict, type DemoDistrictOptions } from './demo-district';

export interface SeedDemoOptions extends DemoDistrictOptions {
  /**
   * Also the city above it (示范市教育工会 with two smaller districts and the city's users), as
   * `start --demo` seeds it. Tests that count the district alone leave it out.
   */
  withCity?: boolean;
}

export interface SeedDemoResult {
  /** false when the database already had org units; nothing was changed then. */
  seeded: boolean;
  /** Schools and reports inserted by this call. */
  schools: number;
  reports: number;
}

const DEMO_RETURN_COMMENT = '请补充“存在的不足”和“下一步计划”，并核实节日慰问人次后重新提交。';
const DEMO_FIELD_COMMENT = '节日走访慰问人次与去年差异较大，请核实。';

/** Multi-row inserts of this size stay far below PostgreSQL's 65535 bind parameters. */
const ROWS_PER_INSERT = 1000;

/**
 * Fills an empty database with the demo district (catalogue, org tree, schools,
 * years, reports with values and honours, users) in one transaction. Does
 * nothing when any org unit exists, so it is safe on every start.
 */
export async function seedDemoDistrict(db: Kysely<Database>, options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const existing = await db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false, schools: 0, reports: 0 };

  const district = generateDemoDistrict(options);
  const city = options.withCity ? generateDemoCity(options.seed ?? DEFAULT_DEMO_SEED) : null;
  // One list of schools, reports and users for the inserts below; the org tree places each school.
  const demo: DemoDistrict = city
    ? { ...district, schools: [...district.schools, ...city.schools], reports: [...district.reports, ...city.reports], users: [...district.users, ...city.users] }
    : district;
  // Demo only: every demo account has the same password, so one argon2id hash
  // (with its own salt) serves them all and seeding pays for one hash, not 32.
  // Real accounts are hashed one by one when they are created.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // Only `trx` inside: PGlite is a single connection, and the outer db would wait forever for it.
  await db.transaction().execute(async (trx) => {
    await installCatalogue(trx, defaultCatalogue);
    const orgUnitIds = await insertOrgTree(trx, demo, city);
    const orgUnitId = (code: string): number => {
      const id = orgUnitIds.get(code);
      if (id === undefined) throw new Error(`demo data refers to unknown org unit ${code}`);
      return id;
    };

    await trx
      .insertInto('schools')
      .values(
        demo.schools.map((school) => ({
          id: orgUnitId(school.code),
          school_type: school.schoolType,
          staff_count: school.staffCount,
          member_count: school.memberCount,
          opened_year: school.openedYear,
          closed_year: school.closedYear,
          active: school.closedYear === null,
          locality: school.locality,
          ownership: school.ownership,
        })),
      )
      .execute();
    for (const group of demo.groups) {
      const { id } = await trx
        .insertInto('school_groups')
        .values({ district_id: orgUnitId(demo.district.code), name: group.name, description: group.description })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('school_group_members').values(group.schoolCodes.map((code) => ({ group_id: id, school_id: orgUnitId(code) }))).execute();
    }
    await trx
      .insertInto('school_merges')
      .values(demo.merges.map((m) => ({ predecessor_id: orgUnitId(m.predecessorCode), successor_id: orgUnitId(m.successorCode), year: m.year })))
      .execute();

    await trx
      .insertInto('reporting_years')
      .values(demo.reportingYears.map((year) => ({ year: year.year, deadline: year.deadline, is_open: year.isOpen, review_steps: year.reviewSteps })))
      .execute();
    for (const year of demo.reportingYears) await assignCatalogueToYear(trx, year.year);

    const reportRows = await trx
      .insertInto('reports')
      .values(
        demo.reports.map((report) => ({
          school_id: orgUnitId(report.schoolCode),
          year: report.year,
          status: report.status,
          version: report.version,
          narrative_achievements: report.narrative.achievements,
          narrative_shortcomings: report.narrative.shortcomings,
          narrative_plans: report.narrative.plans,
          submitted_at: report.submittedAt === null ? null : new Date(report.submittedAt),
          approved_at: report.approvedAt === null ? null : new Date(report.approvedAt),
          created_at: report.createdAt,
          updated_at: report.updatedAt,
          returned_at: report.status === 'returned' ? report.updatedAt : null,
          review_round: report.status === 'returned' ? 1 : 0,
          cluster_approved_at: report.status === 'cluster_approved' ? report.updatedAt : null,
        })),
      )
      .returning(['id', 'school_id', 'year'])
      .execute();
    // Matched by (school, year), which is unique, rather than trusting RETURNING's row order.
    const reportIds = new Map(reportRows.map((row) => [`${row.school_id}/${row.year}`, row.id]));
    const reportId = (schoolCode: string, year: number): number => {
      const id = reportIds.get(`${orgUnitId(schoolCode)}/${year}`);
      if (id === undefined) throw new Error(`report ${schoolCode}/${year} was not inserted`);
      return id;
    };

    const valueRows: Insertable<ReportValuesTable>[] = demo.reports.flatMap((report) =>
      Object.entries(report.values).map(([indicatorCode, value]) => ({
        report_id: reportId(report.schoolCode, report.year),
        indicator_code: indicatorCode,
        value,
      })),
    );
    for (const rows of chunked(valueRows)) await trx.insertInto('report_values').values(rows).execute();

    const honourRows: Insertable<HonoursTable>[] = demo.reports.flatMap((report) =>
      report.honours.map((honour, position) => ({
        report_id: reportId(report.schoolCode, report.year),
        position,
        title: honour.title,
        level: honour.level,
        kind: honour.kind,
        recipient: honour.recipient,
      })),
    );
    for (const rows of chunked(honourRows)) await trx.insertInto('honours').values(rows).execute();

    const users = await trx
      .insertInto('users')
      .values(
        demo.users.map((user) => ({
          username: user.username,
          display_name: user.displayName,
          role: user.role,
          org_unit_id: orgUnitId(user.orgUnitCode),
          password_hash: passwordHash,
          disabled_at: null,
        })),
      )
      .returning(['id', 'role', 'org_unit_id'])
      .execute();

    // Cluster-approved reports name their cluster's reviewer.
    for (const user of users.filter((u) => u.role === 'cluster_reviewer')) {
      await trx
        .updateTable('reports')
        .set({ cluster_approved_by: user.id })
        .where('status', '=', 'cluster_approved')
        .where('school_id', 'in', trx.selectFrom('org_units').select('id').where('parent_id', '=', user.org_unit_id))
        .execute();
    }

    // Returned reports carry the district's comments, as a real return would.
    const reviewer = users.find((u) => u.role === 'district_admin' && u.org_unit_id === orgUnitId(district.district.code));
    const returned = demo.reports.filter((r) => r.status === 'returned');
    if (reviewer && returned.length > 0) {
      await trx
          .insertInto('report_comments')
          .values(
            returned.flatMap((report) => [
              { report_id: reportId(report.schoolCode, report.year), review_round: 1, field_path: '', body: DEMO_RETURN_COMMENT, author_id: reviewer.id, created_at: report.updatedAt },
              {
                report_id: reportId(report.schoolCode, report.year),
                review_round: 1,
                field_path: 'values.holiday_visits',
                body: DEMO_FIELD_COMMENT,
                author_id: reviewer.id,
                created_at: report.updatedAt,
              },
            ]),
          )
          .execute();
    }

    await insertDemoInspection(trx, orgUnitId, orgUnitId(demo.district.code));
  });

  return { seeded: true, schools: demo.schools.length, reports: demo.reports.length };
}

/** City (if any), districts, then clusters, then schools, one insert per level; returns the generated id of every code. */
async function insertOrgTree(trx: Transaction<Database>, demo: DemoDistrict, city: DemoCity | null): Promise<Map<string, number>> {
  const cityId = city
    ? (await trx.insertInto('org_units').values({ parent_id: null, kind: 'city', code: city.city.code, name: city.city.name }).returning('id').executeTakeFirstOrThrow()).id
    : null;
  const districts = await trx
    .insertInto('org_units')
    .values([demo.district, ...(city?.districts ?? [])].map((d) => ({ parent_id: cityId, kind: 'district' as const, code: d.code, name: d.name })))
    .returning(['id', 'code'])
    .execute();
  const district = districts.find((d) => d.code === demo.district.code)!;
  const clusters = await trx
    .insertInto('org_units')
    .values(demo.clusters.map((cluster) => ({ parent_id: district.id, kind: 'cluster' as const, code: cluster.code, name: cluster.name })))
    .returning(['id', 'code'])
    .execute();
  const ids = new Map<string, number>([...districts.map((d): [string, number] => [d.code, d.id]), ...clusters.map((c): [string, number] => [c.code, c.id])]);
  if (city && cityId !== null) ids.set(city.city.code, cityId);

  const schools = await trx
    .insertInto('org_units')
    .values(
      demo.schools.map((school) => {
        const parentCode = school.clusterCode ?? school.districtCode ?? demo.district.code;
        const parentId = ids.get(parentCode);
        if (parentId === undefined) throw new Error(`school ${school.code} refers to unknown cluster ${parentCode}`);
        return { parent_id: parentId, kind: 'school' as const, code: school.code, name: school.name };
      }),
    )
    .returning(['id', 'code'])
    .execute();
  for (const school of schools) ids.set(school.code, school.id);
  return ids;
}

function chunked<T>(rows: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) chunks.push(rows.slice(start, start + ROWS_PER_INSERT));
  return chunks;
}
