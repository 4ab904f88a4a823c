import { sql, type Kysely } from 'kysely';
import { latestMigrationName, type Database, type DbEngine } from '@union/db';

interface Probe {
  status: number;
  body: Record<string, unknown>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Alive, and can the database answer? (Kept as the spine defined it.) */
export async function checkHealth(db: Kysely<Database>, engine: DbEngine): Promise<Probe> {
  try {
    await sql`select 1 as ok`.execute(db);
    return { status: 200, body: { status: 'ok', database: 'reachable', engine } };
  } catch (error) {
    return { status: 503, body: { status: 'error', database: 'unreachable', message: messageOf(error) } };
  }
}

/** Ready for traffic: the database answers and carries the latest migration. */
export async function checkReadiness(db: Kysely<Database>, engine: DbEngine): Promise<Probe> {
  try {
    const expected = latestMigrationName();
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
    const current = rows[0]?.name ?? null;
    if (current !== expected) return { status: 503, body: { status: 'migrating', engine, migration: current, expected } };
    return { status: 200, body: { status: 'ready', engine, migration: current } };
  } catch (error) {
    return { status: 503, body: { status: 'error', engine, message: messageOf(error) } };
  }
}
