import { Migrator, type Migration, type MigrationResult } from 'kysely/migration';
import type { Kysely } from 'kysely';
import { migrations } from './migrations/index';

export class MigrationFailedError extends Error {
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MigrationFailedError';
  }
}

/**
 * Brings the schema to the latest migration. Kysely's migrateToLatest()
 * returns its error instead of throwing; we throw so a failure cannot pass silently.
 */
export async function migrateToLatest(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run before the schema types apply
  db: Kysely<any>,
  available: Record<string, Migration> = migrations,
): Promise<readonly MigrationResult[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => available },
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error');
    throw new MigrationFailedError(`数据库迁移失败${failed ? `（${failed.migrationName}）` : ''}`, results, { cause: error });
  }
  return results;
}

/** The newest migration this code knows, for readiness checks. */
export function latestMigrationName(): string {
  return Object.keys(migrations).sort().at(-1)!;
}
