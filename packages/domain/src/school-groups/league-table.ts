import type { Localized } from '../i18n/locale';
import { ranksDescending } from '../compare/comparison';

/**
 * League table (排名榜): schools ranked by the year's score, highest first,
 * with competition ranking (1, 2, 2, 4), and the change against last year's
 * rank. Last year's ranks are over last year's population (the schools
 * counted that year, under the same filter), so a school that closed still
 * held its place then.
 *
 * A merged school (Y took over X) without a rank of its own last year
 * inherits its predecessors' last-year rank — the BEST (lowest number) of
 * them: the merged school continues the stronger part, and an average would
 * be a rank nobody held. Its own rank, when it has one, always wins.
 */
export const leagueMovements = ['up', 'down', 'same', 'new'] as const;
export type LeagueMovement = (typeof leagueMovements)[number];

export interface LeagueEntry {
  schoolId: number;
  rank: number;
  previousRank: number | null;
  /** Places gained (positive) or lost (negative); null when new. */
  change: number | null;
  movement: LeagueMovement;
  /** previousRank came from a predecessor (merger). */
  inherited: boolean;
}

export interface LeagueInput {
  current: readonly { schoolId: number; score: number | null }[];
  previous: readonly { schoolId: number; score: number | null }[];
  /** successor id → its predecessors' ids (transitive). */
  predecessors?: ReadonlyMap<number, readonly number[]>;
}

/** Ranks by score (schools without a score are left out), with rank changes. */
export function leagueTable(input: LeagueInput): LeagueEntry[] {
  const rankMap = (rows: LeagueInput['current']) => {
    const scored = rows.filter((r): r is { schoolId: number; score: number } => r.score !== null);
    const ranks = ranksDescending(scored.map((r) => r.score));
    return new Map(scored.map((r, i) => [r.schoolId, ranks[i]!]));
  };
  const now = rankMap(input.current);
  const before = rankMap(input.previous);
  const entries: LeagueEntry[] = [];
  for (const [schoolId, rank] of now) {
    let previousRank = before.get(schoolId) ?? null;
    let inherited = false;
    if (previousRank === null) {
      const inheritedRanks = (input.predecessors?.get(schoolId) ?? []).flatMap((p) => before.get(p) ?? []);
      if (inheritedRanks.length) {
        previousRank = Math.min(...inheritedRanks);
        inherited = true;
      }
    }
    const change = previousRank === null ? null : previousRank - rank;
    entries.push({ schoolId, rank, previousRank, change, inherited, movement: change === null ? 'new' : change > 0 ? 'up' : change < 0 ? 'down' : 'same' });
  }
  return entries.sort((a, b) => a.rank - b.rank || a.schoolId - b.schoolId);
}

export const leagueArrows: Record<LeagueMovement, string> = { up: '▲', down: '▼', same: '—', new: '新' };

/** The legend under every league table. */
export const leagueLegend: Record<LeagueMovement, Localized> = {
  up: { zh: '▲ 名次比上年上升（数字为上升的名次）', en: '▲ up on last year (by that many places)' },
  down: { zh: '▼ 名次比上年下降', en: '▼ down on last year' },
  same: { zh: '— 名次与上年相同', en: '— same place as last year' },
  new: { zh: '新 上年无排名（新开办或上年未评分）；带 * 的为合并后的学校，沿用并入学校中上年名次最好的一所', en: 'New: no rank last year (newly opened or not scored); * marks a merged school, which continues the best last-year rank of the schools merged into it' },
};
