import { defineProjectConfig } from '@union/tooling/vitest';

// The PostgreSQL-only operations suite (backup/restore, concurrent migrations)
// is included when TEST_DATABASE_URL is set; CI always sets it.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineProjectConfig({
  name: 'db',
  include: ['src/**/*.test.ts', ...(withPostgres ? ['test/**/*.test.ts'] : [])],
});
