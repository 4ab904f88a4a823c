// `pnpm db:seed`: migrates, then fills an empty database with the demo district.
import { migrateToLatest } from '../migrate';
import { DEMO_PASSWORD } from '../seed/demo-district';
import { seedDemoDistrict } from '../seed/insert-demo';
import { runCli } from './run-cli';

await runCli('演示数据生成失败 (demo seed failed)', async ({ db, location }) => {
  await migrateToLatest(db);
  const result = await seedDemoDistrict(db, { withCity: true });
  return result.seeded
    ? `已生成示范区演示数据：${result.schools} 所学校，${result.reports} 份年报，账号 city1 / cityview1 / admin / viewer / chair01–chair31，密码 ${DEMO_PASSWORD} (demo district seeded: ${result.schools} schools, ${result.reports} reports) [${location}]`
    : `数据库中已有组织机构，未写入演示数据 (org units already exist, demo seed skipped) [${location}]`;
});
