import { formatRatio, formatScore, formatShown } from '../format';
import type { CatalogueIndicator, Overview } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

/** The year's headline figures as a compact two-column table (prints well). */
export function TotalsTable({ overview, catalogue }: { overview: Overview; catalogue: readonly CatalogueIndicator[] }) {
  const { c, labelKey } = useDashboardCopy();
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  const s = overview.statusCounts;
  return (
    <div className="table-scroll">
      <table className="data-table compact-table totals-table">
        <thead>
          <tr>
            <th scope="col">{c.print.item}</th>
            <th scope="col" className="num">
              {c.overview.totalLabel}
            </th>
            <th scope="col" className="num">
              {c.overview.medianLabel}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{c.overview.completion}</th>
            <td className="num">{c.overview.completionHint(s.submitted + s.approved, overview.schoolCount)}</td>
            <td className="num">{formatRatio(overview.completionRate, labelKey, 0)}</td>
          </tr>
          <tr>
            <th scope="row">{c.print.scoreRow}</th>
            <td className="num">{c.common.schoolsCount(overview.scores.scoredSchools)}</td>
            <td className="num">{formatScore(overview.scores.median, labelKey) ?? c.common.noValue}</td>
          </tr>
          <tr>
            <th scope="row">{c.overview.proposalRate}</th>
            <td className="num">{formatRatio(overview.proposalResolutionRate, labelKey) ?? c.common.noValue}</td>
            <td className="num">{c.common.noValue}</td>
          </tr>
          {overview.indicators.map((item) => {
            const indicator = byCode.get(item.code);
            const format = indicator ?? { valueType: 'integer' as const, unit: '' };
            return (
              <tr key={item.code}>
                <th scope="row">{indicator ? (labelKey === 'en' ? indicator.nameEn : indicator.nameZh) : item.code}</th>
                <td className="num">{formatShown(item.total, format, false, labelKey, true)}</td>
                <td className="num">{formatShown(item.median, format, false, labelKey, true) ?? c.common.noValue}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
