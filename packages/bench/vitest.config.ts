import { defineProjectConfig } from '@union/tooling/vitest';

// Unit tests of the evaluation code only; the measurements themselves are not tests.
export default defineProjectConfig({ name: 'bench', include: ['src/**/*.test.ts'] });
