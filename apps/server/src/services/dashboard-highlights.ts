import type { Kysely } from 'kysely';
import type { Database } from '@union/db';
import { categoryCodes, comparisonRows, type CategoryCode } from '@union/domain';
import type { Actor } from '../auth/actor';
import { comparison, mayCompare, progressRanking } from './dashboard';

/** Schools listed in each highlight. */
export const HIGHLIGHT_SIZE = 5;
/** Categories listed as losing most. */
export const CATEGORY_DROPS = 3;

export interface HighlightSchool {
  schoolId: number;
  schoolName: string;
  score: number;
  rank: number;
}

/**
 * "Who leads, who improved": the year overview's first screen. Built from the
 * comparison and the progress ranking, so the same schools, scope and
 * publication rule apply as on those pages. Null when the caller may not see
 * schools side by side (a chair before the year is published).
 */
export async function yearHighlights(db: Kysely<Database>, actor: Actor, year: number) {
  if (!(await mayCompare(db, actor, year))) return null;
  const [packed, progress] = await Promise.all([comparison(db, actor, { year, codes: ['staff_total'], perHundredStaff: false }), progressRanking(db, actor, year)]);
  const ranked: HighlightSchool[] = comparisonRows(packed)
    .rows.filter((r) => r.score !== null && r.rank !== null)
    .map((r) => ({ schoolId: r.schoolId, schoolName: r.schoolName, score: r.score!, rank: r.rank! }))
    .sort((a, b) => a.rank - b.rank || a.schoolName.localeCompare(b.schoolName, 'zh-CN'));
  const top = ranked.slice(0, HIGHLIGHT_SIZE);
  // Lowest first; a district of fewer than twice the size shows no school twice.
  const bottom = ranked.slice(Math.max(top.length, ranked.length - HIGHLIGHT_SIZE)).reverse();
  const improvers = progress.rows
    .filter((r) => r.change > 0)
    .slice(0, HIGHLIGHT_SIZE)
    .map((r) => ({ schoolId: r.schoolId, schoolName: r.schoolName, score: r.total, change: r.change }));
  const categoryDrops = categoryCodes
    .map((code) => {
      const changes = progress.rows.map((r) => r.categoryChanges[code]);
      return {
        code,
        /** Points gained minus points lost across the schools scored both years. */
        change: Math.round(changes.reduce((sum, c) => sum + c, 0) * 100) / 100,
        schoolsDropped: changes.filter((c) => c < 0).length,
      };
    })
    .filter((c) => c.change < 0)
    .sort((a, b) => a.change - b.change)
    .slice(0, CATEGORY_DROPS) as { code: CategoryCode; change: number; schoolsDropped: number }[];
  return { year, scoredSchools: ranked.length, comparedSchools: progress.rows.length, top, bottom, improvers, categoryDrops };
}
