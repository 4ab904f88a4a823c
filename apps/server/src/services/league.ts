import type { Kysely } from 'kysely';
import type { Database } from '@union/db';

/**
 * Every school's transitive predecessors ("X was merged into Y"): successor
 * id → predecessor ids. Used by the league table, where a merged school
 * continues its predecessors' last-year rank (the domain's leagueTable says
 * which). Ranks are standings, not report figures, so they are inherited for
 * every reader who sees the successor's rank.
 */
export async function predecessorMap(db: Kysely<Database>, successorIds: readonly number[]): Promise<Map<number, number[]>> {
  const result = new Map<number, number[]>();
  if (successorIds.length === 0) return result;
  const rows = await db
    .withRecursive('lineage(successor, predecessor)', (qb) =>
      qb
        .selectFrom('school_merges')
        .select(['successor_id as successor', 'predecessor_id as predecessor'])
        .where('successor_id', 'in', [...successorIds])
        .unionAll((u) => u.selectFrom('school_merges as m').innerJoin('lineage', 'lineage.predecessor', 'm.successor_id').select(['lineage.successor', 'm.predecessor_id as predecessor'])),
    )
    .selectFrom('lineage')
    .select(['successor', 'predecessor'])
    .execute();
  for (const r of rows) result.set(r.successor, [...(result.get(r.successor) ?? []), r.predecessor]);
  return result;
}
