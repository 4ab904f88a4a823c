import { join, resolve } from 'node:path';
import { createDb, type DbHandle } from '../create-db';

const repoRoot = resolve(import.meta.dirname, '../../../..');

interface CliDatabase extends DbHandle {
  /** Where the data lives, for the result line. */
  location: string;
}

/**
 * Opens the database the way the server does: PostgreSQL when DATABASE_URL is
 * set, otherwise embedded PGlite under DATA_DIR/pglite (DATA_DIR defaults to
 * the repo's ./data), so the CLIs and `pnpm start` share one database.
 */
function openCliDatabase(env: NodeJS.ProcessEnv): CliDatabase {
  if (env.DATABASE_URL) return { ...createDb({ databaseUrl: env.DATABASE_URL }), location: 'PostgreSQL (DATABASE_URL)' };
  const dataDir = join(env.DATA_DIR ?? join(repoRoot, 'data'), 'pglite');
  return { ...createDb({ dataDir }), location: dataDir };
}

/**
 * Runs one database task, prints its one-line result and closes the database.
 * On failure prints the error and sets exit code 1.
 */
export async function runCli(failureMessage: string, task: (database: CliDatabase) => Promise<string>): Promise<void> {
  let database: CliDatabase | undefined;
  try {
    database = openCliDatabase(process.env);
    console.log(await task(database));
  } catch (error) {
    console.error(`${failureMessage}:`, error);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}
