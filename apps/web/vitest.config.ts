import { defineProjectConfig } from '@union/tooling/vitest';

// The browser tests need Debian Chromium (CHROMIUM_PATH). Outside CI they are
// left out when it is not set; in CI they always run, so a missing browser
// makes the e2e file fail loudly instead of silently testing nothing.
const runBrowserTests = Boolean(process.env.CHROMIUM_PATH) || process.env.CI === 'true' || process.env.CI === '1';

export default defineProjectConfig({
  name: 'web',
  include: ['src/**/*.test.ts', 'src/**/*.test.tsx', ...(runBrowserTests ? ['e2e/**/*.test.ts'] : [])],
  fileParallelism: false,
  // Starting the real server (PGlite + demo seed) and Chromium is slow on 2 cores.
  testTimeout: 60_000,
  hookTimeout: 300_000, // above the server's own readiness limit (SERVER_READY_TIMEOUT_MS), so a slow start reports its output
});
