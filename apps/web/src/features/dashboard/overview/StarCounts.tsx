import { starLabelsZh } from '@union/domain';
import { starText } from '../format';
import type { Overview } from '../types';
import { useDashboardCopy } from '../useDashboardCopy';

/** How many schools earned each star level. */
export function StarCounts({ stars }: { stars: Overview['scores']['stars'] }) {
  const { c, labelKey } = useDashboardCopy();
  return (
    <section className="dash-section" aria-labelledby="stars-title">
      <h2 id="stars-title" className="dash-section__title">
        {c.overview.starCounts}
      </h2>
      <ul className="star-counts">
        {stars.map((s) => (
          <li key={s.stars}>
            <span className="stars" aria-hidden="true">
              {starText(s.stars)}
            </span>
            <span className="star-counts__label">{labelKey === 'en' ? `${s.stars}-star` : starLabelsZh[s.stars]}</span>
            <span className="star-counts__count">{c.common.schoolsCount(s.count)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
