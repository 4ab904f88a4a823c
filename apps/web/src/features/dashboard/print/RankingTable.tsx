import { schoolTypeLabels } from '@union/domain';
import { YoyBadge } from '../compare/YoyBadge';
import { formatScore } from '../format';
import type { ComparisonRow } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';
import { LeagueBadge, useGroupsCopy } from '../groups';

/** Every scored school by rank: the printed ranking. */
export function RankingTable({ rows }: { rows: readonly ComparisonRow[] }) {
  const { c, label, labelKey } = useDashboardCopy();
  const { g } = useGroupsCopy();
  const ranked = [...rows].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return (
    <div className="table-scroll">
      <table className="data-table compact-table ranking-table">
        <thead>
          <tr>
            <th scope="col" className="num">
              {c.common.rank}
            </th>
            <th scope="col" className="num">
              {g.rankChange}
            </th>
            <th scope="col">{c.common.school}</th>
            <th scope="col">{c.common.cluster}</th>
            <th scope="col">{c.common.schoolType}</th>
            <th scope="col" className="num">
              {c.common.score}
            </th>
            <th scope="col" className="num">
              {c.common.vsLastYear}
            </th>
          </tr>
        </thead>
        <tbody>
          {ranked.map((r) => (
            <tr key={r.schoolId}>
              <td className="num">{r.rank ?? c.common.noValue}</td>
              <td className="num">
                <LeagueBadge movement={r.movement} change={r.rankChange} previousRank={r.previousRank} inherited={r.inheritedRank} />
              </td>
              <th scope="row">{r.schoolName}</th>
              <td>{r.clusterName ?? c.common.noCluster}</td>
              <td>{label(schoolTypeLabels[r.schoolType])}</td>
              <td className="num">{formatScore(r.score, labelKey) ?? c.common.noValue}</td>
              <td className="num">
                <YoyBadge yoy={r.scoreYoy} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
