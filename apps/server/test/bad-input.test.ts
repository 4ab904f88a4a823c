import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getTRPCErrorShape, TRPCError, type AnyTRPCProcedure } from '@trpc/server';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@union/db';
import { DEMO_PASSWORD, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { rubricV2Templates } from '@union/domain';
import type { Actor } from '../src/auth/actor';
import { createAppServer } from '../src/http/app-server';
import { appRouter } from '../src/routers/index';
import { ensureScores } from '../src/services/scores';
import { createDirectContext } from '../src/trpc/context';
import { labelOfInputPath } from '../src/trpc/field-labels';
import { createCallerFactory, type ErrorData } from '../src/trpc/trpc';
import { badVariants } from './bad-input-variants';
import { prepareFixture, procedurePaths, procedureRows, type Fixture, type Who } from './procedure-inputs';

const createCaller = createCallerFactory(appRouter);
const han = /[\u4e00-\u9fff]/;

/** Procedures that take no input at all: nothing to malform. */
const withoutInput = ['auth.logout', 'auth.me', 'reminders.mine', 'reports.years', 'schools.orgTree', 'users.list', 'notifications.channels', 'notifications.myPreferences', 'schoolGroups.list'];

/**
 * Inputs with every optional field filled in, where the access matrix's
 * minimal input leaves fields out, so each field gets its bad variants.
 * (audit.list's `before` is left out: audit ids are bigint, so 2^31 is a valid page position.)
 */
const fullerInputs: Record<string, (f: Fixture) => unknown> = {
  'catalogue.list': (f) => ({ year: f.openYear }),
  'schools.list': (f) => ({ year: f.openYear, search: '实验', clusterId: f.clusterId, schoolType: 'primary', includeInactive: true }),
  'audit.list': (f) => ({ action: 'login', schoolId: f.schoolA, username: 'admin' }),
  'reports.save': (f) => ({
    schoolId: f.schoolA,
    year: f.openYear,
    baseVersion: f.reportA.version,
    values: { sick_visits: 12, hardship_aid_amount: 1200.5, new_cadre_share: 20 },
    narrative: { achievements: '全年开展送温暖活动。', shortcomings: '活动形式较单一。', plans: '明年继续。' },
    honours: [{ title: '区模范职工之家', level: 'county', kind: 'collective', recipient: '校工会' }],
    explanations: { sick_visits: '流感高发' },
  }),
  'review.return': (f) => ({ reportId: f.reportA.id, version: 999, comment: '请核实', fieldComments: [{ fieldPath: 'values.sick_visits', body: '请核实人次' }] }),
  'dashboard.comparison': (f) => ({ year: f.openYear, codes: ['sick_visits'], clusterId: f.clusterId, schoolType: 'primary', sizeBand: 'small', group: { set: 'groups', value: f.groupA.id }, by: 'locality' }),
  'excel.exportComparison': (f) => ({ year: f.openYear, codes: ['sick_visits'], clusterId: f.clusterId, schoolType: 'primary', sizeBand: 'small' }),
  'dashboard.trend': (f) => ({ code: 'sick_visits', schoolIds: [f.schoolA], group: { set: 'locality', value: 'rural' }, by: 'groups' }),
  'dashboard.overview': (f) => ({ year: f.openYear, group: { set: 'ownership', value: 'public' } }),
  'schools.create': (f) => ({ code: `M${f.unique()}`, name: `矩阵测试学校${f.unique()}`, schoolType: 'primary', parentId: f.clusterId, staffCount: 40, memberCount: 38, locality: 'rural', ownership: 'private' }),
  // Every item kind, caps, tiers, raters, 复核: each field of a v2 definition gets its variants.
  'rubric.saveDefinition': (f) => ({ year: f.openYear, definition: rubricV2Templates().find((t) => t.id === 'university')!.rubric }),
  'rubric.assess': (f) => ({ reportId: f.reportA.id, kind: 'acceptance', score: 88, note: '已核实' }),
  'narratives.search': (f) => ({ query: '送温暖', year: f.openYear }),
  'notifications.saveChannel': () => ({ channel: 'dingtalk', enabled: false, url: 'https://oapi.dingtalk.com/robot/send?access_token=x', secret: 'SECabc', clearSecret: false }),
  'notifications.testChannel': () => ({ channel: 'email', to: 'nobody@example.cn' }),
  'notifications.deliveries': () => ({ limit: 10 }),
  'evidence.list': (f) => ({ reportId: f.reportA.id, target: { kind: 'section', key: 'plans' } }),
  'inspection.mine': (f) => ({ year: f.openYear }),
  'inspection.save': (f) => ({ reportId: f.reportA.id, ratings: { ledger: { earned: 3, noteZh: '台帐未归档' }, training_attendance: { occurrences: 1 } } }),
};

const procedures = (appRouter._def as unknown as { procedures: Record<string, AnyTRPCProcedure> }).procedures;

/** A caller the procedure lets in, so the input itself is what gets refused. */
function allowedCaller(path: string): Who {
  const { allowed } = procedureRows[path]!;
  if (allowed.includes('admin')) return 'admin';
  if (allowed.includes('chairA')) return 'chairA';
  if (allowed.includes('cityAdmin')) return 'cityAdmin';
  if (allowed.includes('inspector')) return 'inspector';
  throw new Error(`${path}: neither the admin, chair A, the city admin nor the inspector may call it`);
}

/** Every table's row count and a hash of its rows: any write anywhere changes it. */
async function databaseFingerprint(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1
  `.execute(db);
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const row = await sql<{ n: number; h: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${sql.table(name)} t
    `.execute(db);
    fingerprint[name] = `${row.rows[0]!.n}:${row.rows[0]!.h}`;
  }
  return fingerprint;
}

