import { spawnSync } from 'node:child_process';
import { defineProjectConfig } from '@union/tooling/vitest';

// The PostgreSQL-only operations suite (backup/restore, concurrent migrations)
// is included when TEST_DATABASE_URL is set, the compose-file check when
// docker-compose is installed; CI has both (and fails if either did not run).
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);
const withCompose = spawnSync('docker-compose', ['version'], { stdio: 'ignore' }).status === 0;

export default defineProjectConfig({
  name: 'db',
  include: ['src/**/*.test.ts', ...(withPostgres ? ['test/postgres-*.test.ts'] : []), ...(withCompose ? ['test/deployment-*.test.ts'] : [])],
});
