// The whole public surface of @union/domain. Pure code: no I/O.
export * from './catalogue/indicator';
export * from './catalogue/default-catalogue';
export * from './org/org-unit';
export * from './school/school';
export * from './report/report';
export * from './validation/zod-messages';
export * from './validation/indicator-value';
export * from './accounts/roles';
export * from './report/validation-rules';
export * from './report/outliers';
export * from './report/workflow';
export * from './rubric/rubric';
export * from './rubric/scoring';
export * from './rubric/default-rubric';
export * from './compare/comparison';
export * from './compare/robust-statistics';
