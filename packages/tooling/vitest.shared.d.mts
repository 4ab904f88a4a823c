import type { UserConfig } from 'vitest/config';

export interface ProjectConfigOptions {
  name: string;
  include?: string[];
  testTimeout?: number;
  hookTimeout?: number;
  setupFiles?: string[];
  fileParallelism?: boolean;
}

export declare function defineProjectConfig(options: ProjectConfigOptions): UserConfig;
