import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { categoryCodes, defaultCatalogue, defaultRubric, findGaps, scoreReport } from '@union/domain';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';

const createCaller = createCallerFactory(appRouter);

/** Expected figures from the generator's data, independently of the services. */
const demo = generateDemoDistrict();
const staffOf = (code: string) => demo.schools.find((s) => s.code === code)!.staffCount;
const scored = (r: (typeof demo.reports)[number]) =>
  scoreReport(defaultRubric, { values: r.values, honours: r.honours, narrative: r.narrative, staffCount: r.values.staff_total ?? staffOf(r.schoolCode) });
const approvedScores = (year: number) =>
  new Map(demo.reports.filter((r) => r.year === year && r.status === 'approved').map((r) => [r.schoolCode, scored(r)] as const));

describe.each(testEngines())('[%s] year overview highlights: who leads, who improved', (engine) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof createCaller>;
  let chair: ReturnType<typeof createCaller>;
  let codeOf: Map<number, string>;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    chair = createCaller(createDirectContext(t.db, await actorFor(t.db, 'chair01')));
    const units = await t.db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'school').execute();
    codeOf = new Map(units.map((u) => [u.id, u.code]));
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the top and bottom five by score, matching the approved reports', async () => {
    const h = (await admin.dashboard.highlights({ year: 2025 }))!;
    const expected = [...approvedScores(2025)].sort((a, b) => b[1].total - a[1].total);
    expect(h.scoredSchools).toBe(expected.length);
    expect(h.top).toHaveLength(5);
    expect(h.top.map((s) => s.score)).toEqual(expected.slice(0, 5).map(([, s]) => s.total));
    expect(h.top[0]!.rank).toBe(1);
    expect(h.bottom.map((s) => s.score)).toEqual(expected.slice(-5).reverse().map(([, s]) => s.total));
    // No school is both a leader and at the bottom.
    expect(h.top.some((s) => h.bottom.some((b) => b.schoolId === s.schoolId))).toBe(false);
  });

  it('lists the biggest improvers and the categories that lost most points across the district', async () => {
    const h = (await admin.dashboard.highlights({ year: 2025 }))!;
    const now = approvedScores(2025);
    const before = approvedScores(2024);
    const both = [...now.keys()].filter((code) => before.has(code));
    expect(h.comparedSchools).toBe(both.length);
    const changes = both.map((code) => ({ code, change: Math.round((now.get(code)!.total - before.get(code)!.total) * 100) / 100 })).sort((a, b) => b.change - a.change);
    expect(h.improvers.map((s) => s.change)).toEqual(changes.filter((c) => c.change > 0).slice(0, 5).map((c) => c.change));
    expect(h.improvers.map((s) => codeOf.get(s.schoolId))).toEqual(expect.arrayContaining([changes[0]!.code]));
    // Category change = Σ over schools of (points this year − last year), from the rubric's items.
    const itemCategory = new Map(defaultRubric.items.map((i) => [i.id, i.category]));
    const categoryPoints = (score: ReturnType<typeof scored>) => {
      const sums = Object.fromEntries(categoryCodes.map((c) => [c, 0])) as Record<string, number>;
      for (const item of score.items) sums[itemCategory.get(item.itemId)!]! += item.earned;
      return sums;
    };
    const drops = categoryCodes
      .map((c) => ({ code: c, change: both.reduce((s, code) => s + categoryPoints(now.get(code)!)[c]! - categoryPoints(before.get(code)!)[c]!, 0) }))
      .filter((c) => c.change < -0.005)
      .sort((a, b) => a.change - b.change);
    expect(h.categoryDrops.map((c) => c.code)).toEqual(drops.slice(0, 3).map((c) => c.code));
    for (const [i, d] of h.categoryDrops.entries()) {
      expect(d.change).toBeCloseTo(drops[i]!.change, 1);
      expect(d.schoolsDropped).toBeGreaterThan(0);
    }
  });

  it('gives chairs nothing before the year is published, the same lists after', async () => {
    expect(await chair.dashboard.highlights({ year: 2025 })).toBeNull();
    const row = await t.db.selectFrom('reporting_years').select(['deadline', 'is_open']).where('year', '=', 2025).executeTakeFirstOrThrow();
    const publish = (publishedToChairs: boolean) => admin.years.update({ year: 2025, deadline: row.deadline, isOpen: row.is_open, publishedToChairs });
    await publish(true);
    const published = await chair.dashboard.highlights({ year: 2025 });
    expect(published?.top).toEqual((await admin.dashboard.highlights({ year: 2025 }))!.top);
    await publish(false);
  });

  it('keeps a school profile’s gaps to the year asked for (the printed summary’s year)', async () => {
    const [[schoolId]] = [[...codeOf].find(([, code]) => code === 'S01')!];
    const of2024 = await admin.dashboard.schoolProfile({ schoolId, year: 2024 });
    expect(of2024.latestYear).toBe(2024);
    const report = demo.reports.find((r) => r.schoolCode === 'S01' && r.year === 2024)!;
    const expected = findGaps(defaultRubric, { values: report.values, honours: report.honours, narrative: report.narrative, staffCount: report.values.staff_total ?? staffOf('S01') }, defaultCatalogue);
    expect(of2024.gaps.map((g) => g.itemId)).toEqual(expected.map((g) => g.itemId));
    expect((await admin.dashboard.schoolProfile({ schoolId })).latestYear).toBeGreaterThan(2024);
  });
});
