import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoDistrict, seedDemoDistrict } from '@union/db/seed';
import { openTestDatabase, testEngines, type TestDatabase } from '@union/db/testing';
import { comparisonRows, isOpenIn, ranksDescending, stageOf } from '@union/domain';
import { appRouter } from '../src/routers/index';
import { createDirectContext } from '../src/trpc/context';
import { createCallerFactory } from '../src/trpc/trpc';
import { actorFor } from './actors';
import { errorOf } from './trpc-errors';

const createCaller = createCallerFactory(appRouter);
type Caller = ReturnType<typeof createCaller>;
const demo = generateDemoDistrict();
const YEARS = [2022, 2023, 2024, 2025, 2026];

describe.each(testEngines())('[%s] school groups and the league table', (engine) => {
  let t: TestDatabase;
  let admin: Caller;
  let viewer: Caller;
  let chair: Caller;
  let idOf: (code: string) => number;
  let codeOf: (id: number) => string;
  let newQuality: number;

  beforeAll(async () => {
    t = await openTestDatabase(engine);
    await seedDemoDistrict(t.db);
    admin = createCaller(createDirectContext(t.db, await actorFor(t.db, 'admin')));
    viewer = createCaller(createDirectContext(t.db, await actorFor(t.db, 'viewer')));
    chair = createCaller(createDirectContext(t.db, await actorFor(t.db, 'chair02')));
    const units = await t.db.selectFrom('org_units').select(['id', 'code']).where('kind', '=', 'school').execute();
    const ids = new Map(units.map((u) => [u.code, u.id]));
    idOf = (code) => ids.get(code)!;
    codeOf = (id) => units.find((u) => u.id === id)!.code;
    newQuality = (await admin.schoolGroups.list()).find((g) => g.name === '新优质学校')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  const openIn = (year: number) => demo.schools.filter((s) => isOpenIn(s, year));

  it('filters the comparison and the overview to a group, counting only the group’s schools open that year', async () => {
    const group = demo.groups.find((g) => g.name === '新优质学校')!;
    for (const year of YEARS) {
      const expected = openIn(year).filter((s) => group.schoolCodes.includes(s.code)).map((s) => s.code).sort();
      const [view, overview] = await Promise.all([
        admin.dashboard.comparison({ year, codes: ['sick_visits'], group: { set: 'groups', value: newQuality } }).then(comparisonRows),
        admin.dashboard.overview({ year, group: { set: 'groups', value: newQuality } }),
      ]);
      expect(view.rows.map((r) => r.schoolCode).sort(), String(year)).toEqual(expected);
      expect(overview.schoolCount).toBe(expected.length);
    }
    // S31 (in the group) opened in 2025: not in 2024's figures.
    expect(openIn(2024).some((s) => s.code === 'S31')).toBe(false);
    const rural = await admin.dashboard.comparison({ year: 2024, codes: ['sick_visits'], group: { set: 'locality', value: 'rural' } }).then(comparisonRows);
    expect(rural.rows.map((r) => r.schoolCode).sort()).toEqual(openIn(2024).filter((s) => s.locality === 'rural').map((s) => s.code).sort());
    const preschool = await admin.dashboard.comparison({ year: 2025, codes: ['sick_visits'], group: { set: 'stage', value: 'preschool' } }).then(comparisonRows);
    // S13 and S14 closed after 2024 (merged into S31); S29 closed too.
    expect(preschool.rows.map((r) => r.schoolCode).sort()).toEqual(openIn(2025).filter((s) => s.schoolType === 'kindergarten').map((s) => s.code).sort());
    expect(preschool.rows.map((r) => r.schoolCode)).not.toContain('S13');
  });

  it('groups the comparison: per-group counts, totals, medians and per 100 staff over the counted schools', async () => {
    for (const year of [2024, 2025]) {
      const view = comparisonRows(await admin.dashboard.comparison({ year, codes: ['sick_visits', 'new_cadre_share'], by: 'locality' }));
      expect(view.groupBy).toBe('locality');
      const counted = openIn(year);
      for (const locality of ['urban', 'town', 'rural'] as const) {
        const group = view.groups.find((g) => g.key === locality)!;
        const members = view.rows.filter((r) => counted.find((s) => s.code === r.schoolCode)!.locality === locality);
        expect(group.schoolCount).toBe(counted.filter((s) => s.locality === locality).length);
        const values = members.map((r) => r.cells.sick_visits!.value).filter((v): v is number => v !== null);
        expect(group.indicators.sick_visits!.reporting).toBe(values.length);
        expect(group.indicators.sick_visits!.total).toBe(values.reduce((a, b) => a + b, 0));
        // A share has a median but no total or rate.
        expect(group.indicators.new_cadre_share!.total).toBeNull();
        expect(group.indicators.new_cadre_share!.perHundredStaff).toBeNull();
      }
      expect(view.groups.reduce((n, g) => n + g.schoolCount, 0)).toBe(view.rows.length);
    }
    // District groups: a school may be in several; the rest are 未分组.
    const byGroups = comparisonRows(await admin.dashboard.comparison({ year: 2025, codes: ['sick_visits'], by: 'groups' }));
    const members = demo.groups.flatMap((g) => g.schoolCodes.filter((c) => openIn(2025).some((s) => s.code === c)));
    expect(byGroups.groups.filter((g) => g.key !== 'none').reduce((n, g) => n + g.schoolCount, 0)).toBe(members.length);
    expect(byGroups.groups.find((g) => g.key === 'none')!.schoolCount).toBe(openIn(2025).length - new Set(members).size);
    const byStage = comparisonRows(await admin.dashboard.comparison({ year: 2026, codes: ['sick_visits'], by: 'stage' }));
    expect(byStage.groups.find((g) => g.key === 'preschool')!.schoolCount).toBe(openIn(2026).filter((s) => stageOf(s.schoolType) === 'preschool').length);
  });

  it('ranks the league table and compares with last year; the merged S31 continues the better of S13’s and S14’s 2024 ranks', async () => {
    const [y2024, y2025] = await Promise.all([2024, 2025].map((year) => admin.dashboard.comparison({ year, codes: ['sick_visits'] }).then(comparisonRows)));
    const rank2024 = new Map(y2024!.rows.map((r) => [r.schoolCode, r.rank]));
    // Competition ranking over the scores.
    const scores = y2025!.rows.map((r) => r.score);
    expect(y2025!.rows.map((r) => r.rank)).toEqual(ranksDescending(scores));
    for (const row of y2025!.rows.filter((r) => r.rank !== null)) {
      if (row.schoolCode === 'S31') continue;
      const before = rank2024.get(row.schoolCode) ?? null;
      expect(row.previousRank, row.schoolCode).toBe(before);
      expect(row.movement).toBe(before === null ? 'new' : before > row.rank! ? 'up' : before < row.rank! ? 'down' : 'same');
    }
    const s31 = y2025!.rows.find((r) => r.schoolCode === 'S31')!;
    const inheritedFrom = [rank2024.get('S13'), rank2024.get('S14')].filter((r): r is number => r != null);
    expect(inheritedFrom.length).toBeGreaterThan(0);
    expect(s31).toMatchObject({ previousRank: Math.min(...inheritedFrom), inheritedRank: true });
    // S23 opened in 2024: new in 2024's table.
    expect(y2024!.rows.find((r) => r.schoolCode === 'S23')!.movement).toBe(y2024!.rows.find((r) => r.schoolCode === 'S23')!.rank === null ? null : 'new');

    // Under a filter, last year's ranks are within the same group's schools of last year.
    const filtered = await Promise.all([2024, 2025].map((year) => admin.dashboard.comparison({ year, codes: ['sick_visits'], group: { set: 'stage', value: 'preschool' } }).then(comparisonRows)));
    const preRank2024 = new Map(filtered[0]!.rows.map((r) => [r.schoolCode, r.rank]));
    const preS31 = filtered[1]!.rows.find((r) => r.schoolCode === 'S31')!;
    expect(preS31.previousRank).toBe(Math.min(...[preRank2024.get('S13'), preRank2024.get('S14')].filter((r): r is number => r != null)));

    // The profile shows the same change.
    const profile = await admin.dashboard.schoolProfile({ schoolId: idOf('S31') });
    expect(profile.history.find((h) => h.year === 2025)).toMatchObject({ rank: s31.rank, previousRank: s31.previousRank, movement: s31.movement, inheritedRank: true });
  });

  it('trend: a group filter narrows the median to the group’s open schools; group-by gives one median line per group', async () => {
    const all = await admin.dashboard.trend({ code: 'sick_visits', by: 'ownership' });
    const rural = await admin.dashboard.trend({ code: 'sick_visits', group: { set: 'locality', value: 'rural' } });
    for (const year of [2024, 2025]) {
      const i = all.years.indexOf(year);
      const view = comparisonRows(await admin.dashboard.comparison({ year, codes: ['sick_visits'] }));
      const reportingOf = (codes: string[]) => view.rows.filter((r) => codes.includes(r.schoolCode) && r.cells.sick_visits!.value !== null).length;
      const privateCodes = demo.schools.filter((s) => s.ownership === 'private').map((s) => s.code);
      expect(all.groups.find((g) => g.key === 'private')!.reportingSchools[i]).toBe(reportingOf(privateCodes));
      expect(all.groups.reduce((n, g) => n + g.reportingSchools[i]!, 0)).toBe(all.reportingSchools[i]);
      expect(rural.reportingSchools[rural.years.indexOf(year)]).toBe(reportingOf(demo.schools.filter((s) => s.locality === 'rural').map((s) => s.code)));
    }
  });

  it('admin manages the district’s groups; members must be schools in scope; changes move the dashboards', async () => {
    const { id } = await admin.schoolGroups.save({ groupName: '农村薄弱校', description: '' });
    expect(await errorOf(admin.schoolGroups.save({ groupName: '农村薄弱校' }))).toMatchObject({ code: 'CONFLICT' });
    await admin.schoolGroups.setMembers({ id, schoolIds: [idOf('S21'), idOf('S24')] });
    const before = comparisonRows(await admin.dashboard.comparison({ year: 2026, codes: ['sick_visits'], group: { set: 'groups', value: id } }));
    expect(before.rows.map((r) => r.schoolCode).sort()).toEqual(['S21', 'S24']);
    await admin.schoolGroups.setMembers({ id, schoolIds: [idOf('S21')] });
    // Answers are reused until the data changes: membership is such a change.
    const after = comparisonRows(await admin.dashboard.comparison({ year: 2026, codes: ['sick_visits'], group: { set: 'groups', value: id } }));
    expect(after.rows.map((r) => r.schoolCode)).toEqual(['S21']);
    expect(await errorOf(admin.schoolGroups.setMembers({ id, schoolIds: [999_999] }))).toMatchObject({ code: 'NOT_FOUND' });
    expect((await viewer.schoolGroups.list()).find((g) => g.id === id)!.schoolIds).toEqual([idOf('S21')]);
    // A chair sees the names, and only their own school as a member.
    const chairView = await chair.schoolGroups.list();
    expect(chairView.find((g) => g.id === newQuality)!.schoolIds).toEqual([idOf('S02')]);
    expect(chairView.find((g) => g.id === id)!.schoolIds).toEqual([]);
    expect(await errorOf(viewer.schoolGroups.delete({ id }))).toMatchObject({ code: 'FORBIDDEN' });
    // A one-school group's total would be that school's figure: chairs get no group aggregates.
    expect(await errorOf(chair.dashboard.overview({ year: 2025, group: { set: 'groups', value: id } }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(chair.dashboard.trend({ code: 'sick_visits', by: 'groups' }))).toMatchObject({ code: 'FORBIDDEN' });
    await admin.schoolGroups.delete({ id });
    expect((await admin.schoolGroups.list()).some((g) => g.id === id)).toBe(false);
    const audit = await t.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'school_group').execute();
    expect(audit.map((a) => a.action)).toEqual(['school_group_saved', 'school_group_members_set', 'school_group_members_set', 'school_group_deleted']);
    expect(codeOf(idOf('S21'))).toBe('S21');
  });

  it('schools carry locality and ownership; the admin edits them, leaving them out keeps them', async () => {
    const s04 = (await admin.schools.list({})).schools.find((s) => s.code === 'S04')!;
    expect(s04).toMatchObject({ locality: 'urban', ownership: 'private' });
    const school = { code: 'S04', name: s04.name, schoolType: s04.schoolType, parentId: s04.parentId!, staffCount: s04.staffCount, memberCount: s04.memberCount };
    await admin.schools.update({ id: s04.id, school: { ...school, locality: 'town', ownership: 'public' } });
    await admin.schools.update({ id: s04.id, school });
    expect((await admin.schools.list({})).schools.find((s) => s.code === 'S04')).toMatchObject({ locality: 'town', ownership: 'public' });
    const bad = await errorOf(admin.schools.update({ id: s04.id, school: { ...school, locality: 'moon' as never } }));
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect(bad.message).toContain('城乡类别');
  });
});
