import { formatShown, formatRatio } from '../format';
import type { CatalogueIndicator, Overview } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

/** District totals and school medians of the key indicators, and the proposal resolution rate. */
export function KeyIndicatorCards({ overview, catalogue }: { overview: Overview; catalogue: readonly CatalogueIndicator[] }) {
  const { c, labelKey } = useDashboardCopy();
  const byCode = new Map(catalogue.map((i) => [i.code, i]));
  return (
    <section className="dash-section" aria-labelledby="key-title">
      <h2 id="key-title" className="dash-section__title">
        {c.overview.keyIndicators}
      </h2>
      <ul className="kpi-grid">
        <li className="kpi kpi--highlight">
          <h3 className="kpi__name">{c.overview.proposalRate}</h3>
          <p className="kpi__value">{formatRatio(overview.proposalResolutionRate, labelKey) ?? c.common.noValue}</p>
          <p className="kpi__meta">{c.overview.proposalRateHint}</p>
        </li>
        {overview.indicators.map((item) => {
          const indicator = byCode.get(item.code);
          const format = indicator ?? { valueType: 'integer' as const, unit: '' };
          const name = indicator ? (labelKey === 'en' ? indicator.nameEn : indicator.nameZh) : item.code;
          return (
            <li key={item.code} className="kpi">
              <h3 className="kpi__name">{name}</h3>
              <p className="kpi__value">
                <span className="visually-hidden">{c.overview.totalLabel} </span>
                {formatShown(item.total, format, false, labelKey, true)}
              </p>
              <p className="kpi__meta">
                {c.overview.medianLabel} {formatShown(item.median, format, false, labelKey, true) ?? c.common.noValue} · {c.overview.reportingSchools(item.reportingSchools)}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
