import { defineProjectConfig } from '@union/tooling/vitest';

export default defineProjectConfig({ name: 'server' });
