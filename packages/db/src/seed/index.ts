// Demo data for the README's start command and for tests. Kept out of the
// main entry so production code does not load the generator by accident.
export { seedDemoDistrict, type SeedDemoOptions, type SeedDemoResult } from './insert-demo';
export { generateDemoCity, DEMO_CITY, type DemoCity } from './demo-city';
export { generateDemoDistrict, demoOutliers, DEMO_PASSWORD, type DemoDistrict, type DemoReport, type DemoOutlier } from './demo-district';
export { demoInspectionRubric, DEMO_INSPECTION_TEAM, DEMO_INSPECTION_YEAR, DEMO_INSPECTOR } from './demo-inspection';
