// First-run helper: creates a district admin (and the district org unit when
// the database has none). Password from ADMIN_PASSWORD or typed at the prompt.
//   pnpm admin:create <username> "<姓名>" ["<区教育工会名称>"]
import { createInterface } from 'node:readline/promises';
import { join } from 'node:path';
import { createDb, hashPassword, migrateToLatest } from '@union/db';
import { displayNameSchema, newPasswordSchema, usernameSchema } from '@union/domain';
import { loadConfig } from '../config';

async function readPassword(): Promise<string> {
  if (process.env.ADMIN_PASSWORD) return process.env.ADMIN_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  try {
    return await rl.question('请输入新管理员的密码（至少 8 位，含字母和数字）：');
  } finally {
    rl.close();
  }
}

async function main() {
  // pnpm may pass a literal `--` through before the arguments.
  const [usernameArg, displayNameArg, districtNameArg] = process.argv.slice(2).filter((a) => a !== '--');
  const username = usernameSchema.safeParse(usernameArg ?? '');
  const displayName = displayNameSchema.safeParse(displayNameArg ?? '');
  if (!username.success || !displayName.success) {
    console.error('用法 (usage): pnpm admin:create <用户名> "<姓名>" ["<区教育工会名称>"]');
    console.error([...(username.error?.issues ?? []), ...(displayName.error?.issues ?? [])].map((i) => i.message).join('；'));
    process.exitCode = 1;
    return;
  }
  const password = newPasswordSchema.safeParse(await readPassword());
  if (!password.success) {
    console.error(`密码不符合要求：${password.error.issues.map((i) => i.message).join('；')}`);
    process.exitCode = 1;
    return;
  }

  const config = loadConfig();
  const { db, close } = createDb({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? undefined : join(config.dataDir, 'pglite') });
  try {
    await migrateToLatest(db);
    const passwordHash = await hashPassword(password.data);
    await db.transaction().execute(async (trx) => {
      let district = await trx.selectFrom('org_units').select('id').where('kind', '=', 'district').orderBy('id').limit(1).executeTakeFirst();
      if (!district) {
        district = await trx
          .insertInto('org_units')
          .values({ kind: 'district', code: 'D001', name: districtNameArg?.trim() || '区教育工会' })
          .returning('id')
          .executeTakeFirstOrThrow();
      }
      const taken = await trx.selectFrom('users').select('id').where('username', '=', username.data).executeTakeFirst();
      if (taken) throw new Error(`用户名 ${username.data} 已被使用`);
      await trx
        .insertInto('users')
        .values({ username: username.data, display_name: displayName.data, role: 'district_admin', org_unit_id: district.id, password_hash: passwordHash })
        .execute();
    });
    console.log(`已创建管理员 ${username.data} (admin created)`);
  } catch (error) {
    console.error('创建管理员失败 (failed):', error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await close();
  }
}

void main();
