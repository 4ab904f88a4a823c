import { defaultCatalogue } from '@union/domain';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { assignCatalogueToYear, installCatalogue } from '../catalogue';
import { hashPassword } from '../passwords';
import type { Database, HonoursTable, ReportValuesTable } from '../schema';
import { insertDemoInspection } from './demo-inspection';
import { DEMO_PASSWORD, generateDemoDistrict, type DemoDistrict, type DemoDistrictOptions } from './demo-district';

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
export async function seedDemoDistrict(db: Kysely<Database>, options: DemoDistrictOptions = {}): Promise<SeedDemoResult> {
  const existing = await db.selectFrom('org_units').select('id').limit(1).executeTakeFirst();
  if (existing) return { seeded: false, schools: 0, reports: 0 };

  const demo = generateDemoDistrict(options);
  // Demo only: every demo account has the same password, so one argon2id hash
  // (with its own salt) serves them all and seeding pays for one hash, not 32.
  // Real accounts are hashed one by one when they are created.
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // Only `trx` inside: PGlite is a single connection, and the outer db would wait forever for it.
  await db.transaction().execute(async (trx) => {
    await installCatalogue(trx, defaultCatalogue);
    const orgUnitIds = await insertOrgTree(trx, demo);
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
        })),
      )
      .execute();
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
    const reviewer = users.find((u) => u.role === 'district_admin');
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

/** District, then clusters, then schools, one insert per level; returns the generated id of every code. */
async function insertOrgTree(trx: Transaction<Database>, demo: DemoDistrict): Promise<Map<string, number>> {
  const district = await trx
    .insertInto('org_units')
    .values({ parent_id: null, kind: 'district', code: demo.district.code, name: demo.district.name })
    .returning('id')
    .executeTakeFirstOrThrow();
  const clusters = await trx
    .insertInto('org_units')
    .values(demo.clusters.map((cluster) => ({ parent_id: district.id, kind: 'cluster' as const, code: cluster.code, name: cluster.name })))
    .returning(['id', 'code'])
    .execute();
  const ids = new Map<string, number>([[demo.district.code, district.id], ...clusters.map((c): [string, number] => [c.code, c.id])]);

  const schools = await trx
    .insertInto('org_units')
    .values(
      demo.schools.map((school) => {
        const parentCode = school.clusterCode ?? demo.district.code;
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
