import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../src/create-db';
import { migrateToLatest } from '../src/migrate';
import { seedDemoDistrict } from '../src/seed/insert-demo';

// Runs only with TEST_DATABASE_URL (see vitest.config.ts): these are the
// operations a district's IT person relies on, exercised on real PostgreSQL.
const adminUrl = process.env.TEST_DATABASE_URL!;
const infra = resolve(import.meta.dirname, '../../../infra');

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ops_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Every report with its values and honours, in a stable order, for comparison. */
async function snapshot(url: string) {
  const { db, close } = createDb({ databaseUrl: url });
  try {
    const reports = await db.selectFrom('reports').selectAll().orderBy('school_id').orderBy('year').execute();
    const values = await db.selectFrom('report_values').selectAll().orderBy('report_id').orderBy('indicator_code').execute();
    const honours = await db.selectFrom('honours').selectAll().orderBy('report_id').orderBy('position').execute();
    const users = await db.selectFrom('users').select(['username', 'role', 'password_hash']).orderBy('username').execute();
    // Evidence by metadata and the SHA-256 PostgreSQL computes over the bytes it holds.
    const evidence = await sql<{ id: number; sha256: string; content_sha256: string; thumbnail_sha256: string | null; byte_size: number }>`
      select id, sha256, encode(sha256(content), 'hex') as content_sha256, encode(sha256(thumbnail), 'hex') as thumbnail_sha256, byte_size
      from evidence_files order by id`.execute(db);
    return { reports, values, honours, users, evidence: evidence.rows };
  } finally {
    await close();
  }
}

describe('[postgres] operations: migrations under a lock, backup and restore', () => {
  const cleanups: (() => Promise<void>)[] = [];
  let backupDir: string;
  beforeAll(() => {
    backupDir = mkdtempSync(join(tmpdir(), 'union-backup-'));
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    rmSync(backupDir, { recursive: true, force: true });
  });

  it('lets two servers migrate the same empty database at once; each migration runs once', async () => {
    const target = await createDatabase();
    cleanups.push(target.drop);
    const a = createDb({ databaseUrl: target.url });
    const b = createDb({ databaseUrl: target.url });
    try {
      const [ra, rb] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
      const applied = [...ra, ...rb].filter((r) => r.status === 'Success').map((r) => r.migrationName).sort();
      expect(new Set(applied).size).toBe(applied.length);
      const rows = await a.db.selectFrom('kysely_migration' as never).select('name' as never).execute();
      expect(rows.length).toBe(applied.length);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('backs up the seeded demo, restores into an empty database, and finds every report and evidence file identical', async () => {
    const source = await createDatabase();
    const target = await createDatabase();
    cleanups.push(source.drop, target.drop);
    const { db, close } = createDb({ databaseUrl: source.url });
    await migrateToLatest(db);
    await seedDemoDistrict(db);
    // Evidence as an upload stores it: bytes of every value (NUL, 0xff…), up to a few MB, with and without a thumbnail.
    const reports = await db.selectFrom('reports').select('id').orderBy('id').limit(3).execute();
    const files = [randomBytes(3 * 1024 * 1024), Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(1)];
    await db
      .insertInto('evidence_files')
      .values(
        files.map((content, i) => ({
          report_id: reports[i]!.id,
          target_kind: i === 1 ? ('rubric_item' as const) : ('section' as const),
          target_key: i === 1 ? 'ledger' : 'achievements',
          original_name: `活动照片${i}.jpg`,
          mime_type: 'image/jpeg',
          byte_size: content.length,
          sha256: createHash('sha256').update(content).digest('hex'),
          content,
          thumbnail: i === 0 ? randomBytes(20_000) : null,
        })),
      )
      .execute();
    await close();

    const file = execFileSync('bash', [join(infra, 'backup.sh'), backupDir], { env: { ...process.env, DATABASE_URL: source.url }, encoding: 'utf8' }).trim();
    expect(file).toMatch(/union-report-\d{8}T\d{6}Z\.dump$/);
    expect(readdirSync(backupDir)).toEqual([file.split('/').pop()]);

    execFileSync('bash', [join(infra, 'restore.sh'), file], { env: { ...process.env, DATABASE_URL: target.url }, encoding: 'utf8' });
    const [before, after] = await Promise.all([snapshot(source.url), snapshot(target.url)]);
    expect(after.reports.length).toBeGreaterThan(100);
    expect(after.evidence).toHaveLength(3);
    for (const f of after.evidence) expect(f.content_sha256).toBe(f.sha256);
    expect(after).toEqual(before);
  });

  it('refuses to restore over a database that has data, unless forced', async () => {
    const target = await createDatabase();
    cleanups.push(target.drop);
    const { db, close } = createDb({ databaseUrl: target.url });
    await migrateToLatest(db);
    await close();
    const file = join(backupDir, readdirSync(backupDir)[0]!);
    let failure: { status: number | null; stderr: string } | undefined;
    try {
      execFileSync('bash', [join(infra, 'restore.sh'), file], { env: { ...process.env, DATABASE_URL: target.url }, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      failure = error as { status: number | null; stderr: string };
    }
    expect(failure?.status).toBe(3);
    expect(failure?.stderr).toContain('already has');
  });

  it('survives PostgreSQL closing an idle pooled connection: reported, then a new connection serves the next query', async () => {
    const database = await createDatabase();
    const closed: Error[] = [];
    const { db, close } = createDb({ databaseUrl: database.url, onIdleConnectionError: (error) => closed.push(error) });
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      await admin.end();
      await expect.poll(() => closed.length).toBe(1);
      const again = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(again.rows[0]!.one).toBe(1);
    } finally {
      await close();
      await database.drop();
    }
  });
});