const toPath = (dotted: string) => dotted.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

describe.each(testEngines())('[%s] bad input: every procedure refuses malformed values with a Chinese 400 and changes nothing', (engine) => {
  let t: TestDatabase;
  let fixture: Fixture;
  let actors: Map<Who, Actor | null>;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db, { withCity: true });
    ({ fixture, actors } = await prepareFixture(t.db, engine.slice(0, 2)));
    // Dashboards fill in missing scores before reading them; do that once so it is not mistaken for a change.
    const years = await t.db.selectFrom('reporting_years').select('year').execute();
    await ensureScores(t.db, years.map((y) => y.year));
  });
  afterAll(async () => {
    await t.close();
  });

  it('covers every procedure of the router: each has bad variants or is listed as taking no input', () => {
    expect(Object.keys(procedureRows).sort()).toEqual(procedurePaths());
    for (const path of procedurePaths()) {
      const takesInput = procedures[path]!._def.inputs.length > 0;
      expect(takesInput, `${path} takes input: ${takesInput}`).toBe(!withoutInput.includes(path));
      if (takesInput) expect(fullerInputs[path] ?? procedureRows[path]!.input, `${path} needs a valid input`).toBeDefined();
    }
  });

  for (const path of procedurePaths().filter((p) => !withoutInput.includes(p))) {
    it(`${path}`, async () => {
      const input = (fullerInputs[path] ?? procedureRows[path]!.input)!(fixture);
      const variants = badVariants(input, procedures[path]!._def.inputs[0]);
      expect(variants.length).toBeGreaterThan(0);
      const ctx = createDirectContext(t.db, actors.get(allowedCaller(path)) ?? null);
      const caller = createCaller(ctx) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
      const [area, name] = path.split('.') as [string, string];
      const before = await databaseFingerprint(t.db);
      const problems: string[] = [];
      for (const variant of variants) {
        const where = `${variant.path} = ${variant.what}`;
        let error: unknown;
        try {
          await caller[area]![name]!(variant.input);
        } catch (e) {
          error = e;
        }
        if (!(error instanceof TRPCError)) {
          problems.push(`${where}: ${error ? `not a TRPCError: ${String(error)}` : 'accepted'}`);
          continue;
        }
        if (error.code !== 'BAD_REQUEST') {
          problems.push(`${where}: ${error.code} ${error.message}`);
          continue;
        }
        // The answer a client gets: the router's own error formatter.
        const shape = getTRPCErrorShape({ config: appRouter._def._config, error, type: procedures[path]!._def.type, path, input: variant.input, ctx });
        const data = shape.data as unknown as ErrorData;
        if (!han.test(shape.message)) problems.push(`${where}: message not in Chinese: ${shape.message}`);
        // The field itself, or (for a union's discriminator) the object it selects.
        const named = data.fieldErrors?.find((f) => f.path === variant.path || (f.path !== '' && variant.path.startsWith(`${f.path}.`)));
        if (!named) {
          problems.push(`${where}: no field error names it: ${JSON.stringify(data.fieldErrors)}`);
          continue;
        }
        if (!han.test(named.message)) problems.push(`${where}: field message not in Chinese: ${named.message}`);
        if (!han.test(labelOfInputPath(toPath(named.path)) ?? '')) problems.push(`${where}: no Chinese label for ${named.path}`);
      }
      expect(problems).toEqual([]);
      expect(await databaseFingerprint(t.db)).toEqual(before);
    });
  }
});

