import { useQueries } from '@tanstack/react-query';
import { useTRPC } from '../../../app/trpc';
import { ErrorState, LoadingState } from '../../../ui/states';
import { formatScore } from '../format';
import type { ComparisonRow } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

const SCHOOLS = 5;
const GAPS_PER_SCHOOL = 3;

/** The lowest-scoring schools of `year` and where each lost most points that year (their profiles' 查漏补缺). */
export function TopGaps({ rows, year }: { rows: readonly ComparisonRow[]; year: number }) {
  const { c, labelKey } = useDashboardCopy();
  const trpc = useTRPC();
  const lowest = rows
    .filter((r) => r.score !== null)
    .sort((a, b) => a.score! - b.score!)
    .slice(0, SCHOOLS);
  const profiles = useQueries({ queries: lowest.map((r) => trpc.dashboard.schoolProfile.queryOptions({ schoolId: r.schoolId, year })) });
  const failed = profiles.find((p) => p.isError);
  if (failed) return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  if (profiles.some((p) => !p.data)) return <LoadingState />;
  return (
    <>
      <p className="muted">{c.print.gapsIntro(lowest.length, year)}</p>
      <div className="table-scroll">
        <table className="data-table compact-table gaps-table">
          <thead>
            <tr>
              <th scope="col">{c.common.school}</th>
              <th scope="col" className="num">
                {c.common.score}
              </th>
              <th scope="col">{c.print.schoolGaps}</th>
            </tr>
          </thead>
          <tbody>
            {lowest.map((row, i) => {
              const profile = profiles[i]!.data!;
              return (
                <tr key={row.schoolId}>
                  <th scope="row">
                    <span data-user-content>{row.schoolName}</span>
                  </th>
                  <td className="num">{formatScore(row.score, labelKey)}</td>
                  <td>
                    <ul className="gap-lines">
                      {profile.gaps.slice(0, GAPS_PER_SCHOOL).map((gap) => (
                        <li key={gap.itemId}>
                          <strong>
                            <span lang="zh-CN" data-user-content>
                              {gap.titleZh}
                            </span>{' '}
                            (−{formatScore(gap.lost, labelKey)} {c.print.points})
                          </strong>
                          {c.print.adviceSeparator}
                          {gap.advice}
                          {gap.keywords?.length ? (
                            <span lang="zh-CN" data-user-content>
                              {' '}
                              「{gap.keywords.join('」「')}」
                            </span>
                          ) : null}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
