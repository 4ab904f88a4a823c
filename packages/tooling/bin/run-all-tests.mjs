#!/usr/bin/env node
// Runs typecheck, lint and every package's tests through Turborepo, then prints the
// totals per suite and one closing line "Tests: N passed, N failed".
// In CI (CI=true) it also fails loudly when a suite that must run did not:
// the PostgreSQL half of the database tests and the Chromium browser tests.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const workspaces = ['packages/domain', 'packages/db', 'packages/bench', 'apps/server', 'apps/web'];

for (const ws of workspaces) rmSync(join(root, ws, 'test-results'), { recursive: true, force: true });

const turbo = spawnSync('pnpm', ['exec', 'turbo', 'run', 'typecheck', 'lint', 'test', '--concurrency=2', '--continue=dependencies-successful'], {
  cwd: root,
  stdio: 'inherit',
  env: process.env,
});

let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
const allNames = [];
for (const ws of workspaces) {
  const file = join(root, ws, 'test-results', 'vitest.json');
  if (!existsSync(file)) {
    lines.push(`  ${ws.padEnd(18)} no results (suite did not run)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const p = report.numPassedTests ?? 0;
  const f = (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0);
  const s = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  passed += p;
  failed += f;
  skipped += s;
  for (const suite of report.testResults ?? []) {
    for (const t of suite.assertionResults ?? []) if (t.status === 'passed') allNames.push(t.fullName ?? t.title);
  }
  lines.push(`  ${ws.padEnd(18)} ${String(p).padStart(4)} passed  ${String(f).padStart(3)} failed  ${String(s).padStart(3)} skipped`);
}

const problems = [];
if (skipped > 0) problems.push(`${skipped} skipped/todo tests: tests must run or be removed`);
if (process.env.CI === 'true' || process.env.CI === '1') {
  const pgCount = allNames.filter((n) => n.includes('[postgres]')).length;
  const pgliteCount = allNames.filter((n) => n.includes('[pglite]')).length;
  const browserCount = allNames.filter((n) => n.includes('[chromium]')).length;
  const deploymentCount = allNames.filter((n) => n.includes('[deployment]')).length;
  lines.push(`  engines: ${pgliteCount} PGlite tests, ${pgCount} PostgreSQL tests, ${browserCount} Chromium tests, ${deploymentCount} deployment-config tests`);
  if (pgCount === 0) problems.push('CI: no PostgreSQL tests ran (is TEST_DATABASE_URL set?)');
  if (pgliteCount === 0) problems.push('CI: no PGlite tests ran');
  if (browserCount === 0) problems.push('CI: no Chromium tests ran (is CHROMIUM_PATH set?)');
  if (deploymentCount === 0) problems.push('CI: the compose file was not validated (is docker-compose installed?)');
}

console.log('\nTest totals by suite:');
for (const l of lines) console.log(l);
for (const p of problems) console.log(`  ERROR: ${p}`);
if (turbo.status !== 0 && failed === 0) {
  console.log('  ERROR: typecheck or a test task failed (see output above)');
  failed += 1;
}
if (problems.length > 0 && failed === 0) failed += problems.length;
console.log(`\nTests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || turbo.status !== 0 ? 1 : 0);
