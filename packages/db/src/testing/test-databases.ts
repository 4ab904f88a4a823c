import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { createDb, type DbEngine, type DbHandle } from '../create-db';
import { migrateToLatest } from '../migrate';

/**
 * The engines every database test runs on: PGlite always, and real PostgreSQL
 * when TEST_DATABASE_URL is set. In CI a missing URL is an error, so the
 * PostgreSQL half of the suite cannot silently vanish.
 */
export function testEngines(): DbEngine[] {
  if (process.env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI === 'true' || process.env.CI === '1') {
    throw new Error('CI must set TEST_DATABASE_URL so database tests also run on PostgreSQL');
  }
  return ['pglite'];
}

export interface TestDatabase extends DbHandle {
  /** The URL of the private PostgreSQL database (postgres engine only). */
  url?: string;
  /** Empties every table and restarts identities; cheap enough to run before each test. */
  truncateAll(): Promise<void>;
}

const TABLES_IN_DELETE_ORDER = ['inspection_reviews', 'inspection_assignments', 'inspection_team_members', 'inspection_teams', 'school_group_members', 'school_groups', 'evidence_files', 'notification_outbox', 'notification_preferences', 'notification_channels', 'school_merges', 'report_scores', 'report_assessments', 'rubrics', 'reporting_year_indicators', 'reminders', 'report_comments', 'audit_log', 'login_failures', 'sessions', 'users', 'honours', 'report_values', 'reports', 'reporting_years', 'indicators', 'schools', 'org_units'];

/**
 * Opens a fresh, migrated database. One per test file: PGlite in memory, or a
 * private database created on the PostgreSQL server (dropped on close), so
 * test files can run in parallel without seeing each other's rows.
 */
export async function openTestDatabase(engine: DbEngine): Promise<TestDatabase> {
  let handle: DbHandle;
  let url: string | undefined;
  let dropDatabase = async () => {};
  if (engine === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    handle = createDb({ databaseUrl: url, maxConnections: 5 });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    handle = createDb();
  }
  await migrateToLatest(handle.db);
  return {
    ...handle,
    ...(url ? { url } : {}),
    async truncateAll() {
      await sql`truncate table ${sql.join(TABLES_IN_DELETE_ORDER.map((t) => sql.table(t)))} restart identity cascade`.execute(handle.db);
    },
    async close() {
      await handle.close();
      await dropDatabase();
    },
  };
}
