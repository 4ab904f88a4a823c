import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);

describe.each(testEngines())('[%s] API procedures (demo district)', (engine) => {
  let t: TestDatabase;
  let api: ReturnType<typeof createCaller>;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    api = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists every school with its status for the open year by default', async () => {
    const { year, schools } = await api.schools.list();
    const years = await api.reports.years();
    expect(year).toBe(years.find((y) => y.isOpen)?.year);
    expect(schools.length).toBeGreaterThanOrEqual(25);
    expect(new Set(schools.map((s) => s.name)).size).toBe(schools.length);
    const statuses = new Set(schools.map((s) => s.reportStatus));
    expect(statuses).toContain('not_started');
    expect(statuses).toContain('approved');
  });

  it('filters schools by name, type and cluster', async () => {
    const { schools } = await api.schools.list();
    const sample = schools.find((s) => s.clusterId !== null)!;
    const bySearch = await api.schools.list({ search: sample.name.slice(0, 4) });
    expect(bySearch.schools.map((s) => s.id)).toContain(sample.id);
    expect(bySearch.schools.every((s) => s.name.includes(sample.name.slice(0, 4)))).toBe(true);

    const byType = await api.schools.list({ schoolType: sample.schoolType });
    expect(byType.schools.length).toBeGreaterThan(0);
    expect(byType.schools.every((s) => s.schoolType === sample.schoolType)).toBe(true);

    const byCluster = await api.schools.list({ clusterId: sample.clusterId! });
    expect(byCluster.schools.every((s) => s.clusterId === sample.clusterId)).toBe(true);
  });

  it('treats % and _ in the search text literally', async () => {
    const { schools } = await api.schools.list({ search: '%' });
    expect(schools).toEqual([]);
  });

  it('gives a school with its cluster, district and every year’s status', async () => {
    const { schools } = await api.schools.list();
    const school = await api.schools.get({ id: schools[0]!.id });
    expect(school.name).toBe(schools[0]!.name);
    expect(school.districtName).toBe('示范区教育工会');
    expect(school.years.map((y) => y.year)).toEqual([2026, 2025, 2024, 2023, 2022]);
  });

  it('answers an unknown school with NOT_FOUND in Chinese', async () => {
    const error = await errorOf(api.schools.get({ id: 999_999 }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toBe('找不到这所学校');
  });

  it('returns a report with values, narrative, honours and last year’s values', async () => {
    const { schools } = await api.schools.list({ year: 2025 });
    const approved = schools.find((s) => s.reportStatus === 'approved')!;
    const result = await api.reports.get({ schoolId: approved.id, year: 2025 });
    expect(result.report?.status).toBe('approved');
    expect(result.report!.values.staff_total).toBeGreaterThan(0);
    expect(result.report!.narrative.achievements.length).toBeGreaterThan(20);
    expect(Object.keys(result.previousYearValues).length).toBeGreaterThan(0);
    for (const honour of result.report!.honours) expect(['collective', 'individual']).toContain(honour.kind);
  });

  it('returns report null for a school that has not started', async () => {
    const { year, schools } = await api.schools.list();
    const notStarted = schools.find((s) => s.reportStatus === 'not_started')!;
    const result = await api.reports.get({ schoolId: notStarted.id, year: year! });
    expect(result.report).toBeNull();
    expect(result.school.id).toBe(notStarted.id);
  });

  it('refuses a year that is not open for reporting', async () => {
    const { schools } = await api.schools.list();
    const error = await errorOf(api.reports.get({ schoolId: schools[0]!.id, year: 2019 }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('2019');
  });

  it('lists the catalogue in form order', async () => {
    const catalogue = await api.catalogue.list();
    expect(catalogue).toHaveLength(59);
    expect(catalogue[0]!.code).toBe('staff_total');
    expect(catalogue.find((i) => i.code === 'new_cadre_share')).toMatchObject({ min: 0, max: 100 });
  });

  it('builds the organisation tree from the district down', async () => {
    const [district, ...rest] = await api.schools.orgTree();
    expect(rest).toEqual([]);
    expect(district!.kind).toBe('district');
    const kinds = new Set(district!.children.map((c) => c.kind));
    expect(kinds).toContain('cluster');
  });
});

describe('[pglite] input validation errors', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
    await seedDemoDistrict(t.db);
  });
  afterAll(async () => {
    await t.close();
  });

  it('rejects a bad year with BAD_REQUEST, a Chinese message and the field path', async () => {
    const api = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    const error = await errorOf(api.reports.get({ schoolId: 1, year: 1800 }));
    expect(error.code).toBe('BAD_REQUEST');
    // The HTTP suite checks the formatted shape (fieldErrors); here the zod cause carries the path.
    const cause = error.cause as { issues?: { path: PropertyKey[] }[] } | undefined;
    expect(cause?.issues?.[0]?.path).toEqual(['year']);
  });
});
