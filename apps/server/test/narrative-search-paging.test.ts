import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { appRouter } from '../src/routers/index';
import { SEARCH_PAGE_REPORTS } from '../src/routers/narratives';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';

const createCaller = createCallerFactory(appRouter);
const reportsOf = (hits: { schoolId: number; year: number }[]) => new Set(hits.map((h) => `${h.schoolId}/${h.year}`));

describe.each(testEngines())('[%s] narrative search pages through every matching report', (engine) => {
  let t: TestDatabase;
  let viewer: ReturnType<typeof createCaller>;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    viewer = createCaller(createDirectContext(t.db, await actorFor(t.db, 'viewer')));
  });
  afterAll(async () => {
    await t.close();
  });

  it('gives 50 reports a page, the next page the following ones, none twice, until none is left', async () => {
    const seen = new Set<string>();
    let pages = 0;
    for (let page = 0; page < 10; page++) {
      const reports = reportsOf(await viewer.narratives.search({ query: '工会', page }));
      if (reports.size === 0) break;
      pages++;
      expect(reports.size).toBeLessThanOrEqual(SEARCH_PAGE_REPORTS);
      for (const r of reports) {
        expect(seen.has(r), `report ${r} on two pages`).toBe(false);
        seen.add(r);
      }
    }
    expect(pages).toBeGreaterThan(1);
    // Every handed-in report (submitted, cluster-approved, approved) mentions 工会: the pages together hold all a viewer may read.
    const readable = await t.db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).where('status', 'in', ['submitted', 'cluster_approved', 'approved']).executeTakeFirstOrThrow();
    expect(seen.size).toBe(Number(readable.n));
  });
});
