import { formatScore } from '../format';
import type { SchoolProfile } from '../types';
import { LeagueBadge } from './LeagueBadge';
import { useGroupsCopy } from './useGroupsCopy';

/** One school's place in the league table year by year, with the change against the year before. */
export function RankHistory({ history }: { history: SchoolProfile['history'] }) {
  const { g, labelKey } = useGroupsCopy();
  const scored = history.filter((h) => h.rank !== null);
  if (scored.length === 0) return null;
  return (
    <section className="dash-section" aria-labelledby="rank-history-title" data-testid="rank-history">
      <h2 id="rank-history-title" className="dash-section__title">
        {g.rankHistory}
      </h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={g.rankHistory}>
        <table className="data-table compact-table">
          <thead>
            <tr>
              <th scope="col">{g.year}</th>
              <th scope="col" className="num">
                {g.score}
              </th>
              <th scope="col" className="num">
                {g.rank}
              </th>
              <th scope="col" className="num">
                {g.rankChange}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...scored].reverse().map((h) => (
              <tr key={h.year}>
                <th scope="row">{h.year}</th>
                <td className="num">{formatScore(h.score, labelKey)}</td>
                <td className="num">{`${h.rank} / ${h.of}`}</td>
                <td className="num">
                  <LeagueBadge movement={h.movement} change={h.rankChange} previousRank={h.previousRank} inherited={h.inheritedRank} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
