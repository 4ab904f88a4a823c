import { defineProjectConfig } from '@union/testing/vitest';

export default defineProjectConfig({ name: 'domain' });
