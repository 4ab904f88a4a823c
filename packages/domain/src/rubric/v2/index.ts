export * from './model';
export * from './maximum';
export * from './schema';
export * from './ratings';
export * from './scoring';
export * from './from-v1';
export * from './to-v1';
