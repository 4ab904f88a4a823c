// Shared Vitest settings for every package. Plain JS so that Vitest can load it
// from a workspace dependency on Node 20 without a TypeScript loader.
import { defineConfig } from 'vitest/config';

/**
 * @param {{ name: string, include?: string[], testTimeout?: number, hookTimeout?: number, setupFiles?: string[], fileParallelism?: boolean }} options
 */
export function defineProjectConfig(options) {
  return defineConfig({
    test: {
      name: options.name,
      include: options.include ?? ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
      // Generous limits: PGlite cold start and Chromium launch are slow on 2 cores.
      // These are not performance assertions; benchmarks live in `pnpm bench`.
      testTimeout: options.testTimeout ?? 30_000,
      hookTimeout: options.hookTimeout ?? 120_000,
      setupFiles: options.setupFiles ?? [],
      fileParallelism: options.fileParallelism ?? true,
      maxWorkers: 2,
      reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
      // An empty or skipped test is not a test: fail instead of passing quietly.
      passWithNoTests: false,
      allowOnly: false,
    },
  });
}
