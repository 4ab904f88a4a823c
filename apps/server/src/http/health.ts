import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { sql, type Kysely } from 'kysely';
import { latestMigrationName, type Database, type DbEngine } from '@union/db';
import { clientAddress, isLoopback } from './client-address';

interface Probe {
  status: number;
  body: Record<string, unknown>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Anonymous callers learn only the status; details (engine, migration, errors) are for operators. */
const forCaller = (probe: Probe, detailed: boolean): Probe => (detailed ? probe : { status: probe.status, body: { status: probe.body.status } });

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Operators: callers on this machine (the real client address, so not the
 * reverse proxy's socket) or with the `X-Health-Token` header equal to HEALTH_TOKEN.
 */
export function mayReadHealthDetails(req: IncomingMessage, { trustProxy, healthToken }: { trustProxy: boolean; healthToken?: string | undefined }): boolean {
  if (isLoopback(clientAddress(req, trustProxy))) return true;
  const given = req.headers['x-health-token'];
  return Boolean(healthToken) && typeof given === 'string' && timingSafeEqual(digest(given), digest(healthToken!));
}

/** Alive, and can the database answer? */
export async function checkHealth(db: Kysely<Database>, engine: DbEngine, detailed: boolean): Promise<Probe> {
  try {
    await sql`select 1 as ok`.execute(db);
    return forCaller({ status: 200, body: { status: 'ok', database: 'reachable', engine } }, detailed);
  } catch (error) {
    return forCaller({ status: 503, body: { status: 'error', database: 'unreachable', message: messageOf(error) } }, detailed);
  }
}

/** Ready for traffic: the database answers and carries the latest migration. */
export async function checkReadiness(db: Kysely<Database>, engine: DbEngine, detailed: boolean): Promise<Probe> {
  try {
    const expected = latestMigrationName();
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`.execute(db);
    const current = rows[0]?.name ?? null;
    if (current !== expected) return forCaller({ status: 503, body: { status: 'migrating', engine, migration: current, expected } }, detailed);
    return forCaller({ status: 200, body: { status: 'ready', engine, migration: current } }, detailed);
  } catch (error) {
    return forCaller({ status: 503, body: { status: 'error', engine, message: messageOf(error) } }, detailed);
  }
}
