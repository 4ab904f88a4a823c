import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import type { OrgTreeNode } from '@union/domain';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { codeOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);

const flatten = (nodes: OrgTreeNode[]): OrgTreeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

describe.each(testEngines())('[%s] a school chair sees only their own school', (engine) => {
  let t: TestDatabase;
  let chairA: ReturnType<typeof createCaller>;
  let schoolA: number;
  let otherSchoolIds: number[];
  let schoolBName: string;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    const actor = await actorFor(t.db, 'chair01');
    schoolA = actor.schoolId!;
    chairA = createCaller(createDirectContext(t.db, actor));
    const others = await t.db.selectFrom('schools as s').innerJoin('org_units as o', 'o.id', 's.id').select(['s.id', 'o.name']).where('s.id', '!=', schoolA).orderBy('s.id').execute();
    otherSchoolIds = others.map((o) => o.id);
    schoolBName = others[0]!.name;
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists only their school, whatever the filters ask for', async () => {
    expect((await chairA.schools.list()).schools.map((s) => s.id)).toEqual([schoolA]);
    expect((await chairA.schools.list({ search: schoolBName })).schools).toEqual([]);
    for (const year of [2022, 2023, 2024, 2025, 2026]) {
      expect((await chairA.schools.list({ year })).schools.map((s) => s.id)).toEqual([schoolA]);
    }
  });

  it('gets NOT_FOUND for every other school id, and for ids that do not exist', async () => {
    const guessed = [...otherSchoolIds, 0x7fffffff, 999_999];
    for (const id of guessed) expect(await codeOf(chairA.schools.get({ id }))).toBe('NOT_FOUND');
  });

  it('cannot read another school’s report or last-year values in any year', async () => {
    for (const id of otherSchoolIds) {
      for (const year of [2022, 2025, 2026]) {
        expect(await codeOf(chairA.reports.get({ schoolId: id, year }))).toBe('NOT_FOUND');
      }
    }
  });

  it('reads its own reports in every year, drafts included', async () => {
    for (const year of [2022, 2023, 2024, 2025, 2026]) {
      const result = await chairA.reports.get({ schoolId: schoolA, year });
      expect(result.school.id).toBe(schoolA);
    }
  });

  it('sees in the org tree only its school and the units above it', async () => {
    const units = flatten(await chairA.schools.orgTree());
    const schools = units.filter((u) => u.kind === 'school');
    expect(schools.map((s) => s.id)).toEqual([schoolA]);
    expect(units.some((u) => u.kind === 'district')).toBe(true);
  });

  it('cannot create, change, or list users, schools or the audit trail', async () => {
    expect(await codeOf(chairA.schools.update({ id: otherSchoolIds[0]!, school: { code: 'X1', name: '改名学校', schoolType: 'primary', parentId: 1, staffCount: 10, memberCount: 10 } }))).toBe('FORBIDDEN');
    expect(await codeOf(chairA.users.list())).toBe('FORBIDDEN');
    expect(await codeOf(chairA.audit.list({ schoolId: otherSchoolIds[0]! }))).toBe('FORBIDDEN');
    const unchanged = await t.db.selectFrom('org_units').select('name').where('id', '=', otherSchoolIds[0]!).executeTakeFirstOrThrow();
    expect(unchanged.name).toBe(schoolBName);
  });
});

describe.each(testEngines())('[%s] a district viewer reads handed-in reports only', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('sees every school’s status, but a draft’s content stays hidden', async () => {
    const viewer = createCaller(createDirectContext(t.db, await actorFor(t.db, 'viewer')));
    const admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const { year, schools } = await viewer.schools.list();
    const draft = schools.find((s) => s.reportStatus === 'draft')!;
    const submitted = schools.find((s) => s.reportStatus === 'submitted')!;
    const asViewer = await viewer.reports.get({ schoolId: draft.id, year: year! });
    expect(asViewer.status).toBe('draft');
    expect(asViewer.report).toBeNull();
    expect((await admin.reports.get({ schoolId: draft.id, year: year! })).report?.status).toBe('draft');
    expect((await viewer.reports.get({ schoolId: submitted.id, year: year! })).report?.status).toBe('submitted');
  });
});
