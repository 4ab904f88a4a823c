// Public surface of @union/db.
export { createDb, type CreateDbOptions, type DbEngine, type DbHandle } from './create-db';
export { latestMigrationName, migrateToLatest, MigrationFailedError } from './migrate';
export { assignCatalogueToYear, installCatalogue } from './catalogue';
export type * from './schema';
export { hashPassword, verifyPassword } from './passwords';
