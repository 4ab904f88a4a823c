import { mkdirSync } from 'node:fs';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type DbEngine = 'pglite' | 'postgres';

export interface CreateDbOptions {
  /** A PostgreSQL URL. When absent, an embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Folder for the embedded database files. When absent, PGlite runs in memory. */
  dataDir?: string | undefined;
  /** Called when PostgreSQL closes an idle pooled connection (default: a warning on stderr). */
  onIdleConnectionError?: (error: Error) => void;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
}

export interface DbHandle {
  db: Kysely<Database>;
  engine: DbEngine;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

// Both engines must hand back the same JS values for the same SQL: bigint
// counts and numeric values as numbers (our figures stay far below 2^53),
// DATE as plain 'YYYY-MM-DD' text (pg would make a local-midnight Date, PGlite
// a UTC one).
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const sharedParsers: Record<number, (value: string) => unknown> = {
  [INT8]: (v) => Number(v),
  [NUMERIC]: (v) => Number(v),
  [DATE]: (v) => v,
};

function warnIdleConnectionError(error: Error): void {
  process.stderr.write(`database connection closed while idle (it will be reopened): ${error.message}\n`);
}

/**
 * The one way to open the database: PostgreSQL through `pg` when a URL is
 * given, otherwise embedded PostgreSQL (PGlite), file-backed under `dataDir`
 * or in memory. Same migrations, same queries on both.
 */
export function createDb(options: CreateDbOptions = {}): DbHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.maxConnections ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
          sharedParsers[oid] ?? pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection can be closed under us (PostgreSQL restarted, failover,
    // an admin terminating it): the pool drops it and opens a new one on demand.
    // Without a listener the 'error' event would crash the process.
    pool.on('error', (error) => (options.onIdleConnectionError ?? warnIdleConnectionError)(error));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, engine: 'postgres', close: () => db.destroy() };
  }

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const pglite = new PGlite({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    parsers: {
      [pgliteTypes.INT8]: sharedParsers[INT8]!,
      [pgliteTypes.NUMERIC]: sharedParsers[NUMERIC]!,
      [pgliteTypes.DATE]: sharedParsers[DATE]!,
    },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
  return { db, engine: 'pglite', close: () => db.destroy() };
}
