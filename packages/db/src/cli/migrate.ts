// `pnpm db:migrate`: brings the database to the latest schema.
import { migrateToLatest } from '../migrate';
import { runCli } from './run-cli';

await runCli('数据库迁移失败 (migration failed)', async ({ db, location }) => {
  const applied = (await migrateToLatest(db)).filter((result) => result.status === 'Success').length;
  return `数据库结构已是最新，本次执行 ${applied} 个迁移 (database up to date, ${applied} migration(s) applied) [${location}]`;
});