describe.each(testEngines())('[%s] bad input over HTTP: a 400 in Chinese, never a 500', (engine) => {
  let t: TestDatabase;
  let server: Server;
  let base: string;
  let fixture: Fixture;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db, { withCity: true });
    ({ fixture } = await prepareFixture(t.db, engine.slice(0, 2)));
    server = createAppServer({ db: t.db, engine: t.engine, webDistDir: '/nonexistent' });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/trpc`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await t.close();
  });

  const post = (procedure: string, body: string, cookie?: string) =>
    fetch(`${base}/${procedure}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body });

  async function login(username: string): Promise<string> {
    const res = await post('auth.login', JSON.stringify({ username, password: DEMO_PASSWORD }));
    expect(res.status).toBe(200);
    return res.headers.getSetCookie()[0]!.split(';')[0]!;
  }

  type ErrorBody = { error: { message: string; data: ErrorData & { httpStatus: number } } };

  it('schools.get with an id beyond int4', async () => {
    const cookie = await login('admin');
    const res = await fetch(`${base}/schools.get?input=${encodeURIComponent('{"id":2147483648}')}`, { headers: { cookie } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.message).toMatch(/^输入有误：编号：编号无效/);
    expect(body.error.data.fieldErrors?.map((f) => f.path)).toEqual(['id']);
  });

  it('auth.login with a NUL character in the username', async () => {
    const res = await post('auth.login', JSON.stringify({ username: 'chair01\u0000', password: DEMO_PASSWORD }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.message).toMatch(/^输入有误：用户名：含有无法保存的空字符/);
    expect(body.error.data.fieldErrors?.map((f) => f.path)).toEqual(['username']);
  });

  it('reports.save with a __proto__ key among the indicator values (JSON.parse makes it an own key)', async () => {
    const cookie = await login('chair01');
    const before = await t.db.selectFrom('reports').select(['version', 'updated_at']).where('id', '=', fixture.reportA.id).executeTakeFirstOrThrow();
    const body = `{"schoolId":${fixture.schoolA},"year":${fixture.openYear},"baseVersion":${fixture.reportA.version},
      "values":{"sick_visits":3,"__proto__":{"polluted":1}},"narrative":{"achievements":"","shortcomings":"","plans":""},"honours":[]}`;
    const res = await post('reports.save', body, cookie);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as ErrorBody;
    expect(answer.error.data.fieldErrors).toEqual([{ path: 'values.__proto__', message: '指标“__proto__”：“__proto__”不是有效的项目' }]);
    expect(await t.db.selectFrom('reports').select(['version', 'updated_at']).where('id', '=', fixture.reportA.id).executeTakeFirstOrThrow()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports.save with a count of 1e15 names the indicator', async () => {
    const cookie = await login('chair01');
    const body = JSON.stringify({
      schoolId: fixture.schoolA,
      year: fixture.openYear,
      baseVersion: fixture.reportA.version,
      values: { sick_visits: 1e15 },
      narrative: { achievements: '', shortcomings: '', plans: '' },
      honours: [],
    });
    const res = await post('reports.save', body, cookie);
    expect(res.status).toBe(400);
    const answer = (await res.json()) as ErrorBody;
    expect(answer.error.data.fieldErrors).toEqual([{ path: 'values.sick_visits', message: '探望慰问病患人次不能大于 100,000 人次，请检查是否多输了数字' }]);
  });
});
