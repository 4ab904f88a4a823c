import { categoryCodes, categoryLabels, indicatorsByCategory, type CategoryCode, type Indicator } from '@union/domain';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';

export interface CategoryGroup {
  category: CategoryCode;
  indicators: Indicator[];
}

/**
 * The catalogue grouped by category, in the domain's category order, empty
 * categories left out. Shared by the read-only report and the (later) form.
 */
export function groupCatalogue(catalogue: readonly Indicator[]): CategoryGroup[] {
  const groups = indicatorsByCategory(catalogue);
  return categoryCodes.flatMap((category) => {
    const indicators = groups.get(category);
    return indicators && indicators.length > 0 ? [{ category, indicators }] : [];
  });
}

export const categoryAnchor = (category: CategoryCode) => `category-${category}`;

/** In-page links to each category section. */
export function CategoryNav({ groups }: { groups: readonly CategoryGroup[] }) {
  const { t, label } = useI18n();
  return (
    <nav className="category-nav" aria-label={t('report.jumpTo')}>
      <ul>
        {groups.map((g) => (
          <li key={g.category}>
            <a href={`#${categoryAnchor(g.category)}`}>{label(categoryLabels[g.category])}</a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * One category's section with its heading; what goes inside (a read-only table
 * or form fields) is up to the caller.
 */
export function CategorySection({ group, children }: { group: CategoryGroup; children: ReactNode }) {
  const { label } = useI18n();
  const headingId = `${categoryAnchor(group.category)}-title`;
  return (
    <section className="category" id={categoryAnchor(group.category)} aria-labelledby={headingId}>
      <h3 id={headingId} className="category__title">
        {label(categoryLabels[group.category])}
      </h3>
      {children}
    </section>
  );
}
