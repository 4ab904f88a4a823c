import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import type { Actor } from '../src/auth/actor';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { prepareFixture, procedurePaths, procedureRows, whos, type Fixture, type Who } from './procedure-inputs';

const createCaller = createCallerFactory(appRouter);

const matrix = procedureRows;

type Outcome = 'allowed' | 'denied';

/** Refusals are UNAUTHORIZED/FORBIDDEN, or NOT_FOUND for data outside the caller's scope. */
async function outcomeOf(call: () => Promise<unknown>): Promise<{ outcome: Outcome; code?: string }> {
  try {
    await call();
    return { outcome: 'allowed' };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    if (['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND'].includes(error.code)) return { outcome: 'denied', code: error.code };
    // Business-rule refusals (e.g. a wrong current password) come after the access check passed.
    return { outcome: 'allowed', code: error.code };
  }
}

describe.each(testEngines())('[%s] access matrix: every procedure × every role', (engine) => {
  let t: TestDatabase;
  let fixture: Fixture;
  let actors: Map<Who, Actor | null>;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db, { withCity: true });
    ({ fixture, actors } = await prepareFixture(t.db, engine.slice(0, 2)));
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a row for every procedure in the router, and no stale rows', () => {
    expect(Object.keys(matrix).sort()).toEqual(procedurePaths());
  });

  it('schools A and B are different schools', () => {
    expect(actors.get('chairA')!.schoolId).not.toBe(actors.get('chairB')!.schoolId);
  });

  for (const path of Object.keys(matrix).sort()) {
    it(`${path}: allowed for ${matrix[path]!.allowed.join(', ')}; refused for the rest`, async () => {
      const row = matrix[path]!;
      const results: Record<string, string> = {};
      const expected: Record<string, string> = {};
      for (const who of whos) {
        const caller = createCaller(createDirectContext(t.db, actors.get(who) ?? null)) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
        const [area, name] = path.split('.') as [string, string];
        const { outcome } = await outcomeOf(() => caller[area]![name]!(row.input?.(fixture)));
        results[who] = outcome;
        expected[who] = row.allowed.includes(who) ? 'allowed' : 'denied';
      }
      expect(results).toEqual(expected);
    });
  }
});
