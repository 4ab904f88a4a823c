export * from './groups';
export * from './league-table';
export * from './group-summary';
