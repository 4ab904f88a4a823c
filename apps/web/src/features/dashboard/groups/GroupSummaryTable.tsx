import { groupSetLabels, scalesPerHundredStaff } from '@union/domain';
import { formatScore, formatShown } from '../format';
import type { Comparison } from '../types';
import { useGroupsCopy } from './useGroupsCopy';

/** Group-by rows beside the schools: count, score median and, per indicator, total, median and per 100 staff. */
export function GroupSummaryTable({ data, headingLevel = 2 }: { data: Comparison; headingLevel?: 2 | 3 }) {
  const { g, label, labelKey } = useGroupsCopy();
  if (!data.groupBy) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = g.groupsTitle(label(groupSetLabels[data.groupBy]));
  const nameOf = (i: Comparison['indicators'][number]) => (labelKey === 'en' ? i.nameEn : i.nameZh);
  return (
    <section className="dash-section group-summary" aria-labelledby="group-summary-title" data-testid="group-summary">
      <div className="dash-section__head">
        <Heading id="group-summary-title" className="dash-section__title">
          {title}
        </Heading>
      </div>
      <p className="legend">{g.groupsIntro}</p>
      {data.groups.length === 0 ? (
        <p className="muted" role="status">
          {g.noGroups}
        </p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={title}>
          <table className="data-table compact-table">
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  {g.group}
                </th>
                <th scope="col" rowSpan={2} className="num">
                  {g.schoolCount}
                </th>
                <th scope="col" rowSpan={2} className="num">
                  {g.scoreMedian}
                </th>
                {data.indicators.map((i) => (
                  <th key={i.code} scope="colgroup" colSpan={scalesPerHundredStaff(i) ? 3 : 2} className="num">
                    {nameOf(i)}
                  </th>
                ))}
              </tr>
              <tr>
                {data.indicators.flatMap((i) => [
                  <th key={`${i.code}-t`} scope="col" className="num">
                    {g.total}
                  </th>,
                  <th key={`${i.code}-m`} scope="col" className="num">
                    {g.median}
                  </th>,
                  ...(scalesPerHundredStaff(i)
                    ? [
                        <th key={`${i.code}-p`} scope="col" className="num">
                          {g.per100}
                        </th>,
                      ]
                    : []),
                ])}
              </tr>
            </thead>
            <tbody>
              {data.groups.map((row) => (
                <tr key={row.key} data-group={row.key}>
                  <th scope="row" data-user-content={data.groupBy === 'groups' && row.key !== 'none' ? true : undefined}>
                    {label(row.label)}
                  </th>
                  <td className="num">{row.schoolCount}</td>
                  <td className="num">{formatScore(row.scoreMedian, labelKey) ?? '—'}</td>
                  {data.indicators.flatMap((i) => {
                    const cell = row.indicators[i.code];
                    return [
                      <td key={`${i.code}-t`} className="num">
                        {formatShown(cell?.total, i, false, labelKey) ?? '—'}
                      </td>,
                      <td key={`${i.code}-m`} className="num">
                        {formatShown(cell?.median, i, false, labelKey) ?? '—'}
                      </td>,
                      ...(scalesPerHundredStaff(i)
                        ? [
                            <td key={`${i.code}-p`} className="num">
                              {formatShown(cell?.perHundredStaff, i, true, labelKey) ?? '—'}
                            </td>,
                          ]
                        : []),
                    ];
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
